// The push client against a fake EventSource and a fake Wails runtime: happy-dom
// has no real stream to read. The host side of the stream (internal/web
// stream_test.go) and the console reading it (e2e/room-flow.test.ts) are tested
// for real.
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  PushClient,
  PushContext,
  reconnectDelay,
  usePush,
  type PushChange,
  type PushStatus,
  type PushType,
  type StreamSource,
} from './push'
import { onSignedOut } from '../api/client'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

class FakeSource implements StreamSource {
  onerror: ((e: Event) => void) | null = null
  closed = false
  private readonly handlers = new Map<string, ((e: MessageEvent<string>) => void)[]>()
  constructor(readonly url: string) {}
  addEventListener(type: string, h: (e: MessageEvent<string>) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), h])
  }
  close() {
    this.closed = true
  }
  /** The host sends one event, as GET /api/stream frames it. */
  send(type: string, body: unknown = { type }) {
    const data = typeof body === 'string' ? body : JSON.stringify(body)
    for (const h of this.handlers.get(type) ?? []) h(new MessageEvent(type, { data }))
  }
  fail() {
    this.onerror?.(new Event('error'))
  }
}

let sources: FakeSource[]
const streamClient = () =>
  new PushClient({
    kind: 'stream',
    open: (url) => {
      const s = new FakeSource(url)
      sources.push(s)
      return s
    },
  })

const recorder = () => {
  const changes: PushChange[] = []
  const statuses: PushStatus[] = []
  return { changes, statuses, listener: { change: (c: PushChange) => changes.push(c), status: (s: PushStatus) => statuses.push(s) } }
}

beforeEach(() => {
  sources = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('push client over the stream', () => {
  it('opens one stream for every listener and turns hello and resync into reload', () => {
    const client = streamClient()
    const a = recorder()
    const b = recorder()
    client.subscribe(a.listener)
    client.subscribe(b.listener)
    expect(sources.map((s) => s.url)).toEqual(['/api/stream'])
    expect(client.status).toBe('connecting')
    sources[0]!.send('hello')
    expect(client.status).toBe('live')
    expect(a.statuses).toEqual(['live'])
    sources[0]!.send('presence', { type: 'presence', interviewId: 'iv1', data: { phase: 'waiting', locked: false, members: [] } })
    sources[0]!.send('resync')
    const want = [
      { type: 'reload' },
      { type: 'presence', interviewId: 'iv1', data: { phase: 'waiting', locked: false, members: [] } },
      { type: 'reload' },
    ]
    expect(a.changes).toEqual(want)
    expect(b.changes).toEqual(want)
  })

  it('ignores what it cannot read', () => {
    const client = streamClient()
    const a = recorder()
    client.subscribe(a.listener)
    sources[0]!.send('presence', 'not json')
    sources[0]!.send('presence', { type: 'bogus' })
    sources[0]!.send('outbox', { type: 'outbox', interviewId: 'iv1' })
    expect(a.changes).toEqual([{ type: 'outbox', interviewId: 'iv1' }])
  })

  it('reconnects after a drop with a growing delay, reset once the host says hello', async () => {
    const client = streamClient()
    const a = recorder()
    client.subscribe(a.listener)
    sources[0]!.send('hello')
    sources[0]!.fail()
    expect(sources[0]!.closed).toBe(true)
    expect(client.status).toBe('down')
    await vi.advanceTimersByTimeAsync(reconnectDelay(0) - 1)
    expect(sources).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sources).toHaveLength(2)
    sources[1]!.fail() // still down: wait longer
    await vi.advanceTimersByTimeAsync(reconnectDelay(1) - 1)
    expect(sources).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(sources).toHaveLength(3)
    sources[2]!.send('hello') // back: reload, and the next drop starts from 1 s again
    expect(client.status).toBe('live')
    expect(a.changes.filter((c) => c.type === 'reload')).toHaveLength(2)
    sources[2]!.fail()
    await vi.advanceTimersByTimeAsync(reconnectDelay(0))
    expect(sources).toHaveLength(4)
    expect(a.statuses).toEqual(['live', 'down', 'live', 'down'])
    client.close()
    expect(sources[3]!.closed).toBe(true)
  })

  it('stops on signed-out, tells the console, and connects again once signed in', async () => {
    const client = streamClient()
    const a = recorder()
    client.subscribe(a.listener)
    const heard = vi.fn()
    const off = onSignedOut(heard)
    sources[0]!.send('hello')
    sources[0]!.send('signed-out')
    expect(heard).toHaveBeenCalledTimes(1)
    expect(sources[0]!.closed).toBe(true)
    expect(client.status).toBe('down')
    sources[0]!.fail() // the host ends the stream: no reconnect while signed out
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sources).toHaveLength(1)
    client.resume()
    expect(sources).toHaveLength(2)
    sources[1]!.send('hello')
    expect(client.status).toBe('live')
    off()
    client.close()
  })

  it('backs off to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })
})

describe('push client in the desktop app (Wails events)', () => {
  it('listens to the "push" event, is live at once, and reloads on resync', () => {
    let emit: ((...data: unknown[]) => void) | undefined
    const off = vi.fn()
    const client = new PushClient({
      kind: 'wails',
      eventsOn: (name, cb) => {
        expect(name).toBe('push')
        emit = cb
        return off
      },
    })
    const a = recorder()
    client.subscribe(a.listener)
    expect(client.status).toBe('live')
    emit!({ type: 'recordings', interviewId: 'iv1' })
    emit!({ type: 'resync' })
    expect(a.changes).toEqual([{ type: 'recordings', interviewId: 'iv1' }, { type: 'reload' }])
    client.close()
    expect(off).toHaveBeenCalledOnce()
  })

  it('signs the console out when the team host ends the session', () => {
    let emit: ((...data: unknown[]) => void) | undefined
    const client = new PushClient({ kind: 'wails', eventsOn: (_name, cb) => ((emit = cb), () => {}) })
    const ended = vi.fn()
    const stop = onSignedOut(ended)
    const a = recorder()
    client.subscribe(a.listener)
    emit!({ type: 'signed-out' })
    expect(ended).toHaveBeenCalledOnce()
    expect(a.changes).toEqual([])
    stop()
    client.close()
  })
})

describe('usePush', () => {
  let root: Root
  let container: HTMLElement
  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })

  function Probe({ id, types, seen }: { id: string; types: PushType[]; seen: PushChange[] }) {
    const status = usePush(id, types, (c) => seen.push(c))
    return <p>{status}</p>
  }

  it('passes on the events of its interview and types, reload always, and the status', async () => {
    const client = streamClient()
    const seen: PushChange[] = []
    await act(async () =>
      root.render(
        <PushContext.Provider value={client}>
          <Probe id="iv1" types={['presence']} seen={seen} />
        </PushContext.Provider>,
      ),
    )
    expect(container.textContent).toBe('connecting')
    await act(async () => sources[0]!.send('hello'))
    expect(container.textContent).toBe('live')
    await act(async () => {
      sources[0]!.send('presence', { type: 'presence', interviewId: 'iv2' })
      sources[0]!.send('outbox', { type: 'outbox', interviewId: 'iv1' })
      sources[0]!.send('presence', { type: 'presence', interviewId: 'iv1' })
    })
    expect(seen).toEqual([{ type: 'reload' }, { type: 'presence', interviewId: 'iv1' }])
    await act(async () => sources[0]!.fail())
    expect(container.textContent).toBe('down')
  })
})
