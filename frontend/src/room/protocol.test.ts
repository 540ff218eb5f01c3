import { describe, expect, it } from 'vitest'
import { linkFromPath, optionalTime, parseServerMessage, socketURL } from './protocol'

describe('parseServerMessage', () => {
  it('reads a welcome, turning a bare urls string into a list', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'welcome',
        role: 'candidate',
        connection: 'abc',
        you: 'Olivia Diaz',
        interview: {
          position: 'Go dev',
          candidate: 'Olivia Diaz',
          interviewers: ['Alex'],
          startsAt: '2026-11-24T14:00:00Z',
          durationMinutes: 60,
          technical: true,
          questionCount: 10,
          tools: { liveCode: true, whiteboard: false },
        },
        iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'p' }, { nope: 1 }],
      }),
      undefined,
    )
    expect(r.ok && r.value).toMatchObject({
      type: 'welcome',
      role: 'candidate',
      interview: { position: 'Go dev', questionCount: 10, tools: { liveCode: true, whiteboard: false } },
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'p' }],
    })
  })

  it('reads the call backend a welcome names, and nothing else in its place', () => {
    const welcome = (media: unknown) =>
      parseServerMessage(JSON.stringify({ type: 'welcome', role: 'candidate', connection: 'c', you: 'O', interview: {}, iceServers: [], media }), undefined)
    const lk = welcome('livekit')
    expect(lk.ok && lk.value.type === 'welcome' && lk.value.media).toBe('livekit')
    const odd = welcome('somewhere')
    expect(odd.ok && odd.value.type === 'welcome' && 'media' in odd.value).toBe(false)
  })

    it('needs a welcome before a state', () => {
    expect(parseServerMessage('{"type":"state","state":{"phase":"plan"}}', undefined)).toEqual({
      ok: false,
      error: 'state before welcome',
    })
  })

  it('keeps only candidate fields in a candidate state, whatever else arrives', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'state',
        state: {
          phase: 'technical',
          locked: false,
          recorded: false,
          question: { number: 7, total: 10, text: 'Q7', rephrased: 'Q7 again', expectedAnswer: 'secret' },
          notes: { x: 1 },
        },
      }),
      'candidate',
    )
    expect(r).toEqual({
      ok: true,
      value: {
        type: 'state',
        state: { phase: 'technical', locked: false, recorded: false, question: { number: 7, total: 10, text: 'Q7', rephrased: 'Q7 again' } },
      },
    })
  })

  it('reads an interviewer state: zero times dropped, null windows as an empty list, maps kept', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'state',
        state: {
          phase: 'technical',
          consentAt: '0001-01-01T00:00:00Z',
          startedAt: '2026-11-24T14:01:00Z',
          locked: true,
          topics: [{ id: 't1', title: 'Experience', hint: 'Ask about scale' }, { id: 't2', title: 'Extra', added: true, hint: '' }],
          done: { t1: true },
          questions: 2,
          question: 1,
          windows: null,
          rephrased: { '1': true },
          ratings: { '0': 4 },
          comments: { '0': 'ok' },
          notes: { 'a@x': { author: { role: 'interviewer', email: 'a@x', name: 'Alex' }, text: 'n', savedAt: '2026-11-24T14:02:00Z' } },
          lastSeq: 9,
          questionsContent: [{ text: 'Q1', alternative: 'A1', expectedAnswer: 'E1' }, { text: 'Q2', alternative: '', expectedAnswer: 'E2', keyPoints: ['k'] }],
        },
      }),
      'interviewer',
    )
    if (!r.ok || r.value.type !== 'state') throw new Error('not parsed')
    const s = r.value.state
    expect(s).toMatchObject({
      phase: 'technical',
      locked: true,
      startedAt: '2026-11-24T14:01:00Z',
      topics: [{ id: 't1', title: 'Experience', hint: 'Ask about scale' }, { id: 't2', title: 'Extra', added: true }],
      done: { t1: true },
      question: 1,
      windows: [],
      rephrased: { '1': true },
      ratings: { '0': 4 },
      comments: { '0': 'ok' },
      lastSeq: 9,
    })
    expect('consentAt' in s).toBe(false)
    expect((s as { topics: object[] }).topics[1]).not.toHaveProperty('hint') // an empty hint is no hint
    expect((s as { questionsContent: unknown[] }).questionsContent).toEqual([
      { text: 'Q1', alternative: 'A1', expectedAnswer: 'E1', keyPoints: [] },
      { text: 'Q2', alternative: '', expectedAnswer: 'E2', keyPoints: ['k'] },
    ])
  })

  it('refuses unknown phases and acks without an id', () => {
    expect(parseServerMessage('{"type":"state","state":{"phase":"party"}}', 'candidate').ok).toBe(false)
    expect(parseServerMessage('{"type":"ack"}', 'candidate').ok).toBe(false)
    expect(parseServerMessage('{"type":"ack","id":3,"error":""}', 'candidate')).toEqual({ ok: true, value: { type: 'ack', id: 3 } })
  })

  it('reads presence, dropping members without an id or a known role', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'presence',
        members: [
          { id: 'a', role: 'interviewer', name: 'Alex', ready: false, since: '2026-11-24T14:00:00Z' },
          { id: 'b', role: 'candidate', name: 'Olivia', ready: true },
          { role: 'candidate' },
          { id: 'c', role: 'host' },
        ],
      }),
      'interviewer',
    )
    expect(r.ok && r.value).toEqual({
      type: 'presence',
      members: [
        { id: 'a', role: 'interviewer', name: 'Alex', ready: false, since: '2026-11-24T14:00:00Z' },
        { id: 'b', role: 'candidate', name: 'Olivia', ready: true },
      ],
    })
  })
})

describe('links', () => {
  it('tells the role from the path', () => {
    expect(linkFromPath('/join/bq1u0Rqsos2V32vMwa33Cw')).toEqual({ role: 'candidate', token: 'bq1u0Rqsos2V32vMwa33Cw' })
    expect(linkFromPath('/room/OQs6uUkIrn_FSIfdBU5jOg/')).toEqual({ role: 'interviewer', token: 'OQs6uUkIrn_FSIfdBU5jOg' })
    expect(linkFromPath('/join/')).toBeUndefined()
    expect(linkFromPath('/join/a/b')).toBeUndefined()
    expect(linkFromPath('/room.html')).toBeUndefined()
  })

  it('opens the room channel on the page host, wss under https', () => {
    expect(socketURL({ protocol: 'http:', host: '127.0.0.1:8080' }, 'tok')).toBe('ws://127.0.0.1:8080/ws/tok')
    expect(socketURL({ protocol: 'https:', host: 'iv.example.com' }, 'tok')).toBe('wss://iv.example.com/ws/tok')
  })

  it('treats Go zero times as absent', () => {
    expect(optionalTime('0001-01-01T00:00:00Z')).toBeUndefined()
    expect(optionalTime('2026-11-24T14:00:00Z')).toBe('2026-11-24T14:00:00Z')
    expect(optionalTime('nope')).toBeUndefined()
  })
})

describe('welcome extras', () => {
  it('keeps the interviewer-only email and interview ID, and the call participant', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'welcome', role: 'interviewer', connection: 'c1', you: 'Alex', participant: 'interviewer-1a2b3c4d',
        email: 'alex@example.com', interviewId: 'iv-1', interview: {}, iceServers: [],
      }),
      'interviewer',
    )
    expect(r.ok && r.value.type === 'welcome' && r.value).toMatchObject({
      participant: 'interviewer-1a2b3c4d', email: 'alex@example.com', interviewId: 'iv-1',
    })
  })
})
