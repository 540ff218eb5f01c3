// The collab client: keeps one editor in step with the host (the authority) over
// a CodeChannel, with @codemirror/collab doing the rebasing.
//
// - Local updates go out one push at a time, in batches within the protocol's
//   limits. 'accepted' confirms them at once (the host put them at exactly the
//   version we sent; its echo in code.updates is then dropped as already seen).
//   'stale' waits for the others' updates, which collab rebases ours over, then
//   pushes again.
// - A push that may not have arrived (offline) is retried with backoff and as soon
//   as the channel delivers anything again. Re-sending is safe: the host refuses it
//   as stale if it had it, and receiveUpdates recognises our own updates by client
//   ID when they come back, so nothing is applied twice.
// - code.updates apply when they start at our synced version; overlaps are
//   trimmed, gaps are pulled.
// - A snapshot with nothing of ours pending resets the editor. With local work
//   pending we first pull from our synced version (exact, deduplicated); only if
//   the host answers with yet another snapshot are our updates rebased over the
//   difference between the last confirmed text and the snapshot's (never while a
//   push is in flight: its answer tells whether the snapshot holds it). Only if a
//   push's answer was lost too can its text then appear twice: never lost, and
//   every editor still ends identical to the host.
// - A refused push (RefusedError) withdraws the local changes not yet confirmed and
//   reports the host's message.

import { getClientID, getSyncedVersion, rebaseUpdates, receiveUpdates, sendableUpdates, type Update } from '@codemirror/collab'
import { ChangeSet, Text, type EditorState } from '@codemirror/state'
import {
  CODE_LIMITS,
  jsonBytes,
  RefusedError,
  PUSH_ENVELOPE_BYTES,
  type CodeChannel,
  type CodeSnapshot,
  type CodeUpdate,
  type PushResult,
} from './channel'
import type { EditorHost } from './state'
import { browserTimers, type Timers } from './timers'

export type CodeStatus = {
  /** Local updates the host has not confirmed yet. */
  pending: number
  /** Everything typed here is on the host. */
  synced: boolean
  /** The last push could not be delivered; it is retried. */
  offline: boolean
  /** Why a change was refused or withdrawn (for people). */
  error?: string
}

export type CodeSyncOptions = {
  channel: CodeChannel
  /** The editor; its state must be fresh: at its synced version, nothing local yet. */
  host: EditorHost
  /** A state at `version` with `doc`, configured like `old` (state.ts rebuildState). */
  rebuild: (old: EditorState, version: number, doc: Text, clientID: string) => EditorState
  onStatus?: (s: CodeStatus) => void
  timers?: Timers
  /** Backoff for pushes that could not be delivered. */
  retry?: { firstMs: number; maxMs: number }
}

type Sent = { version: number; updates: readonly Update[]; generation: number }

/** A snapshot we could not apply yet: waiting for a pull's answer, or to merge. */
type Held = { snapshot: CodeSnapshot; merge: boolean }

/** The client ID of the pseudo-update that stands for a snapshot's difference. */
const SNAPSHOT_CLIENT = '\u0000snapshot'

export const OUT_OF_STEP = 'The shared code is out of step with the host. Reload the page to get the latest version.'

/** Words for a refused push; the host's reason is a sentence fragment. */
export function refusedText(reason: string): string {
  return `Your last change was undone: ${reason || 'the host refused it'}.`
}

export function toWire(u: Update): CodeUpdate {
  return { clientID: u.clientID, changes: u.changes.toJSON() }
}

function fromWire(u: CodeUpdate): Update {
  if (typeof u?.clientID !== 'string') throw new TypeError('update without clientID')
  return { clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes) }
}

/** The longest prefix of `pending` that fits one code.push (always at least one). */
export function takeBatch<T extends Update>(pending: readonly T[]): T[] {
  const batch: T[] = []
  let bytes = PUSH_ENVELOPE_BYTES
  for (const u of pending) {
    if (batch.length >= CODE_LIMITS.maxPushUpdates) break
    const size = jsonBytes(toWire(u)) + 1
    if (batch.length && bytes + size > CODE_LIMITS.maxPushBytes) break
    batch.push(u)
    bytes += size
  }
  return batch
}

/** One replacement turning `from` into `to`, between their common prefix and suffix. */
export function diffText(from: string, to: string): ChangeSet {
  const max = Math.min(from.length, to.length)
  let start = 0
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++
  if (start + end === from.length && start + end === to.length) return ChangeSet.empty(from.length)
  return ChangeSet.of(
    [{ from: start, to: from.length - end, insert: Text.of(to.slice(start, to.length - end).split('\n')) }],
    from.length,
  )
}

export function textOf(s: string): Text {
  return Text.of(s.split('\n'))
}

export class CodeSync {
  private readonly channel: CodeChannel
  private readonly host: EditorHost
  private readonly options: CodeSyncOptions
  private readonly timers: Timers
  private readonly retry: { firstMs: number; maxMs: number }
  private readonly baseClientID: string
  private readonly unsubscribe: (() => void)[]
  /** The host's text at our synced version. */
  private confirmed: Text
  private inFlight: Sent | null = null
  private awaitingUpdates = false
  private offline = false
  private pulledFrom: number | null = null
  private held: Held | null = null
  private error: string | undefined
  private generation = 0
  private retryDelay: number
  private cancelRetry: (() => void) | null = null
  private pushQueued = false
  private destroyed = false
  private lastStatus = ''

  constructor(options: CodeSyncOptions) {
    this.options = options
    this.channel = options.channel
    this.host = options.host
    this.timers = options.timers ?? browserTimers
    this.retry = options.retry ?? { firstMs: 1000, maxMs: 15_000 }
    this.retryDelay = this.retry.firstMs
    this.confirmed = options.host.state.doc
    this.baseClientID = getClientID(options.host.state)
    this.unsubscribe = [
      this.channel.onUpdates((version, updates) => this.receive(version, updates)),
      this.channel.onSnapshot((s) => this.snapshot(s)),
    ]
    this.emit()
  }

  private get state(): EditorState {
    return this.host.state
  }

  /** Call after every editor update: pushes what is new. */
  localChanged(): void {
    if (this.destroyed) return
    if (sendableUpdates(this.state).length && !this.pushQueued) {
      // Never push from inside an editor update: the answer may dispatch.
      this.pushQueued = true
      queueMicrotask(() => {
        this.pushQueued = false
        this.push()
      })
    }
    this.emit()
  }

  /** Shows a person-facing message in the status (e.g. a change refused locally). */
  notice(message: string): void {
    this.error = message
    this.emit()
  }

  status(): CodeStatus {
    const pending = sendableUpdates(this.state).length
    const s: CodeStatus = {
      pending,
      synced: pending === 0 && !this.inFlight && !this.held,
      offline: this.offline,
    }
    if (this.error) s.error = this.error
    return s
  }

  destroy(): void {
    this.destroyed = true
    this.stopRetry()
    for (const off of this.unsubscribe) off()
  }

  // ---------- pushing ----------

  private push(retrying = false): void {
    if (this.destroyed || this.inFlight || this.awaitingUpdates || this.held) return
    if (this.offline && !retrying) return
    const pending = sendableUpdates(this.state)
    if (!pending.length) return
    const sent: Sent = { version: getSyncedVersion(this.state), updates: takeBatch(pending), generation: this.generation }
    this.inFlight = sent
    this.emit()
    let answer: Promise<PushResult>
    try {
      answer = this.channel.push(sent.version, sent.updates.map(toWire))
    } catch (err) {
      answer = Promise.reject(err)
    }
    answer.then(
      (result) => this.pushed(sent, result),
      (err: unknown) => this.pushFailed(sent, err),
    )
  }

  private pushed(sent: Sent, result: PushResult): void {
    if (this.inFlight === sent) this.inFlight = null
    if (this.destroyed) return
    this.delivered()
    // After a reset meanwhile, that batch is no longer in this state: just go on.
    const current = sent.generation === this.generation && getSyncedVersion(this.state) === sent.version
    if (result === 'accepted') {
      this.error = undefined
      // The host put our batch at exactly sent.version: confirm it now, unless
      // its echo (code.updates) already did.
      if (current) this.apply(sent.updates)
    } else if (current) {
      this.awaitingUpdates = true // the others' updates are on their way
    }
    this.afterSettle()
  }

  private pushFailed(sent: Sent, err: unknown): void {
    if (this.inFlight === sent) this.inFlight = null
    if (this.destroyed) return
    if (err instanceof RefusedError) {
      this.error = refusedText(err.message)
      this.rebuild(getSyncedVersion(this.state), this.confirmed)
    } else {
      // Maybe not delivered. A reconnect brings a fresh snapshot: start over from it.
      this.offline = true
      this.held = null
      this.pulledFrom = null
      this.scheduleRetry()
    }
    this.afterSettle()
  }

  private afterSettle(): void {
    if (this.held?.merge) this.mergeHeld()
    this.push()
    this.emit()
  }

  private scheduleRetry(): void {
    if (this.cancelRetry) return
    this.cancelRetry = this.timers.set(() => {
      this.cancelRetry = null
      this.push(true)
    }, this.retryDelay)
    this.retryDelay = Math.min(this.retryDelay * 2, this.retry.maxMs)
  }

  private stopRetry(): void {
    this.cancelRetry?.()
    this.cancelRetry = null
    this.retryDelay = this.retry.firstMs
  }

  /** The channel works (again). */
  private delivered(): void {
    if (!this.offline) return
    this.offline = false
    this.stopRetry()
  }

  // ---------- receiving ----------

  private receive(version: number, wire: CodeUpdate[]): void {
    if (this.destroyed) return
    this.delivered()
    const synced = getSyncedVersion(this.state)
    if (version > synced) {
      this.requestPull(synced)
    } else if (version + wire.length > synced) {
      try {
        this.apply(wire.slice(synced - version).map(fromWire))
      } catch (err) {
        console.error('code: updates do not fit the document', err)
        this.notice(OUT_OF_STEP)
        return
      }
      this.pulledFrom = null
      this.awaitingUpdates = false
      if (this.held && getSyncedVersion(this.state) >= this.held.snapshot.version) this.held = null
    }
    this.push()
    this.emit()
  }

  /** Applies the host's updates from our synced version (ours among them are recognised). */
  private apply(updates: readonly Update[]): void {
    let doc = this.confirmed
    for (const u of updates) doc = u.changes.apply(doc) // throws if they do not fit
    this.host.dispatch(receiveUpdates(this.state, updates))
    this.confirmed = doc
  }

  private requestPull(version: number): void {
    if (this.pulledFrom === version) return
    this.pulledFrom = version
    this.channel.pull(version)
  }

  private snapshot(s: CodeSnapshot): void {
    if (this.destroyed) return
    this.delivered()
    this.pulledFrom = null
    this.awaitingUpdates = false
    const synced = getSyncedVersion(this.state)
    const ours = sendableUpdates(this.state).length > 0 || this.inFlight !== null
    if (!ours) {
      this.held = null
      if (s.version !== synced || s.text !== this.state.doc.toString()) this.rebuild(s.version, textOf(s.text))
    } else if (s.version === synced && s.text === this.confirmed.toString()) {
      this.held = null // the host has nothing we lack: ours go out again
    } else if (!this.held && s.version > synced) {
      this.held = { snapshot: s, merge: false }
      this.requestPull(synced)
    } else {
      this.held = { snapshot: s, merge: true }
      if (!this.inFlight) this.mergeHeld()
    }
    this.push()
    this.emit()
  }

  /** Resets to the held snapshot and re-applies our pending updates over it. */
  private mergeHeld(): void {
    const held = this.held
    this.held = null
    if (!held) return
    const { version, text } = held.snapshot
    const over = [{ clientID: SNAPSHOT_CLIENT, changes: diffText(this.confirmed.toString(), text) }]
    const mine = rebaseUpdates(sendableUpdates(this.state), over)
    this.rebuild(version, textOf(text))
    for (const u of mine) this.host.dispatch(this.state.update({ changes: u.changes }))
  }

  /**
   * Replaces the editor's state. The client ID changes with it, so that a push of
   * the old state still on its way can never be taken for one of the new state's.
   */
  private rebuild(version: number, doc: Text): void {
    this.generation++
    const clientID = `${this.baseClientID}.${this.generation}`
    this.host.setState(this.options.rebuild(this.state, version, doc, clientID))
    this.confirmed = doc
    this.awaitingUpdates = false
  }

  private emit(): void {
    if (this.destroyed) return
    const s = this.status()
    const key = JSON.stringify(s)
    if (key === this.lastStatus) return
    this.lastStatus = key
    this.options.onStatus?.(s)
  }
}
