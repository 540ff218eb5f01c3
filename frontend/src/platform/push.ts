// Live changes from the host, so no screen polls (docs/api.md, "Live updates").
//
// In a browser they come from the host's GET /api/stream through EventSource;
// in the desktop app the same events arrive as Wails events named "push"
// (app/push.go says why the webview cannot read the stream). Either way a
// screen hears the events about what it shows, and "reload" whenever it may
// have missed some: after every (re)connect (the stream's hello) and when the
// host says this client fell behind (resync). A dropped stream reconnects with
// a growing delay. One connection serves every screen of the page.

import { createContext, useContext, useEffect, useRef, useState } from 'react'
import { signedOut } from '../api/client'

export type PushType = 'presence' | 'outbox' | 'recordings' | 'timeline' | 'interview' | 'analysis'

export type PushEvent = { type: PushType; interviewId?: string; data?: unknown }

/** What a screen is told: an event it asked for, or to reload what it shows. */
export type PushChange = PushEvent | { type: 'reload' }

/** connecting: not yet heard from the host; live: events arrive; down: waiting to reconnect. */
export type PushStatus = 'connecting' | 'live' | 'down'

const TYPES: readonly PushType[] = ['presence', 'outbox', 'recordings', 'timeline', 'interview', 'analysis']

/** The stream's URL, next to the rest of the console API. */
export const STREAM_URL = '/api/stream'

/** Delay before reconnect attempt n (0, 1, …): 1 s, 2 s, 4 s … at most 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 15))
}

/** The part of EventSource used here. */
export type StreamSource = {
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void
  close(): void
  onerror: ((e: Event) => void) | null
}

/** Wails' runtime.EventsOn: registers a listener and returns its removal. */
type EventsOn = (name: string, callback: (...data: unknown[]) => void) => () => void

declare global {
  interface Window {
    runtime?: { EventsOn?: EventsOn }
  }
}

export type PushTransport =
  | { kind: 'stream'; open: (url: string) => StreamSource }
  | { kind: 'wails'; eventsOn: EventsOn }
  | { kind: 'none' }

/** Wails events in the desktop app, else EventSource; none where neither exists. */
export function detectTransport(): PushTransport {
  if (typeof window !== 'undefined' && typeof window.runtime?.EventsOn === 'function') {
    const eventsOn = window.runtime.EventsOn
    return { kind: 'wails', eventsOn: (name, cb) => eventsOn(name, cb) }
  }
  if (typeof EventSource !== 'undefined') {
    return { kind: 'stream', open: (url) => new EventSource(url) as StreamSource }
  }
  return { kind: 'none' }
}

type Listener = { change(c: PushChange): void; status(s: PushStatus): void }

/** What the host's bus may carry besides changes: resync, and the end of the session (a team host's, in the desktop app). */
type Control = { type: 'resync' } | { type: 'signed-out' }

function parseEvent(raw: unknown): PushEvent | Control | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const e = raw as Record<string, unknown>
  if (e.type === 'resync' || e.type === 'signed-out') return { type: e.type }
  if (typeof e.type !== 'string' || !(TYPES as readonly string[]).includes(e.type)) return undefined
  return {
    type: e.type as PushType,
    ...(typeof e.interviewId === 'string' ? { interviewId: e.interviewId } : {}),
    ...(e.data !== undefined && e.data !== null ? { data: e.data } : {}),
  }
}

/** One connection to the host's live changes, shared by every listener. */
export class PushClient {
  private readonly listeners = new Set<Listener>()
  private source: StreamSource | undefined
  private offWails: (() => void) | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private attempt = 0
  private state: PushStatus = 'connecting'
  private closed = false

  constructor(private readonly transport: PushTransport) {}

  get status(): PushStatus {
    return this.state
  }

  /** Starts listening (connecting on first use); returns the unsubscribe. */
  subscribe(l: Listener): () => void {
    this.listeners.add(l)
    this.start()
    return () => {
      this.listeners.delete(l)
    }
  }

  /** Connects now if not connected (e.g. after signing in again). */
  resume(): void {
    clearTimeout(this.retry)
    this.retry = undefined
    this.attempt = 0
    this.start()
  }

  /** Ends the connection for good. */
  close(): void {
    this.closed = true
    clearTimeout(this.retry)
    this.source?.close()
    this.offWails?.()
    this.source = this.offWails = this.retry = undefined
  }

  private start(): void {
    if (this.closed || this.source || this.offWails || this.retry) return
    const t = this.transport
    if (t.kind === 'wails') {
      // The app relays the host's bus from its start: nothing to (re)connect.
      this.offWails = t.eventsOn('push', (raw) => this.deliver(parseEvent(raw)))
      this.setStatus('live')
    } else if (t.kind === 'stream') {
      this.connect(t.open)
    }
  }

  private connect(open: (url: string) => StreamSource): void {
    const s = open(STREAM_URL)
    this.source = s
    s.addEventListener('hello', () => {
      this.attempt = 0
      this.setStatus('live')
      this.deliver({ type: 'resync' })
    })
    // The account's session ended: the host closes the stream. Reconnect
    // only once signed in again (resume).
    s.addEventListener('signed-out', () => {
      s.close()
      if (this.source === s) this.source = undefined
      this.setStatus('down')
      signedOut()
    })
    for (const type of [...TYPES, 'resync']) {
      s.addEventListener(type, (m) => {
        let raw: unknown
        try {
          raw = JSON.parse(m.data)
        } catch {
          return
        }
        this.deliver(parseEvent(raw))
      })
    }
    // EventSource retries on its own at a fixed pace, and not at all after an
    // HTTP error: close it and reconnect here, backing off.
    s.onerror = () => {
      s.close()
      if (this.source !== s) return
      this.source = undefined
      this.setStatus('down')
      this.retry = setTimeout(() => {
        this.retry = undefined
        if (!this.closed) this.connect(open)
      }, reconnectDelay(this.attempt++))
    }
  }

  private deliver(e: PushEvent | Control | undefined): void {
    if (!e) return
    if (e.type === 'signed-out') {
      signedOut() // the desktop app's team host ended the session (internal/teamhost)
      return
    }
    const change: PushChange = e.type === 'resync' ? { type: 'reload' } : e
    for (const l of [...this.listeners]) l.change(change)
  }

  private setStatus(s: PushStatus): void {
    if (this.state === s) return
    this.state = s
    for (const l of [...this.listeners]) l.status(s)
  }
}

let shared: PushClient | undefined

/** The page's connection, made on first use. */
export function defaultPushClient(): PushClient {
  shared ??= new PushClient(detectTransport())
  return shared
}

/** Overrides the connection for the screens below it (tests use a fake). */
export const PushContext = createContext<PushClient | null>(null)

/**
 * Calls onChange with each event of the given types about interviewId (every
 * interview when undefined), and with {type: 'reload'} whenever the screen may
 * have missed one. Returns the connection's status.
 */
export function usePush(
  interviewId: string | undefined,
  types: readonly PushType[],
  onChange: (c: PushChange) => void,
  enabled = true,
): PushStatus {
  const client = useContext(PushContext) ?? defaultPushClient()
  const [status, setStatus] = useState<PushStatus>(client.status)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const typesKey = types.join(',')

  useEffect(() => {
    if (!enabled) return
    const wanted = typesKey.split(',')
    setStatus(client.status)
    return client.subscribe({
      change: (c) => {
        if (c.type === 'reload') onChangeRef.current(c)
        else if (wanted.includes(c.type) && (interviewId === undefined || c.interviewId === interviewId)) onChangeRef.current(c)
      },
      status: setStatus,
    })
  }, [client, interviewId, typesKey, enabled])

  return status
}
