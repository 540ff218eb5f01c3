// An in-memory host for the code.* messages, for tests: it orders updates and
// refuses stale pushes exactly as the room protocol says, and gives every member a
// TestConnection (a CodeChannel) whose two directions are queues the test delivers
// one message at a time, so tests choose every interleaving. Messages pass through
// JSON as on the wire.

import { ChangeSet, Text } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import {
  CODE_LIMITS,
  jsonBytes,
  RefusedError,
  type CodeChannel,
  type CodeSnapshot,
  type CodeUpdate,
  type PushResult,
  type RemoteCursor,
} from './channel'
import { mountCodeEditor, type MountedEditor } from './editor'
import type { CodeStatus } from './sync'
import type { Timers } from './timers'

type ToHost =
  | { type: 'code.push'; id: number; version: number; updates: CodeUpdate[] }
  | { type: 'code.pull'; version: number }
  | { type: 'cursor'; anchor: number; head: number }

type ToClient =
  | { type: 'ack'; id: number; error?: string }
  | { type: 'code'; version: number; text: string }
  | { type: 'code.updates'; version: number; updates: CodeUpdate[] }
  | ({ type: 'cursor' } & RemoteCursor)

const wire = <T>(msg: T): T => JSON.parse(JSON.stringify(msg)) as T

export type PushRecord = { from: string; version: number; updates: number; bytes: number; error?: string }

export class TestAuthority {
  version: number
  doc: Text
  /** The updates it can still serve a pull from: versions logStart… */
  private log: { clientID: string; changes: ChangeSet }[] = []
  private logStart: number
  private readonly members = new Set<TestConnection>()
  /** Every push it handled, for assertions on batching. */
  readonly pushes: PushRecord[] = []
  /** When set, pushes get this error (a refusal: malformed, not allowed…). */
  refuse: string | null = null
  /** Whether the ack reaches the sender before the echo of its updates. */
  ackFirst: () => boolean = () => true
  /** How many recent updates it keeps for pulls; older pulls get a snapshot. */
  keep: number

  constructor(o: { text?: string; version?: number; keep?: number } = {}) {
    this.version = o.version ?? 0
    this.logStart = this.version
    this.doc = Text.of((o.text ?? '').split('\n'))
    this.keep = o.keep ?? Infinity
  }

  get text(): string {
    return this.doc.toString()
  }

  snapshot(): CodeSnapshot {
    return { version: this.version, text: this.text }
  }

  connect(id: string, name = id, color = '#1c7ed6'): TestConnection {
    const c = new TestConnection(this, id, name, color)
    this.join(c)
    return c
  }

  /** A member (re)connects: it gets the snapshot, as on the real host. */
  join(c: TestConnection): void {
    this.members.add(c)
    c.queue({ type: 'code', ...this.snapshot() })
  }

  leave(c: TestConnection): void {
    this.members.delete(c)
    this.broadcast({ type: 'cursor', from: c.id, gone: true }, c)
  }

  handle(from: TestConnection, msg: ToHost): void {
    if (msg.type === 'code.push') this.push(from, msg)
    else if (msg.type === 'code.pull') this.pull(from, msg.version)
    else this.broadcast({ type: 'cursor', from: from.id, name: from.name, color: from.color, anchor: msg.anchor, head: msg.head }, from)
  }

  private push(from: TestConnection, msg: Extract<ToHost, { type: 'code.push' }>): void {
    const bytes = jsonBytes({ type: 'code.push', id: msg.id, doc: 'main', version: msg.version, updates: msg.updates })
    const error = this.check(msg, bytes)
    this.pushes.push({ from: from.id, version: msg.version, updates: msg.updates.length, bytes, ...(error ? { error } : {}) })
    if (error) {
      from.queue({ type: 'ack', id: msg.id, error })
      return
    }
    const before = this.version
    for (const u of msg.updates) {
      const changes = ChangeSet.fromJSON(u.changes)
      this.doc = changes.apply(this.doc)
      this.log.push({ clientID: u.clientID, changes })
      this.version++
    }
    while (this.log.length > this.keep) {
      this.log.shift()
      this.logStart++
    }
    const echo: ToClient = { type: 'code.updates', version: before, updates: msg.updates }
    const ackFirst = this.ackFirst()
    if (ackFirst) from.queue({ type: 'ack', id: msg.id })
    for (const m of this.members) m.queue(echo)
    if (!ackFirst) from.queue({ type: 'ack', id: msg.id })
  }

  /** The protocol's refusals, in its order: too large, stale, then content. */
  private check(msg: Extract<ToHost, { type: 'code.push' }>, bytes: number): string | null {
    if (msg.updates.length > CODE_LIMITS.maxPushUpdates || bytes > CODE_LIMITS.maxPushBytes) return 'too large'
    if (msg.version !== this.version) return 'stale'
    if (this.refuse) return this.refuse
    try {
      let doc = this.doc
      for (const u of msg.updates) {
        if (typeof u.clientID !== 'string') return 'malformed'
        doc = ChangeSet.fromJSON(u.changes).apply(doc)
      }
      return doc.length > CODE_LIMITS.maxDocLength ? 'too large' : null
    } catch {
      return 'malformed'
    }
  }

  private pull(from: TestConnection, version: number): void {
    if (version < this.logStart || version > this.version) {
      from.queue({ type: 'code', ...this.snapshot() })
      return
    }
    const updates = this.log.slice(version - this.logStart).map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() }))
    if (updates.length) from.queue({ type: 'code.updates', version, updates })
  }

  private broadcast(msg: ToClient, except: TestConnection): void {
    for (const m of this.members) if (m !== except) m.queue(msg)
  }
}

type Listeners = {
  updates: Set<(version: number, updates: CodeUpdate[]) => void>
  snapshot: Set<(s: CodeSnapshot) => void>
  cursor: Set<(c: RemoteCursor) => void>
}

function listen<T>(set: Set<T>, fn: T): () => void {
  set.add(fn)
  return () => set.delete(fn)
}

/** One member's channel to the TestAuthority. */
export class TestConnection implements CodeChannel {
  online = true
  readonly toHost: ToHost[] = []
  readonly toClient: ToClient[] = []
  private nextId = 0
  private readonly waiting = new Map<number, { resolve: (r: PushResult) => void; reject: (e: Error) => void }>()
  private readonly listeners: Listeners = { updates: new Set(), snapshot: new Set(), cursor: new Set() }

  constructor(
    readonly host: TestAuthority,
    readonly id: string,
    readonly name: string,
    readonly color: string,
  ) {}

  push(version: number, updates: CodeUpdate[]): Promise<PushResult> {
    if (!this.online) return Promise.reject(new Error('offline'))
    const id = ++this.nextId
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.toHost.push(wire({ type: 'code.push', id, version, updates }))
    })
  }

  pull(version: number): void {
    if (this.online) this.toHost.push({ type: 'code.pull', version })
  }

  sendCursor(anchor: number, head: number): void {
    if (this.online) this.toHost.push({ type: 'cursor', anchor, head })
  }

  onUpdates(fn: (version: number, updates: CodeUpdate[]) => void): () => void {
    return listen(this.listeners.updates, fn)
  }

  onSnapshot(fn: (s: CodeSnapshot) => void): () => void {
    return listen(this.listeners.snapshot, fn)
  }

  onCursor(fn: (c: RemoteCursor) => void): () => void {
    return listen(this.listeners.cursor, fn)
  }

  queue(msg: ToClient): void {
    if (this.online) this.toClient.push(wire(msg))
  }

  /** Hands the oldest browser→host message to the host; false when none. */
  deliverToHost(): boolean {
    const msg = this.toHost.shift()
    if (!msg) return false
    this.host.handle(this, msg)
    return true
  }

  /** Hands the oldest host→browser message to the editor; false when none. */
  deliverToClient(): boolean {
    const msg = this.toClient.shift()
    if (!msg) return false
    if (msg.type === 'ack') this.settle(msg)
    else if (msg.type === 'code') for (const fn of this.listeners.snapshot) fn({ version: msg.version, text: msg.text })
    else if (msg.type === 'code.updates') for (const fn of this.listeners.updates) fn(msg.version, msg.updates)
    else {
      const { type: _type, ...cursor } = msg
      for (const fn of this.listeners.cursor) fn(cursor as RemoteCursor)
    }
    return true
  }

  private settle(ack: Extract<ToClient, { type: 'ack' }>): void {
    const w = this.waiting.get(ack.id)
    this.waiting.delete(ack.id)
    if (!w) return
    if (!ack.error) w.resolve('accepted')
    else if (ack.error === 'stale') w.resolve('stale')
    else w.reject(new RefusedError(ack.error))
  }

  /** The socket drops: queued messages are lost, pushes awaiting an ack fail. */
  disconnect(): void {
    this.online = false
    this.toHost.length = 0
    this.toClient.length = 0
    for (const w of this.waiting.values()) w.reject(new Error('offline'))
    this.waiting.clear()
    this.host.leave(this)
  }

  reconnect(): void {
    this.online = true
    this.host.join(this)
  }

  get idle(): boolean {
    return this.toHost.length === 0 && this.toClient.length === 0
  }
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  private readonly pending = new Set<() => void>()

  set(fn: () => void): () => void {
    const entry = () => fn()
    this.pending.add(entry)
    return () => this.pending.delete(entry)
  }

  get size(): number {
    return this.pending.size
  }

  fireAll(): void {
    const due = [...this.pending]
    this.pending.clear()
    for (const fn of due) fn()
  }
}

/** Lets promise callbacks and queued microtasks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

export type TestPeer = {
  id: string
  channel: TestConnection
  editor: MountedEditor
  view: EditorView
  statuses: CodeStatus[]
}

/**
 * A new member of `host` with a mounted editor (collab client ID = `id`), in
 * document.body until closeEditor.
 */
export function openEditor(host: TestAuthority, id: string, o: { name?: string; color?: string; timers?: Timers } = {}): TestPeer {
  const channel = host.connect(id, o.name ?? id, o.color ?? '#1c7ed6')
  const statuses: CodeStatus[] = []
  const editor = mountCodeEditor({
    parent: document.body.appendChild(document.createElement('div')),
    initial: host.snapshot(),
    channel,
    theme: 'light',
    readOnly: false,
    label: `Code (${id})`,
    clientID: id,
    timers: o.timers ?? new ManualTimers(),
    onStatus: (s) => statuses.push(s),
  })
  return { id, channel, editor, view: editor.view, statuses }
}

export function closeEditor(p: TestPeer): void {
  const parent = p.view.dom.parentElement
  p.editor.destroy()
  parent?.remove()
}

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

/** A React root in a fresh container, for component tests (call unmount after each). */
export function renderRoot(): { container: HTMLElement; root: Root; unmount(): void } {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  return {
    container,
    root,
    unmount() {
      act(() => root.unmount())
      container.remove()
    },
  }
}
