import { describe, expect, it } from 'vitest'
import type { LiveRoom, RoomPresence } from '../api/types'
import { arrange, candidateState, elapsed, groupOf, matches, memberState, roomBadge, withPresence } from './rooms'
import { at, member, NOW, presence, room } from './testRooms'

const ids = (rs: LiveRoom[]) => rs.map((r) => r.id)

describe('the Live Room list', () => {
  const rooms = [
    room('Upcoming later', { start: 24 * 60 }),
    room('Upcoming soon', { start: 90 }),
    room('Now older', { start: -40 }),
    room('Now newer', { start: -5 }),
    room('Interviewer only', { start: -10, presence: presence([member('interviewer', -10)]) }),
    room('Candidate recent', { start: -3, presence: presence([member('interviewer', -9), member('candidate', -2)]) }),
    room('Candidate longest', { start: 120, presence: presence([member('candidate', -15)]) }),
    room('Over', { start: -120 }),
    room('Ended', { start: -20, presence: presence([], 'ended') }),
  ]

  it('puts rooms with a candidate in them first, then other live rooms, rooms open now, and upcoming ones', () => {
    const a = arrange(rooms, NOW)
    expect(ids(a.live)).toEqual(['Candidate longest', 'Candidate recent', 'Interviewer only'])
    expect(ids(a.now)).toEqual(['Now newer', 'Now older'])
    expect(ids(a.upcoming)).toEqual(['Upcoming soon', 'Upcoming later'])
    expect(a.matching).toBe(7)
  })

  it('leaves out rooms whose time is over with nobody in them, and ended ones', () => {
    expect(groupOf(rooms.find((r) => r.id === 'Over')!, NOW)).toBeUndefined()
    expect(groupOf(rooms.find((r) => r.id === 'Ended')!, NOW)).toBeUndefined()
    // Someone still in a room past its planned end keeps it live.
    expect(groupOf(room('Late', { start: -120, presence: presence([member('candidate', -100)]) }), NOW)).toBe('live')
  })

  it('moves an upcoming room to "interview now" when its start comes', () => {
    const r = room('Soon', { start: 10 })
    expect(groupOf(r, NOW)).toBe('upcoming')
    expect(groupOf(r, new Date(Date.parse(at(10))))).toBe('now')
  })

  it('searches candidate name, email, position and template, every word, ignoring case and accents', () => {
    const r = room('José Álvarez', { position: 'Senior Go developer', campaign: 'Berlin 2026' })
    expect(matches(r, '')).toBe(true)
    expect(matches(r, 'jose')).toBe(true)
    expect(matches(r, 'ALVAREZ go')).toBe(true)
    expect(matches(r, 'josé.álvarez@example')).toBe(true)
    expect(matches(r, 'berlin')).toBe(true)
    expect(matches(r, 'go backend engineer')).toBe(true) // the template
    expect(matches(r, 'jose python')).toBe(false)
    const a = arrange(rooms, NOW, 'candidate')
    expect(ids(a.live)).toEqual(['Candidate longest', 'Candidate recent'])
    expect(a.now).toEqual([])
    expect(a.matching).toBe(2)
  })
})

describe('presence pushed into the list', () => {
  const rooms = [room('A', { start: -5 }), room('B', { start: 60 })]

  it('makes a room live when someone joins and puts it back when the last one leaves', () => {
    const joined = withPresence(rooms, 'B', presence([member('candidate', 0, false)]))!
    expect(ids(arrange(joined, NOW).live)).toEqual(['B'])
    const left = withPresence(joined, 'B', presence([]))!
    expect(left.find((r) => r.id === 'B')?.presence).toBeUndefined()
    expect(ids(arrange(left, NOW).upcoming)).toEqual(['B'])
  })

  it('says when the room is not in the list, so the screen reloads', () => {
    expect(withPresence(rooms, 'C', presence([member('candidate', 0)]))).toBeUndefined()
  })
})

describe('who is in a room, in words', () => {
  const r = (p: RoomPresence) => room('R', { presence: p })

  it('follows the candidate from the device check to waiting and admitted', () => {
    expect(candidateState(room('R'))).toBe('absent')
    const checking = r(presence([member('candidate', -1, false)]))
    expect(candidateState(checking)).toBe('checking')
    expect(memberState(checking, checking.presence!.members[0]!)).toBe('Checking devices')
    const waiting = r(presence([member('interviewer', -3), member('candidate', -1)]))
    expect(memberState(waiting, waiting.presence!.members[1]!)).toBe('Waiting')
    expect(roomBadge(waiting).text).toBe('Candidate waiting')
    const locked = r(presence([member('candidate', -1)], 'plan', true))
    expect(memberState(locked, locked.presence!.members[0]!)).toBe('Waiting · room locked')
    const admitted = r(presence([member('interviewer', -3), member('candidate', -1)], 'technical'))
    expect(memberState(admitted, admitted.presence!.members[1]!)).toBe('Admitted')
    expect(memberState(admitted, admitted.presence!.members[0]!)).toBe('Interviewer')
    expect(roomBadge(admitted).text).toBe('Interview in progress')
    expect(roomBadge(r(presence([member('interviewer', -3)]))).text).toBe('Interviewers only')
  })

  it('says how long someone has been there', () => {
    expect(elapsed(at(0), NOW)).toBe('just now')
    expect(elapsed(at(-4), NOW)).toBe('4 min')
    expect(elapsed(at(-65), NOW)).toBe('1 h 5 min')
  })
})
