import { describe, expect, it } from 'vitest'
import { addTo, changesOf, lineupOf, offered, staying, toggleRemove, type Lineup } from './lineup'

const room = lineupOf([
  { name: 'Alex Recruiter', email: 'alex@example.com' },
  { name: 'Sam Lee', email: 'sam@example.com' },
])

const added = (l: Lineup, name: string, email: string): Lineup => {
  const r = addTo(l, { name, email }, 'olivia@example.com')
  if ('errors' in r) throw new Error(JSON.stringify(r.errors))
  return r.lineup
}

describe('editing a room’s interviewer list', () => {
  it('keeps additions and removals pending until Update, which removes first, then adds', () => {
    let l = added(room, ' Ivan Petrov ', ' ivan@example.com ')
    l = toggleRemove(l, 'SAM@example.com')
    expect(changesOf(l)).toEqual({ remove: ['sam@example.com'], add: [{ name: 'Ivan Petrov', email: 'ivan@example.com' }] })
    expect(staying(l).map((e) => e.name)).toEqual(['Alex Recruiter', 'Ivan Petrov'])
    // Removing again keeps Sam; removing someone just added drops them.
    l = toggleRemove(toggleRemove(l, 'sam@example.com'), 'ivan@example.com')
    expect(changesOf(l)).toEqual({ remove: [], add: [] })
  })

  it('never removes the organizer', () => {
    expect(toggleRemove(room, 'alex@example.com')).toEqual(room)
  })

  it('refuses what the host refuses, by field', () => {
    const refuse = (name: string, email: string, l: Lineup = room) => {
      const r = addTo(l, { name, email }, 'olivia@example.com')
      return 'errors' in r ? r.errors : undefined
    }
    expect(refuse('', 'x@example.com')).toEqual({ name: 'Enter the interviewer’s name.' })
    expect(refuse('X', 'not an address')?.email).toMatch(/valid email/)
    expect(refuse('Samuel', 'Sam@Example.com')).toEqual({ email: 'Sam Lee already interviews with this email address.' })
    expect(refuse('Olivia', 'olivia@example.com')).toEqual({ email: 'This is the candidate’s email address.' })
    const full = ['a', 'b', 'c'].reduce((l, n) => added(l, n, `${n}@example.com`), room)
    expect(refuse('d', 'd@example.com', full)).toEqual({ email: 'A room holds at most 5 interviewers.' })
  })

  it('adding someone marked for removal keeps them instead', () => {
    const l = added(toggleRemove(room, 'sam@example.com'), 'Sam Lee', 'sam@example.com')
    expect(changesOf(l)).toEqual({ remove: [], add: [] })
  })

  it('offers the known interviewers who are not in the room, nor the candidate', () => {
    const known = [
      { name: 'Sam Lee', email: 'SAM@example.com' },
      { name: 'Ivan Petrov', email: 'ivan@example.com' },
      { name: 'Olivia', email: 'olivia@example.com' },
    ]
    expect(offered(known, room, 'olivia@example.com').map((p) => p.name)).toEqual(['Ivan Petrov'])
    expect(offered(known, toggleRemove(room, 'sam@example.com'), 'olivia@example.com').map((p) => p.name)).toEqual([
      'Sam Lee',
      'Ivan Petrov',
    ])
  })
})
