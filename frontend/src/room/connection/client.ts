// The room channel client: one WebSocket to /ws/TOKEN, typed messages, acks as
// promises, and reconnection with exponential backoff and jitter.
//
// A message sent with `request` carries a numeric id; the host answers `ack`
// with that id (and `error` when it refused). The promise resolves on a clean
// ack, rejects with RefusedError on an ack error and with NotDeliveredError when
// the connection drops first, was not open, or no ack came in time: the caller
// then knows the host may not have it (autosave retries, buttons say so).

import { parseServerMessage, type ClientMessage, type Role, type ServerMessage } from '../protocol'

export type ConnectionStatus =
  | 'connecting' // first connection attempt
  | 'open' // socket open (welcome may still be on its way)
  | 'reconnecting' // lost; a retry is scheduled or running
  | 'replaced' // the host closed it: the same link was opened in a newer tab
  | 'gone' // the link does not work any more (the interview ended, was cancelled, …)
  | 'closed' // closed by us

/** The host answered the message with an error; nothing changed. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError'
}

/** The message may not have reached the host (not connected, dropped, no answer). */
export class NotDeliveredError extends Error {
  override readonly name = 'NotDeliveredError'
}

export type Backoff = { initialMs: number; maxMs: number; factor: number; jitter: number }

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 10_000, factor: 2, jitter: 0.25 }

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, ± jitter. */
export function backoffDelay(attempt: number, b: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(b.maxMs, b.initialMs * b.factor ** Math.max(0, attempt))
  const spread = base * b.jitter
  return Math.max(0, Math.round(base - spread + 2 * spread * random()))
}

/** The part of the browser's WebSocket the client uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: { code: number; reason: string }) => void) | null
  onerror: ((ev: unknown) => void) | null
}

export type ClientOptions = {
  url: string
  createSocket?: (url: string) => SocketLike
  backoff?: Backoff
  random?: () => number
  ackTimeoutMs?: number
  /**
   * Asked after a connection attempt failed before it opened: true when the
   * link is dead (HTTP 404/410), which stops the retries with status "gone".
   */
  linkGone?: () => Promise<boolean>
}

type Listeners = {
  message: (m: ServerMessage) => void
  status: (s: ConnectionStatus) => void
  invalid: (error: string, raw: string) => void
}

type Pending = { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }

const OPEN = 1

export class RoomClient {
  status: ConnectionStatus = 'connecting'
  /** The reason from the host's last `closed` message. */
  closedReason = ''
  /** Failed attempts since the last welcome. */
  attempt = 0
  /** When the next reconnect attempt runs (ms since epoch), while reconnecting. */
  retryAt: number | undefined
  role: Role | undefined

  private socket: SocketLike | undefined
  private opened = false
  private nextId = 1
  private pending = new Map<number, Pending>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private listeners: { [K in keyof Listeners]: Set<Listeners[K]> } = {
    message: new Set(),
    status: new Set(),
    invalid: new Set(),
  }
  private readonly opts: Required<Omit<ClientOptions, 'linkGone'>> & Pick<ClientOptions, 'linkGone'>

  constructor(opts: ClientOptions) {
    this.opts = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      ackTimeoutMs: 15_000,
      ...opts,
    }
  }

  on<K extends keyof Listeners>(type: K, fn: Listeners[K]): () => void {
    this.listeners[type].add(fn)
    return () => this.listeners[type].delete(fn)
  }

  /** Opens the socket (first time, or again after takeOver/retryNow). */
  connect(): void {
    this.clearTimer()
    this.detach()
    this.opened = false
    this.closedReason = ''
    let s: SocketLike
    try {
      s = this.opts.createSocket(this.opts.url)
    } catch {
      this.scheduleRetry()
      return
    }
    this.socket = s
    s.onopen = () => {
      if (this.socket !== s) return
      this.opened = true
      this.setStatus('open')
    }
    s.onmessage = (ev) => {
      if (this.socket !== s) return
      this.receive(typeof ev.data === 'string' ? ev.data : String(ev.data))
    }
    s.onerror = () => {
      // onclose follows and decides
    }
    s.onclose = () => {
      if (this.socket !== s) return
      this.socket = undefined
      this.dropped()
    }
  }

  /** Connects again now instead of waiting for the backoff timer. */
  retryNow(): void {
    if (this.status === 'reconnecting' || this.status === 'connecting') {
      if (this.socket && !this.opened) return // an attempt is under way
      this.connect()
    }
  }

  /** After "replaced": reconnect, taking this link back from the other tab. */
  takeOver(): void {
    this.closedReason = ''
    this.attempt = 0
    this.setStatus('connecting')
    this.connect()
  }

  /** Closes for good (the page is done with the room). */
  close(): void {
    this.clearTimer()
    this.setStatus('closed')
    this.detach()
    this.failPending('The connection was closed.')
  }

  /** Sends a message with an id and resolves when the host acknowledges it. */
  request(msg: ClientMessage): Promise<void> {
    const s = this.socket
    if (!s || s.readyState !== OPEN) {
      return Promise.reject(new NotDeliveredError('Not connected to the interview host.'))
    }
    const id = this.nextId++
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new NotDeliveredError('The interview host did not answer in time.'))
      }, this.opts.ackTimeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      try {
        s.send(JSON.stringify({ ...msg, id }))
      } catch {
        clearTimeout(timer)
        this.pending.delete(id)
        reject(new NotDeliveredError('Not connected to the interview host.'))
      }
    })
  }

  /** Sends without an ack; false when not connected. */
  post(msg: ClientMessage): boolean {
    const s = this.socket
    if (!s || s.readyState !== OPEN) return false
    try {
      s.send(JSON.stringify(msg))
      return true
    } catch {
      return false
    }
  }

  private receive(raw: string): void {
    const parsed = parseServerMessage(raw, this.role)
    if (!parsed.ok) {
      for (const fn of this.listeners.invalid) fn(parsed.error, raw)
      return
    }
    const m = parsed.value
    switch (m.type) {
      case 'welcome':
        this.role = m.role
        this.attempt = 0
        break
      case 'ack': {
        const p = this.pending.get(m.id)
        if (p) {
          this.pending.delete(m.id)
          clearTimeout(p.timer)
          if (m.error) p.reject(new RefusedError(m.error))
          else p.resolve()
        }
        break
      }
      case 'closed':
        this.closedReason = m.reason
        break
    }
    for (const fn of this.listeners.message) fn(m)
  }

  private dropped(): void {
    this.failPending('The connection to the interview host dropped.')
    if (this.status === 'closed' || this.status === 'gone') return
    if (this.closedReason === 'replaced') {
      this.setStatus('replaced')
      return
    }
    const neverOpened = !this.opened
    this.scheduleRetry()
    if (neverOpened && this.opts.linkGone) {
      const attemptAtCheck = this.attempt
      this.opts.linkGone().then(
        (gone) => {
          if (gone && this.attempt === attemptAtCheck && this.status === 'reconnecting') {
            this.clearTimer()
            this.setStatus('gone')
          }
        },
        () => {},
      )
    }
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.opts.backoff, this.opts.random)
    this.attempt++
    this.retryAt = Date.now() + delay
    this.setStatus('reconnecting')
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.retryAt = undefined
      this.connect()
    }, delay)
  }

  private failPending(why: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer)
      p.reject(new NotDeliveredError(why))
      this.pending.delete(id)
    }
  }

  private detach(): void {
    const s = this.socket
    this.socket = undefined
    if (!s) return
    s.onopen = s.onmessage = s.onerror = s.onclose = null
    try {
      s.close(1000, 'bye')
    } catch {
      // already closed
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  private setStatus(s: ConnectionStatus): void {
    if (s !== 'reconnecting') this.retryAt = undefined
    // "reconnecting" repeats: listeners learn the new retryAt.
    if (this.status === s && s !== 'reconnecting') return
    this.status = s
    for (const fn of this.listeners.status) fn(s)
  }
}
