import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, NotDeliveredError, RefusedError, RoomClient } from './client'
import { FakeSocket } from './testing'

const WELCOME = {
  type: 'welcome',
  role: 'interviewer',
  connection: 'c1',
  you: 'Alex',
  interview: { position: 'Go dev', candidate: 'Olivia', interviewers: ['Alex'], startsAt: '2026-11-24T14:00:00Z' },
  iceServers: [],
}

function newClient(extra: Partial<ConstructorParameters<typeof RoomClient>[0]> = {}) {
  const c = new RoomClient({
    url: 'ws://h/ws/tok',
    createSocket: (u) => new FakeSocket(u),
    random: () => 0.5, // no jitter
    ...extra,
  })
  c.connect()
  return c
}

const sock = () => FakeSocket.all[FakeSocket.all.length - 1]!

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('backoffDelay', () => {
  it('grows exponentially from the initial delay and stops at the cap', () => {
    const b = { initialMs: 500, maxMs: 10_000, factor: 2, jitter: 0 }
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, b))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000])
  })

  it('spreads by ± jitter', () => {
    const b = { initialMs: 1000, maxMs: 10_000, factor: 2, jitter: 0.25 }
    expect(backoffDelay(0, b, () => 0)).toBe(750)
    expect(backoffDelay(0, b, () => 1)).toBe(1250)
    expect(backoffDelay(0, b, () => 0.5)).toBe(1000)
  })
})

describe('RoomClient', () => {
  it('parses typed messages and hands them to listeners; drops malformed ones with a reason', () => {
    const c = newClient()
    const got: unknown[] = []
    const bad: string[] = []
    c.on('message', (m) => got.push(m))
    c.on('invalid', (e) => bad.push(e))
    sock().open()
    sock().receive(WELCOME)
    sock().receive({ type: 'presence', members: [{ id: 'c1', role: 'interviewer', name: 'Alex', ready: false }] })
    sock().receive('not json')
    sock().receive({ type: 'mystery' })
    expect(got.map((m) => (m as { type: string }).type)).toEqual(['welcome', 'presence'])
    expect(bad).toEqual(['not JSON', 'unknown message type "mystery"'])
    expect(c.role).toBe('interviewer')
  })

  it('matches acks to requests by id: resolve on success, RefusedError with the host message on error', async () => {
    const c = newClient()
    sock().open()
    const a = c.request({ type: 'action', action: 'started' })
    const idA = sock().lastSent().id
    const b = c.request({ type: 'action', action: 'question_shown', data: { index: 11 } })
    const idB = sock().lastSent().id
    expect(idA).not.toBe(idB)
    expect(sock().lastSent()).toEqual({ type: 'action', action: 'question_shown', data: { index: 11 }, id: idB })
    // Answers may come in any order.
    sock().receive({ type: 'ack', id: idB, error: 'question 12 does not exist (this interview has 10)' })
    sock().receive({ type: 'ack', id: idA })
    await expect(a).resolves.toBeUndefined()
    await expect(b).rejects.toThrow(new RefusedError('question 12 does not exist (this interview has 10)'))
  })

  it('rejects with NotDeliveredError when not connected, when the socket drops, and when no ack comes', async () => {
    const c = newClient({ ackTimeoutMs: 1000 })
    await expect(c.request({ type: 'action', action: 'started' })).rejects.toBeInstanceOf(NotDeliveredError)
    sock().open()
    const timedOut = c.request({ type: 'action', action: 'locked' })
    vi.advanceTimersByTime(1000)
    await expect(timedOut).rejects.toBeInstanceOf(NotDeliveredError)
    const dropped = c.request({ type: 'action', action: 'unlocked' })
    sock().drop()
    await expect(dropped).rejects.toBeInstanceOf(NotDeliveredError)
  })

  it('reconnects with growing delays and resets them after a welcome', () => {
    const statuses: string[] = []
    const c = newClient({ backoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 } })
    c.on('status', (s) => statuses.push(s))
    sock().open()
    sock().receive(WELCOME)
    sock().drop()
    expect(c.status).toBe('reconnecting')
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(99)
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all).toHaveLength(2)
    // The second attempt fails before opening: the next delay doubles.
    sock().drop()
    vi.advanceTimersByTime(199)
    expect(FakeSocket.all).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all).toHaveLength(3)
    sock().open()
    expect(c.status).toBe('open')
    sock().receive(WELCOME)
    sock().drop()
    vi.advanceTimersByTime(100)
    expect(FakeSocket.all).toHaveLength(4)
    expect(statuses).toEqual(['open', 'reconnecting', 'reconnecting', 'open', 'reconnecting'])
  })

  it('retryNow skips the wait', () => {
    const c = newClient({ backoff: { initialMs: 5000, maxMs: 5000, factor: 2, jitter: 0 } })
    sock().open()
    sock().drop()
    expect(FakeSocket.all).toHaveLength(1)
    c.retryNow()
    expect(FakeSocket.all).toHaveLength(2)
  })

  it('stops after "closed: replaced" and takes over on request', () => {
    const c = newClient()
    sock().open()
    sock().receive(WELCOME)
    sock().receive({ type: 'closed', reason: 'replaced' })
    sock().drop()
    expect(c.status).toBe('replaced')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
    c.takeOver()
    expect(FakeSocket.all).toHaveLength(2)
    sock().open()
    expect(c.status).toBe('open')
    expect(c.closedReason).toBe('')
  })

  it('reconnects after other close reasons ("too slow")', () => {
    const c = newClient({ backoff: { initialMs: 100, maxMs: 100, factor: 2, jitter: 0 } })
    sock().open()
    sock().receive({ type: 'closed', reason: 'too slow' })
    sock().drop()
    expect(c.status).toBe('reconnecting')
    vi.advanceTimersByTime(100)
    expect(FakeSocket.all).toHaveLength(2)
  })

  it('asks whether the link is gone when an attempt fails before opening, and stops if so', async () => {
    const linkGone = vi.fn(async () => true)
    const c = newClient({ linkGone })
    sock().drop()
    await vi.waitFor(() => expect(c.status).toBe('gone'))
    expect(linkGone).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
  })

  it('close() is final: no reconnect, pending requests rejected', async () => {
    const c = newClient()
    sock().open()
    const p = c.request({ type: 'action', action: 'started' })
    c.close()
    await expect(p).rejects.toBeInstanceOf(NotDeliveredError)
    expect(c.status).toBe('closed')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
    expect(FakeSocket.all[0]!.closed).toBe(true)
  })
})
