import { afterEach, describe, expect, it, vi } from 'vitest'
import { ContractError, parse } from './check'
import { call, endpointPath } from './client'
import { endpoints, schemas } from './contract.gen'

const interview = {
  id: 'iv1',
  position: 'Backend engineer',
  candidate: { name: 'Olivia', email: 'o@example.com' },
  campaign: '',
  startsAt: '2026-12-01T13:30:00Z',
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
  endsAt: '2026-12-01T14:30:00Z',
  status: 'scheduled',
  tense: 'upcoming',
  template: { id: 't1', name: 'Go', specialization: 'Go', technical: true, topicCount: 3, questionCount: 5 },
  tools: { liveCode: true, whiteboard: false },
  interviewers: [{ name: 'Rita', email: 'r@example.com', link: 'https://h/room/x' }],
  candidateLink: 'https://h/join/y',
  interviewerLink: 'https://h/room/x',
  createdAt: '2026-11-24T12:00:00Z',
  updatedAt: '2026-11-24T12:00:00Z',
  sequence: 0,
}

describe('parse', () => {
  it('accepts an answer of the contract’s shape as it is', () => {
    expect(parse('Interview', interview)).toEqual(interview)
  })

  it('reads a null list or map as empty and keeps fields it does not know', () => {
    expect(parse('Interview', { ...interview, interviewers: null, extra: 1 })).toEqual({ ...interview, interviewers: [], extra: 1 })
    expect(parse('InterviewerView', { phase: 'plan', locked: false, done: null, topics: null })).toEqual({
      phase: 'plan',
      locked: false,
      done: {},
      topics: [],
    })
  })

  it.each([
    ['a wrong enum value', { ...interview, status: 'archived' }, 'status'],
    ['a number as a string', { ...interview, durationMinutes: '60' }, 'durationMinutes'],
    ['a fraction where a count belongs', { ...interview, sequence: 1.5 }, 'sequence'],
    ['a nested object of another shape', { ...interview, interviewers: [{ name: 'Rita', email: 7 }] }, 'interviewers[0].email'],
    ['a list where an object belongs', { ...interview, candidate: [] }, 'candidate'],
    ['a time that is none', { ...interview, startsAt: 'tomorrow' }, 'startsAt'],
    ['null where a value belongs', { ...interview, tools: null }, 'tools'],
  ])('refuses %s and says where', (_, value, path) => {
    const err = (() => {
      try {
        parse('Interview', value)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(ContractError)
    expect((err as ContractError).path).toBe(path)
    expect((err as ContractError).message).toMatch(/^The host answered in a form this console does not understand/)
  })

  it('has a schema for every type an endpoint names', () => {
    for (const e of Object.values(endpoints)) {
      for (const t of [e.request, e.response]) {
        if (t !== null && t !== 'file') expect(schemas).toHaveProperty(t)
      }
    }
  })
})

describe('call', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('fills the path from the contract and checks the answer', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ...interview, status: 7 }), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    await expect(call('GET /api/interviews/{id}', { params: { id: 'a/b' } })).rejects.toBeInstanceOf(ContractError)
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/interviews/a%2Fb')
  })

  it('builds paths with parameters and a query', () => {
    expect(endpointPath('GET /api/interviews/{id}/ics', { params: { id: 'iv1' }, query: { for: 'interviewer:a@b.c' } })).toBe(
      '/api/interviews/iv1/ics?for=interviewer%3Aa%40b.c',
    )
    expect(() => endpointPath('GET /api/interviews/{id}', {})).toThrow(/no value for \{id\}/)
  })
})
