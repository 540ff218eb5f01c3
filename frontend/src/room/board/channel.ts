// What the whiteboard needs from the room channel, and how remote pointers
// become Excalidraw collaborators. No Excalidraw import: the room bundle may
// load this without the whiteboard chunk.

import type { PointerState } from './sync'

export type BoardTheme = 'light' | 'dark'

/** A remote member's pointer on the board (the room channel's `pointer`). */
export type BoardPointer = PointerState & { from: string; name: string; color: string }

/** A remote member left the board. */
export type BoardPointerGone = { from: string; gone: true }

/**
 * The board's link to the room. Elements are full Excalidraw element objects
 * (id, version, versionNonce, isDeleted, …), passed through untouched.
 */
export interface BoardChannel {
  /** Elements that changed locally (`board.push`). */
  push(elements: readonly unknown[]): void
  /** Remote elements accepted by the host (`board.updates`); returns unsubscribe. */
  onElements(fn: (elements: readonly unknown[]) => void): () => void
  /** The local pointer (`pointer`), already throttled to ≤ 20 a second. */
  sendPointer(p: PointerState): void
  /** Remote pointers (`pointer`); returns unsubscribe. */
  onPointer(fn: (p: BoardPointer | BoardPointerGone) => void): () => void
  /**
   * The host's whole board (`board`) when it comes again, after a reconnect:
   * the board merges it and pushes again what the host missed. Optional.
   */
  onBoard?(fn: (elements: readonly unknown[]) => void): () => void
}

/** Read access to a mounted board, for its host page (export, checks). */
export interface BoardHandle {
  /** The scene's elements, deleted ones included. */
  elements(): readonly unknown[]
  /** Connection IDs of the remote pointers shown. */
  pointers(): string[]
}

/** The shape of Excalidraw's `Collaborator` that remote pointers fill in. */
export type RemoteCollaborator = {
  id: string
  socketId: string
  username: string
  color: { background: string; stroke: string }
  pointer: { x: number; y: number; tool: 'pointer' | 'laser' }
  button: 'up' | 'down'
}

/** The collaborators after one pointer message (a new Map: Excalidraw re-renders on identity). */
export function nextCollaborators(
  current: ReadonlyMap<string, RemoteCollaborator>,
  msg: BoardPointer | BoardPointerGone,
): Map<string, RemoteCollaborator> {
  const next = new Map(current)
  if ('gone' in msg) {
    next.delete(msg.from)
    return next
  }
  next.set(msg.from, {
    id: msg.from,
    socketId: msg.from,
    username: msg.name,
    color: { background: msg.color, stroke: msg.color },
    pointer: { x: msg.x, y: msg.y, tool: msg.tool },
    button: msg.button,
  })
  return next
}

/** A channel that holds what arrives while nobody listens; close() lets go of the source. */
export type HeldChannel = Required<BoardChannel> & { close(): void }

/**
 * Subscribes to `source` at once and keeps what arrives until the board
 * subscribes (one listener of each kind at a time): the Excalidraw chunk takes
 * a moment to load, and no update may be lost meanwhile. It keeps the latest
 * whole board, the element batches that came after it, and the latest pointer
 * per member. Subscribe to onBoard before onElements to get them in order.
 */
export function holdChannel(source: BoardChannel): HeldChannel {
  let onElements: ((els: readonly unknown[]) => void) | null = null
  let onPointer: ((p: BoardPointer | BoardPointerGone) => void) | null = null
  let onBoard: ((els: readonly unknown[]) => void) | null = null
  let board: readonly unknown[] | null = null
  const batches: (readonly unknown[])[] = []
  const pointers = new Map<string, BoardPointer | BoardPointerGone>()
  const offs = [
    source.onElements((els) => (onElements ? onElements(els) : void batches.push(els))),
    source.onPointer((p) => (onPointer ? onPointer(p) : void pointers.set(p.from, p))),
    source.onBoard?.((els) => {
      if (onBoard) return onBoard(els)
      board = els
      batches.length = 0 // the whole board supersedes them
    }) ?? (() => {}),
  ]
  return {
    push: (els) => source.push(els),
    sendPointer: (p) => source.sendPointer(p),
    onElements(fn) {
      onElements = fn
      for (const els of batches.splice(0)) fn(els)
      return () => void (onElements === fn && (onElements = null))
    },
    onPointer(fn) {
      onPointer = fn
      for (const p of pointers.values()) fn(p)
      pointers.clear()
      return () => void (onPointer === fn && (onPointer = null))
    },
    onBoard(fn) {
      onBoard = fn
      if (board) fn(board)
      board = null
      return () => void (onBoard === fn && (onBoard = null))
    },
    close: () => offs.forEach((off) => off()),
  }
}
