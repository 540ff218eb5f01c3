// The whiteboard's sync rules, free of Excalidraw so they can be tested alone.
//
// Every Excalidraw element carries `version` (bumped on each change) and a random
// `versionNonce`. The host keeps, per id, the element that wins Excalidraw's rule
// (higher version; on a tie the lower versionNonce) and forwards what it accepted.
// A browser therefore pushes only the elements that would beat what the host holds,
// at most 20 times a second, and merges what comes back with the same rule.

/** The fields of an Excalidraw element that the sync reads. */
export type BoardElement = {
  readonly id: string
  readonly version: number
  readonly versionNonce: number
  readonly isDeleted?: boolean
  readonly type?: string
}

/** True when `a` replaces `b`: Excalidraw's (and the host's) merge rule. */
export function wins(a: BoardElement, b: BoardElement): boolean {
  return a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce)
}

/**
 * Merges incoming elements into a store by the rule and returns the accepted
 * ones, as the host does with a push.
 */
export function mergeInto<T extends BoardElement>(store: Map<string, T>, incoming: readonly T[]): T[] {
  const accepted: T[] = []
  for (const el of incoming) {
    const held = store.get(el.id)
    if (held && !wins(el, held)) continue
    store.set(el.id, el)
    accepted.push(el)
  }
  return accepted
}

/**
 * One element per id, the winner by the rule. Excalidraw's restoreElements
 * would give a repeated id a new random id: a copy of the element everywhere.
 */
export function winnersById<T extends BoardElement>(elements: readonly T[]): T[] {
  const byId = new Map<string, T>()
  mergeInto(byId, elements)
  return [...byId.values()]
}

/** Whether an element may go to the host: it refuses images (and their files). */
export function shareable(el: BoardElement): boolean {
  return el.type !== 'image'
}

type Stamp = { version: number; versionNonce: number; id: string }

/**
 * What the host holds, as far as this browser knows: per id, the best version
 * it sent or received.
 */
export class Ledger {
  private readonly known = new Map<string, Stamp>()

  /** Forgets everything: the host's board is known afresh. */
  clear(): void {
    this.known.clear()
  }

  /** Records elements sent to or received from the host. */
  note(elements: readonly BoardElement[]): void {
    for (const el of elements) {
      const held = this.known.get(el.id)
      if (held && !wins(el, held)) continue
      this.known.set(el.id, { id: el.id, version: el.version, versionNonce: el.versionNonce })
    }
  }

  /** The scene's elements that beat what the host holds: the ones to push. */
  changed<T extends BoardElement>(scene: readonly T[]): T[] {
    const out: T[] = []
    for (const el of scene) {
      if (!shareable(el)) continue
      const held = this.known.get(el.id)
      if (!held || wins(el, held)) out.push(el)
    }
    return out
  }
}

/** Timer functions, injectable for tests. */
export type Timers = {
  now(): number
  set(fn: () => void, ms: number): ReturnType<typeof setTimeout>
  clear(handle: ReturnType<typeof setTimeout>): void
}

export const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle),
}

/**
 * Runs `fire` at most once per interval: at once when the last run is older
 * than the interval, else once at the end of it, however often it is asked.
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly fire: () => void,
    private readonly intervalMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Asks for a run within the interval. */
  request(): void {
    if (this.timer !== undefined) return
    const wait = this.last + this.intervalMs - this.timers.now()
    if (wait <= 0) this.run()
    else this.timer = this.timers.set(() => this.run(), wait)
  }

  /** Asks for a run as soon as the current task is over (0 ms), ignoring the interval. */
  soon(): void {
    this.cancel()
    this.timer = this.timers.set(() => this.run(), 0)
  }

  cancel(): void {
    if (this.timer === undefined) return
    this.timers.clear(this.timer)
    this.timer = undefined
  }

  private run(): void {
    this.timer = undefined
    this.last = this.timers.now()
    this.fire()
  }
}

/** At most 20 pushes (and pointer messages) a second. */
export const SYNC_INTERVAL_MS = 50

/** The host's limits (internal/collab/board.go): per push, and per element's JSON. */
export const PUSH_LIMITS = { elements: 2000, bytes: 256 * 1024, element: 64 * 1024, envelope: 64 }

const utf8 = new TextEncoder()

export type NextPush<T> = {
  /** What goes in the next push, within the limits. */
  push: T[]
  /** Elements the host would refuse for their size (with all the push), left out. */
  tooLarge: T[]
  /** Whether changed elements are left for a later push. */
  more: boolean
}

/** Splits changed elements into the next push and what waits or cannot go. */
export function nextPush<T>(changed: readonly T[], limits = PUSH_LIMITS): NextPush<T> {
  const out: NextPush<T> = { push: [], tooLarge: [], more: false }
  let bytes = limits.envelope
  for (const el of changed) {
    const size = utf8.encode(JSON.stringify(el)).length + 1
    if (size > limits.element) {
      out.tooLarge.push(el)
      continue
    }
    if (out.push.length === limits.elements || bytes + size > limits.bytes) {
      out.more = true
      break
    }
    bytes += size
    out.push.push(el)
  }
  return out
}

export type BoardSyncOptions<T extends BoardElement> = {
  /** The live scene, deleted elements included. */
  scene: () => readonly T[]
  /** Sends elements that changed locally. */
  push: (elements: readonly T[]) => void
  timers?: Timers
  intervalMs?: number
}

/**
 * One browser's side of the board sync: it coalesces local changes into
 * throttled pushes and keeps the remote elements that the merge set aside.
 */
export class BoardSync<T extends BoardElement> {
  private readonly ledger = new Ledger()
  private readonly throttle: Throttle
  private readonly setAside = new Map<string, T>()

  constructor(private readonly opts: BoardSyncOptions<T>) {
    this.throttle = new Throttle(() => this.flush(), opts.intervalMs ?? SYNC_INTERVAL_MS, opts.timers ?? realTimers)
  }

  /** The elements the board started from (already on the host). */
  start(initial: readonly T[]): void {
    this.ledger.note(initial)
  }

  /** The scene changed (Excalidraw's onChange): push what changed, throttled. */
  changed(scene: readonly T[]): void {
    if (this.ledger.changed(scene).length > 0) this.throttle.request()
  }

  /** The pointer went up: a stroke or a move just ended, send it without waiting. */
  pointerUp(): void {
    this.throttle.soon()
  }

  /**
   * Sends what changed since the last push now, within the host's limits;
   * what does not fit goes with the next run.
   */
  flush(): void {
    this.throttle.cancel()
    const next = nextPush(this.ledger.changed(this.opts.scene()).map((el) => ({ ...el })))
    // Too large for the host (a very long stroke): kept local until it changes again.
    this.ledger.note(next.tooLarge)
    if (next.push.length > 0) {
      this.ledger.note(next.push)
      this.opts.push(next.push)
    }
    if (next.more) this.throttle.request()
  }

  /**
   * The host's whole board again (after a reconnect): what it holds is known
   * afresh, so local changes it missed are pushed again.
   */
  reset(board: readonly T[]): void {
    this.ledger.clear()
    this.ledger.note(board)
    this.setAside.clear()
  }

  /**
   * Records remote elements after they were merged into the scene (`after`).
   * Those the merge kept out although they win by the rule (Excalidraw keeps
   * an element the user is drawing, resizing or typing in) are set aside to be
   * applied again by `retry` once that ends: the host holds them, so the board
   * must end up with them too.
   */
  received(remote: readonly T[], after: readonly T[]): void {
    this.ledger.note(remote)
    const byId = new Map(after.map((el) => [el.id, el]))
    for (const el of remote) {
      const local = byId.get(el.id)
      if (local && wins(el, local)) this.setAside.set(el.id, el)
      else this.setAside.delete(el.id)
    }
  }

  /** Remote elements to merge again now that no local edit holds them back. */
  retry(): T[] {
    const out = [...this.setAside.values()]
    this.setAside.clear()
    return out
  }

  /** Whether remote elements wait for `retry`. */
  waiting(): boolean {
    return this.setAside.size > 0
  }

  close(): void {
    this.throttle.cancel()
  }
}

export type PointerState = { x: number; y: number; button: 'up' | 'down'; tool: 'pointer' | 'laser' }

/**
 * Sends the local pointer at most 20 times a second (the latest position wins);
 * a button or tool change goes at once so remote strokes start and end in time.
 */
export class PointerSender {
  private latest: PointerState | undefined
  private sent: PointerState | undefined
  private readonly throttle: Throttle

  constructor(
    private readonly send: (p: PointerState) => void,
    timers: Timers = realTimers,
    intervalMs = SYNC_INTERVAL_MS,
  ) {
    this.throttle = new Throttle(() => this.fire(), intervalMs, timers)
  }

  update(p: PointerState): void {
    this.latest = p
    if (this.sent && (this.sent.button !== p.button || this.sent.tool !== p.tool)) this.fire()
    else this.throttle.request()
  }

  close(): void {
    this.throttle.cancel()
  }

  private fire(): void {
    this.throttle.cancel()
    const p = this.latest
    if (!p || (this.sent && samePointer(this.sent, p))) return
    this.sent = p
    this.send(p)
  }
}

function samePointer(a: PointerState, b: PointerState): boolean {
  return a.x === b.x && a.y === b.y && a.button === b.button && a.tool === b.tool
}

/**
 * Elements in Excalidraw's z-order (fractional `index`, then id; elements
 * without an index last). Excalidraw re-indexes an out-of-order batch, and
 * re-indexing bumps versions: remote batches are sorted before they are merged.
 */
export function byIndex<T extends BoardElement & { readonly index?: string | null }>(elements: readonly T[]): T[] {
  return [...elements].sort((a, b) => {
    if (a.index == null || b.index == null) return a.index == null ? (b.index == null ? 0 : 1) : -1
    if (a.index !== b.index) return a.index < b.index ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

/** Whether a value from the wire looks like an element the sync can merge. */
export function isBoardElement(v: unknown): v is BoardElement {
  if (typeof v !== 'object' || v === null) return false
  const el = v as Record<string, unknown>
  return typeof el.id === 'string' && typeof el.version === 'number' && typeof el.versionNonce === 'number'
}
