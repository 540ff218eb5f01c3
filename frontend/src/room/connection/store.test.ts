import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RoomClient } from './client'
import { RoomStore } from './store'
import { FakeSocket } from './testing'

const sock = () => FakeSocket.all[FakeSocket.all.length - 1]!
const welcome = (role: string, connection = 'c1') => ({
  type: 'welcome',
  role,
  connection,
  you: 'Olivia Diaz',
  interview: { position: 'Go dev', candidate: 'Olivia Diaz', interviewers: ['Alex'] },
  iceServers: [],
})

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-24T14:00:10Z'))
})
afterEach(() => vi.useRealTimers())

function setup() {
  const client = new RoomClient({ url: 'ws://h/ws/t', createSocket: (u) => new FakeSocket(u), random: () => 0.5 })
  const store = new RoomStore(client)
  client.connect()
  sock().open()
  return { client, store }
}

describe('RoomStore', () => {
  it('keeps welcome, state and presence in one snapshot', () => {
    const { store } = setup()
    sock().receive(welcome('candidate'))
    sock().receive({ type: 'state', state: { phase: 'plan', locked: false } })
    sock().receive({ type: 'presence', members: [{ id: 'c1', role: 'candidate', name: 'Olivia Diaz', ready: true }] })
    const s = store.getSnapshot()
    expect(s.welcome?.role).toBe('candidate')
    expect(s.view).toEqual({ phase: 'plan', locked: false, recorded: true }) // an old host's state: recorded
    expect(s.members).toHaveLength(1)
    expect(s.session).toBe(1)
    expect(s.synced).toBe(1)
  })

  it('a candidate who was ready says so again after a reconnect, and stays joined meanwhile', async () => {
    const { store } = setup()
    sock().receive(welcome('candidate'))
    const ready = store.ready({ personalData: true, aiAnalysis: true, recordingNotice: true })
    sock().receive({ type: 'ack', id: sock().lastSent().id })
    await ready
    expect(store.getSnapshot().joined).toBe(true)

    sock().drop()
    expect(store.getSnapshot().joined).toBe(true)
    vi.advanceTimersByTime(1000)
    sock().open()
    sock().receive(welcome('candidate', 'c2'))
    expect(sock().lastSent()).toMatchObject({ type: 'ready', consent: { personalData: true, aiAnalysis: true, recordingNotice: true } })
    expect(store.getSnapshot().session).toBe(2)
  })

  it('estimates the host clock from our own presence entry and fresh events', () => {
    const { store } = setup()
    sock().receive(welcome('interviewer'))
    // Our connection joined at 14:00:08 host time; now is 14:00:10 here: offset ≤ 2 s.
    sock().receive({ type: 'presence', members: [{ id: 'c1', role: 'interviewer', name: 'Alex', ready: false, since: '2026-11-24T14:00:08Z' }] })
    expect(store.getSnapshot().clockOffsetMs).toBe(2000)
    const state = (seq: number, at: string) => ({
      type: 'state',
      state: { phase: 'plan', locked: false, topics: [], questionsContent: [], lastSeq: seq, lastEventAt: at },
    })
    // The first state may be old (no fresh event): it does not count.
    sock().receive(state(5, '2026-11-24T13:00:00Z'))
    expect(store.getSnapshot().clockOffsetMs).toBe(2000)
    // A new event stamped 14:00:09.5 arriving at 14:00:10: offset ≤ 0.5 s.
    sock().receive(state(6, '2026-11-24T14:00:09.500Z'))
    expect(store.getSnapshot().clockOffsetMs).toBe(500)
  })

  it('passes signals to the call', () => {
    const { store } = setup()
    const got: unknown[] = []
    store.onSignal((s) => got.push(s))
    sock().receive(welcome('interviewer'))
    sock().receive({ type: 'signal', signal: { type: 'answer', sdp: 'v=0' } })
    expect(got).toEqual([{ type: 'answer', sdp: 'v=0' }])
  })

  it('sends actions with their data', async () => {
    const { store } = setup()
    sock().receive(welcome('interviewer'))
    const p = store.action('topic_checked', { topicId: 't1', done: true })
    expect(sock().lastSent()).toMatchObject({ type: 'action', action: 'topic_checked', data: { topicId: 't1', done: true } })
    sock().receive({ type: 'ack', id: sock().lastSent().id })
    await p
    store.action('started').catch(() => {})
    expect(sock().lastSent()).toEqual({ type: 'action', action: 'started', id: sock().lastSent().id })
  })
})
