// TEST PAGE (board-test.html), not a product page: one whiteboard wired to a
// relay that the end-to-end test exposes as window.boardRelay (it stands in for
// the host) and feeds through window.boardDeliver. The test reads the scene
// through window.boardHandle.

import '../../styles/tokens.css'
import '../../styles/base.css'
import '../../styles/components.css'
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { BoardChannel, BoardHandle, BoardPointer, BoardPointerGone } from './channel'
import type { PointerState } from './sync'
import { BoardReplay, Whiteboard } from './Whiteboard'

type ToRelay = { type: 'join' } | { type: 'push'; elements: readonly unknown[] } | ({ type: 'pointer' } & PointerState)
type FromRelay =
  | { type: 'elements' | 'board'; elements: readonly unknown[] }
  | ({ type: 'pointer' } & (BoardPointer | BoardPointerGone))

declare global {
  interface Window {
    boardRelay?: (msg: ToRelay) => Promise<unknown>
    boardDeliver?: (msg: FromRelay) => void
    boardHandle?: BoardHandle
    /** performance.now() when the board was mounted and ready. */
    boardReadyAt?: number
  }
}

/** The relay as a BoardChannel; messages that come before the board listens wait in `inbox`. */
function relayChannel(): BoardChannel {
  const elements = new Set<(els: readonly unknown[]) => void>()
  const boards = new Set<(els: readonly unknown[]) => void>()
  const pointers = new Set<(p: BoardPointer | BoardPointerGone) => void>()
  const inbox: FromRelay[] = []
  const deliver = () => {
    if (elements.size === 0 || pointers.size === 0 || boards.size === 0) return
    for (const msg of inbox.splice(0)) {
      if (msg.type === 'pointer') pointers.forEach((fn) => fn(msg))
      else (msg.type === 'board' ? boards : elements).forEach((fn) => fn(msg.elements))
    }
  }
  window.boardDeliver = (msg) => {
    inbox.push(msg)
    deliver()
  }
  const send = (msg: ToRelay) => void window.boardRelay?.(msg)
  const listen = <T,>(set: Set<T>, fn: T) => {
    set.add(fn)
    deliver()
    return () => void set.delete(fn)
  }
  return {
    push: (els) => send({ type: 'push', elements: els }),
    onElements: (fn) => listen(elements, fn),
    sendPointer: (p) => send({ type: 'pointer', ...p }),
    onPointer: (fn) => listen(pointers, fn),
    onBoard: (fn) => listen(boards, fn),
  }
}

/** ?replay: BoardReplay, each delivered element set replacing the last (as playback steps). */
function Replay({ initial, theme }: { initial: readonly unknown[]; theme: 'light' | 'dark' }) {
  const [elements, setElements] = useState(initial)
  useEffect(() => {
    window.boardDeliver = (msg) => {
      if (msg.type === 'elements') setElements(msg.elements)
    }
  }, [])
  return <BoardReplay elements={elements} theme={theme} />
}

async function main() {
  const params = new URLSearchParams(window.location.search)
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light'
  document.documentElement.dataset.theme = theme
  const initial = ((await window.boardRelay?.({ type: 'join' })) ?? []) as unknown[]
  const root = document.getElementById('root')
  if (!root) return
  root.style.cssText = 'position: fixed; inset: 0; display: flex; padding: 8px'
  if (params.has('replay')) return void createRoot(root).render(<Replay initial={initial} theme={theme} />)
  createRoot(root).render(
    <Whiteboard
      initial={initial}
      channel={relayChannel()}
      theme={theme}
      readOnly={params.has('readonly')}
      onReady={(board) => {
        window.boardHandle = board
        window.boardReadyAt = performance.now()
      }}
    />,
  )
}

void main()
