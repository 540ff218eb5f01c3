// A room's interviewer list being edited: people added (from the drop-down of
// known interviewers or typed in) and removed stay pending until Update, which
// sends them through the interviewer routes (the host checks them again).

import type { Person } from '../api/types'
import { validateInterviewer, type FieldErrors, type InterviewerField } from '../interviews/validation'

/** The most interviewers a room holds (interviews.MaxInterviewers). */
export const MAX_INTERVIEWERS = 5

export type LineupEntry = Person & {
  organizer: boolean
  /** kept: in the room already; added: joins on Update; removed: leaves on Update. */
  change: 'kept' | 'added' | 'removed'
}

export type Lineup = LineupEntry[]

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The interviewers a room has now, organizer first. */
export function lineupOf(interviewers: readonly Person[]): Lineup {
  return interviewers.map((p, i) => ({ name: p.name, email: p.email, organizer: i === 0, change: 'kept' }))
}

/** Who will be in the room after Update. */
export const staying = (l: Lineup) => l.filter((e) => e.change !== 'removed')

/**
 * Adds a person, or says why not, by field: the same rules the host applies
 * (a name and a valid email, not twice, not the candidate, at most five).
 */
export function addTo(
  l: Lineup,
  p: Person,
  candidateEmail: string,
): { lineup: Lineup } | { errors: FieldErrors<InterviewerField> } {
  const errors = validateInterviewer(p.name, p.email)
  if (errors.name || errors.email) return { errors }
  const email = p.email.trim()
  const removed = l.find((e) => e.change === 'removed' && same(e.email, email))
  if (removed) return { lineup: l.map((e) => (e === removed ? { ...e, change: 'kept' } : e)) }
  const twin = l.find((e) => same(e.email, email))
  if (twin) return { errors: { email: `${twin.name} already interviews with this email address.` } }
  if (same(candidateEmail, email)) return { errors: { email: 'This is the candidate’s email address.' } }
  if (staying(l).length >= MAX_INTERVIEWERS) return { errors: { email: `A room holds at most ${MAX_INTERVIEWERS} interviewers.` } }
  return { lineup: [...l, { name: p.name.trim(), email, organizer: false, change: 'added' }] }
}

/** Marks an interviewer to leave on Update; one added here is simply dropped. Removing again undoes it. */
export function toggleRemove(l: Lineup, email: string): Lineup {
  const out: Lineup = []
  for (const e of l) {
    if (e.organizer || !same(e.email, email)) out.push(e)
    else if (e.change === 'kept') out.push({ ...e, change: 'removed' })
    else if (e.change === 'removed') out.push({ ...e, change: 'kept' })
  }
  return out
}

/** What Update sends: people to remove (by email), then people to add. */
export function changesOf(l: Lineup): { remove: string[]; add: Person[] } {
  return {
    remove: l.filter((e) => e.change === 'removed').map((e) => e.email),
    add: l.filter((e) => e.change === 'added').map(({ name, email }) => ({ name, email })),
  }
}

/** Known interviewers not in the lineup (and not the candidate), for the drop-down. */
export function offered(known: readonly Person[], l: Lineup, candidateEmail: string): Person[] {
  return known.filter((k) => k.email && !same(k.email, candidateEmail) && !staying(l).some((e) => same(e.email, k.email)))
}
