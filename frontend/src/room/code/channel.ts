// What the shared editor needs from the room channel for one document ("main" or
// "pad"): the code.* and cursor messages of the room protocol, routed by `doc`.
// The room implements it over its connection (workspace/channels.ts codeChannel);
// tests use an in-memory host (testing.ts). The contract the editor relies on:
//
// - push(version, updates) resolves 'accepted', or 'stale' when others' updates
//   came first (they are on their way via onUpdates); rejects with RefusedError
//   when the host refused them (nothing changed there; its message is for
//   people), and with any other error when they may not have been delivered
//   (not connected, dropped, no ack in time). Every push settles.
// - onUpdates gives code.updates: `version` is the version before the first one.
// - onSnapshot gives `code` snapshots: on every (re)connect, and when a pull is
//   too far behind.
// - Cursor messages of my own connection are not passed to onCursor.

import type { CodeUpdateWire } from '../workspace/messages'

export type { CodeChannel, CursorMessage as RemoteCursor } from '../workspace/channels'
export { RefusedError } from '../connection/client'

/** One update as it travels: ChangeSet.toJSON() of @codemirror/state. */
export type CodeUpdate = CodeUpdateWire

export type PushResult = 'accepted' | 'stale'

export type CodeSnapshot = { version: number; text: string }

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
