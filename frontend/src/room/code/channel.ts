// What the shared editor needs from the room channel for one document ("main" or
// "pad"): the code.* and cursor messages of the room protocol, already routed by
// `doc`. The room wiring implements CodeChannel over the WebSocket; tests use an
// in-memory authority (testing.ts).

/** One update as it travels: ChangeSet.toJSON() of @codemirror/state. */
export type CodeUpdate = { clientID: string; changes: unknown }

/** A remote member's selection (positions are UTF-16 offsets), or their leaving. */
export type RemoteCursor =
  | { from: string; name: string; color: string; anchor: number; head: number }
  | { from: string; gone: true }

export type PushResult = 'accepted' | 'stale'

export interface CodeChannel {
  /**
   * Sends local updates based on `version` (code.push). Resolves 'accepted', or
   * 'stale' when others' updates came first (they are on their way via onUpdates).
   * Rejects with CodeRefused when the host refused them (nothing changed there),
   * and with any other error when they may not have been delivered (offline, the
   * socket closed before the ack). Every push must settle.
   */
  push(version: number, updates: CodeUpdate[]): Promise<PushResult>
  /** Asks for everything after `version` (code.pull); answered via onUpdates or onSnapshot. */
  pull(version: number): void
  /** code.updates: `version` is the document version before the first update. */
  onUpdates(fn: (version: number, updates: CodeUpdate[]) => void): () => void
  /** code: a full snapshot (on connect, or when a pull is too far behind). */
  onSnapshot(fn: (snapshot: CodeSnapshot) => void): () => void
  /** My selection (cursor). Throttling is the editor's job. */
  sendCursor(anchor: number, head: number): void
  onCursor(fn: (cursor: RemoteCursor) => void): () => void
}

export type CodeSnapshot = { version: number; text: string }

/** The host refused a push (malformed, too large, not allowed); the message is for people. */
export class CodeRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CodeRefused'
  }
}

/** The room protocol's limits for code documents. */
export const CODE_LIMITS = {
  /** UTF-16 code units in one document. */
  maxDocLength: 1_000_000,
  /** Bytes of JSON in one code.push, envelope included. */
  maxPushBytes: 512 * 1024,
  /** Updates in one code.push. */
  maxPushUpdates: 100,
} as const

/** Room for the code.push envelope ({"type":"code.push","id":…,"doc":…,"version":…}). */
export const PUSH_ENVELOPE_BYTES = 256

/** Bytes of `value` as UTF-8 JSON (what the WebSocket frame carries). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value)
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4
        i++
      } else n += 3
    } else n += 3
  }
  return n
}
