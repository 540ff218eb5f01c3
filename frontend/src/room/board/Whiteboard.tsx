// The whiteboard as the room shows it: a labelled region of fixed size that
// holds a placeholder while the Excalidraw chunk loads, then the board.

import './board.css'
import { Component, lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react'
import { holdChannel, type BoardChannel, type BoardHandle, type BoardTheme, type HeldChannel } from './channel'
import { loadBoard } from './load'

export type WhiteboardProps = {
  /** The board as the host holds it on connect (`board` elements). */
  initial: readonly unknown[]
  /** Keep it stable for the life of the board: a new channel restarts the sync. */
  channel: BoardChannel
  theme: BoardTheme
  /** View only: pan, zoom and pointer, no drawing. */
  readOnly?: boolean
  /** The region's accessible name. */
  label?: string
  /** Called once the board is mounted, with read access to its scene. */
  onReady?: (board: BoardHandle) => void
}

/** The shared, live whiteboard (Excalidraw, loaded on first use). */
export function Whiteboard({ label = 'Whiteboard', channel, ...props }: WhiteboardProps) {
  const held = useHeldChannel(channel)
  return (
    <BoardFrame label={label}>
      {(attempt) => held && <LiveBoardLazy key={attempt} attempt={attempt} channel={held} {...props} />}
    </BoardFrame>
  )
}

/** Listens to the channel from the first render on, while the chunk loads. */
function useHeldChannel(channel: BoardChannel): HeldChannel | null {
  const [held, setHeld] = useState<HeldChannel | null>(null)
  useEffect(() => {
    const h = holdChannel(channel)
    setHeld(h)
    return () => h.close()
  }, [channel])
  return held
}

export type BoardReplayProps = {
  /** The elements to show now; the board redraws when this changes. */
  elements: readonly unknown[]
  theme: BoardTheme
  label?: string
}

/** A read-only whiteboard showing the given elements (playback). */
export function BoardReplay({ label = 'Whiteboard playback', ...props }: BoardReplayProps) {
  return (
    <BoardFrame label={label}>
      {(attempt) => <ReplayBoardLazy key={attempt} attempt={attempt} {...props} />}
    </BoardFrame>
  )
}

function LiveBoardLazy({ attempt, ...props }: Omit<WhiteboardProps, 'label'> & { attempt: number }) {
  const Board = useMemo(() => lazy(() => loadBoard().then((m) => ({ default: m.LiveBoard }))), [attempt])
  return <Board {...props} />
}

function ReplayBoardLazy({ attempt, ...props }: Omit<BoardReplayProps, 'label'> & { attempt: number }) {
  const Board = useMemo(() => lazy(() => loadBoard().then((m) => ({ default: m.ReplayBoard }))), [attempt])
  return <Board {...props} />
}

/** The region, its loading placeholder and its load error; `attempt` changes on Retry. */
function BoardFrame({ label, children }: { label: string; children: (attempt: number) => ReactNode }) {
  const [attempt, setAttempt] = useState(0)
  return (
    <section className="board" aria-label={label}>
      <LoadFailure key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
        <Suspense fallback={<Loading />}>{children(attempt) ?? <Loading />}</Suspense>
      </LoadFailure>
    </section>
  )
}

function Loading() {
  return (
    <div className="board-placeholder" role="status">
      Loading whiteboard…
    </div>
  )
}

/** Catches a failed chunk load (host unreachable) and offers Retry. */
class LoadFailure extends Component<{ onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className="board-placeholder" role="alert">
        <p>The whiteboard could not be loaded. Check the connection to the host.</p>
        <button type="button" className="btn" onClick={this.props.onRetry}>
          Retry
        </button>
      </div>
    )
  }
}
