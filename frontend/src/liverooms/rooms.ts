// The Live Room list's rules, kept pure so they are tested without a screen:
// which group a room is in now, the order within each group (the host answers
// in the same order; the screen re-sorts as presence is pushed and time
// passes), search, and the words for who is in a room.

import type { LiveRoom, LiveRoomGroup, RoomMember, RoomPresence } from '../api/types'
import { formatDuration } from '../platform/time'

export type Arranged = Record<LiveRoomGroup, LiveRoom[]> & {
  /** Rooms that match the search, in all groups. */
  matching: number
}

export const GROUPS: readonly LiveRoomGroup[] = ['live', 'now', 'upcoming']

const ms = (iso: string) => Date.parse(iso)

/**
 * Where a room stands at `now`: live while anyone is connected, "now" once its
 * start has come, upcoming before; undefined when it is no longer listed (its
 * planned end has passed with nobody in it, or the interview has ended).
 */
export function groupOf(r: LiveRoom, now: Date): LiveRoomGroup | undefined {
  const p = r.presence
  if (p?.phase === 'ended') return undefined
  if (p && p.members.length > 0) return 'live'
  if (ms(r.endsAt) <= now.getTime()) return undefined
  return ms(r.startsAt) <= now.getTime() ? 'now' : 'upcoming'
}

/** The room's candidate while connected. */
export function candidateOf(r: LiveRoom): RoomMember | undefined {
  return r.presence?.members.find((m) => m.role === 'candidate')
}

/**
 * Live rooms with the candidate connected first (the longest there first),
 * then live rooms with interviewers only; rooms whose time has come, the
 * latest start first; upcoming rooms, the soonest first.
 */
function compare(group: LiveRoomGroup, a: LiveRoom, b: LiveRoom): number {
  if (group === 'live') {
    const ca = candidateOf(a)
    const cb = candidateOf(b)
    if (!!ca !== !!cb) return ca ? -1 : 1
    if (ca && cb && ms(ca.since) !== ms(cb.since)) return ms(ca.since) - ms(cb.since)
  }
  if (group === 'now' && ms(a.startsAt) !== ms(b.startsAt)) return ms(b.startsAt) - ms(a.startsAt)
  if (ms(a.startsAt) !== ms(b.startsAt)) return ms(a.startsAt) - ms(b.startsAt)
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Lower case without accents, so "jose" finds "José". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Whether the room matches a search: every word of the query is found in the
 * candidate's name or email, the position, the campaign or the template.
 */
export function matches(r: LiveRoom, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const text = fold([r.candidate.name, r.candidate.email, r.position, r.campaign, r.templateName].join('\n'))
  return words.every((w) => text.includes(w))
}

/** The rooms that match `query`, by group, each group in list order. */
export function arrange(rooms: readonly LiveRoom[], now: Date, query = ''): Arranged {
  const out: Arranged = { live: [], now: [], upcoming: [], matching: 0 }
  for (const r of rooms) {
    const g = groupOf(r, now)
    if (!g || !matches(r, query)) continue
    out[g].push(r)
    out.matching++
  }
  for (const g of GROUPS) out[g].sort((a, b) => compare(g, a, b))
  return out
}

/**
 * The rooms with interview id's presence replaced (nobody there: none), or
 * undefined when the list does not have that room (the caller reloads).
 */
export function withPresence(rooms: readonly LiveRoom[], id: string, p: RoomPresence): LiveRoom[] | undefined {
  if (!rooms.some((r) => r.id === id)) return undefined
  return rooms.map((r) => {
    if (r.id !== id) return r
    const { presence: _old, ...rest } = r
    return p.members.length > 0 || p.phase === 'ended' ? { ...rest, presence: p } : rest
  })
}

export type CandidateState = 'absent' | 'checking' | 'waiting' | 'admitted'

/** Where the candidate is: not connected, at the device check, waiting to be let in, or in the interview. */
export function candidateState(r: LiveRoom): CandidateState {
  const c = candidateOf(r)
  const p = r.presence
  if (!c || !p) return 'absent'
  if (!c.ready) return 'checking'
  return p.phase === 'waiting' || p.locked ? 'waiting' : 'admitted'
}

/** A member's state in words: "Waiting", "Admitted", "Checking devices", "Interviewer". */
export function memberState(r: LiveRoom, m: RoomMember): string {
  if (m.role !== 'candidate') return 'Interviewer'
  switch (candidateState(r)) {
    case 'checking':
      return 'Checking devices'
    case 'waiting':
      return r.presence?.locked ? 'Waiting · room locked' : 'Waiting'
    default:
      return 'Admitted'
  }
}

/** The room's state at a glance. */
export function roomBadge(r: LiveRoom): { text: string; tone: 'accent' | 'success' | 'muted' } {
  switch (candidateState(r)) {
    case 'waiting':
      return { text: 'Candidate waiting', tone: 'accent' }
    case 'checking':
      return { text: 'Candidate checking devices', tone: 'muted' }
    case 'admitted':
      return { text: 'Interview in progress', tone: 'success' }
    default:
      return { text: 'Interviewers only', tone: 'muted' }
  }
}

/** How long someone has been there: "just now", "4 min", "1 h 5 min". */
export function elapsed(since: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - ms(since)) / 60_000)
  return minutes < 1 ? 'just now' : formatDuration(minutes)
}
