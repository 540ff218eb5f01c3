// The code editor's and the whiteboard's channels over the room connection.

import type { BoardChannel } from '../board'
import { RefusedError, type RoomClient } from '../connection/client'
import type { DocId, CodeUpdateWire } from './messages'

export type CursorMessage =
  | { from: string; name: string; color: string; anchor: number; head: number }
  | { from: string; gone: true }

export type CodeChannel = {
  push(version: number, updates: CodeUpdateWire[]): Promise<'accepted' | 'stale'>
  pull(version: number): void
  onUpdates(fn: (version: number, updates: CodeUpdateWire[]) => void): () => void
  onSnapshot(fn: (s: { version: number; text: string }) => void): () => void
  sendCursor(anchor: number, head: number): void
  onCursor(fn: (c: CursorMessage) => void): () => void
}

/** The host's answer to a push based on an old version. */
const STALE = 'stale'

export function codeChannel(client: RoomClient, doc: DocId): CodeChannel {
  return {
    async push(version, updates) {
      try {
        await client.request({ type: 'code.push', doc, version, updates })
        return 'accepted'
      } catch (e) {
        if (e instanceof RefusedError && e.message === STALE) return 'stale'
        throw e
      }
    },
    pull(version) {
      client.post({ type: 'code.pull', doc, version })
    },
    onUpdates(fn) {
      return client.on('message', (m) => {
        if (m.type === 'code.updates' && m.doc === doc) fn(m.version, m.updates)
      })
    },
    onSnapshot(fn) {
      return client.on('message', (m) => {
        if (m.type === 'code' && m.doc === doc) fn({ version: m.version, text: m.text })
      })
    },
    sendCursor(anchor, head) {
      client.post({ type: 'cursor', doc, anchor, head })
    },
    onCursor(fn) {
      return client.on('message', (m) => {
        if (m.type === 'cursor' && m.doc === doc) fn('gone' in m ? { from: m.from, gone: true } : m)
      })
    },
  }
}

export function boardChannel(client: RoomClient): BoardChannel {
  return {
    push(elements) {
      client.request({ type: 'board.push', elements }).catch(() => {
        // Not delivered or refused: the elements stay local; the next change
        // of them pushes them again (their version moved on).
      })
    },
    onElements(fn) {
      return client.on('message', (m) => {
        if (m.type === 'board.updates') fn(m.elements)
      })
    },
    onBoard(fn) {
      return client.on('message', (m) => {
        if (m.type === 'board') fn(m.elements)
      })
    },
    sendPointer(p) {
      client.post({ type: 'pointer', ...p })
    },
    onPointer(fn) {
      return client.on('message', (m) => {
        if (m.type === 'pointer') fn(m)
      })
    },
  }
}
