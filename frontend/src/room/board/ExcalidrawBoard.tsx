// The whiteboard chunk: Excalidraw itself, loaded on demand by load.ts.
// LiveBoard syncs a board through a BoardChannel; ReplayBoard shows a given
// element set read-only (playback).

import '@excalidraw/excalidraw/index.css'
import { CaptureUpdateAction, Excalidraw, MainMenu, reconcileElements, restoreElements } from '@excalidraw/excalidraw'
import type { ClipboardData } from '@excalidraw/excalidraw/clipboard'
import type { RemoteExcalidrawElement } from '@excalidraw/excalidraw/data/reconcile'
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types'
import type { AppState, Collaborator, ExcalidrawImperativeAPI, SocketId, UIOptions } from '@excalidraw/excalidraw/types'
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react'
import {
  nextCollaborators,
  type BoardChannel,
  type BoardHandle,
  type BoardTheme,
  type RemoteCollaborator,
} from './channel'
import { BoardSync, byIndex, isBoardElement, PointerSender, winnersById } from './sync'

export type LiveBoardProps = {
  /** The board as the host holds it when the member joins (`board`). */
  initial: readonly unknown[]
  /** Keep it stable: a new channel restarts the sync. */
  channel: BoardChannel
  theme: BoardTheme
  readOnly?: boolean
  onReady?: (board: BoardHandle) => void
}

// No image tool (the host refuses images), no scene files, no theme switch (the
// room decides), no link to Excalidraw's online services.
const LIVE_UI: Partial<UIOptions> = {
  canvasActions: {
    changeViewBackgroundColor: false,
    clearCanvas: true,
    export: false,
    loadScene: false,
    saveToActiveFile: false,
    toggleTheme: null,
    saveAsImage: true,
  },
  tools: { image: false },
}

const REPLAY_UI: Partial<UIOptions> = { ...LIVE_UI, canvasActions: { ...LIVE_UI.canvasActions, clearCanvas: false } }

const IMAGES_REFUSED = 'Images and files cannot be added to the shared whiteboard.'

/** Web embeds would load third-party pages: none is allowed. */
const noEmbeds = () => false

/**
 * Elements from the wire, one per id and in z-order. The host lists them in the
 * order it first saw them; Excalidraw would re-index (and so change) any out of
 * order.
 */
function inZOrder(elements: readonly unknown[]): ExcalidrawElement[] {
  return byIndex(winnersById(elements.filter(isBoardElement) as ExcalidrawElement[]))
}

/** Excalidraw keeps a local element over a remote one while it is drawn, resized or typed in. */
function editing(s: AppState): boolean {
  return !!(s.editingTextElement || s.resizingElement || s.newElement)
}

function hasImage(data: ClipboardData): boolean {
  return (
    Object.keys(data.files ?? {}).length > 0 ||
    !!data.elements?.some((el) => el.type === 'image') ||
    !!data.mixedContent?.some((c) => c.type === 'imageUrl')
  )
}

/** Files dropped on the board would insert images or replace the scene: refused. */
function refuseFileDrop(e: DragEvent<HTMLDivElement>, api: ExcalidrawImperativeAPI | null) {
  if (!e.dataTransfer.types.includes('Files')) return
  e.preventDefault()
  e.stopPropagation()
  e.dataTransfer.dropEffect = 'none'
  if (e.type === 'drop') api?.setToast({ message: IMAGES_REFUSED })
}

function BoardMenu({ live }: { live: boolean }) {
  return (
    <MainMenu>
      <MainMenu.DefaultItems.SaveAsImage />
      <MainMenu.DefaultItems.SearchMenu />
      <MainMenu.DefaultItems.Help />
      {live && <MainMenu.DefaultItems.ClearCanvas />}
    </MainMenu>
  )
}

/** Excalidraw's menu button has an icon only: give it a name. */
function useNamedMenuButton(api: ExcalidrawImperativeAPI | null, frame: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    frame.current?.querySelector('[data-testid="main-menu-trigger"]')?.setAttribute('aria-label', 'Board menu')
  }, [api, frame])
}

type Connection = { pointer: PointerSender; close: () => void }

/**
 * Merges remote elements into the scene: out of the local undo history, and
 * only once Excalidraw has loaded its initialData (it replaces the scene then,
 * and its first onChange says it is done).
 */
function sceneMerger(api: ExcalidrawImperativeAPI, sync: BoardSync<ExcalidrawElement>) {
  let loaded = false
  const early: unknown[] = []
  const merge = (remote: readonly unknown[]) => {
    if (!loaded) return void early.push(...remote)
    const restored = restoreElements(inZOrder(remote), null)
    const local = api.getSceneElementsIncludingDeleted()
    const merged = reconcileElements(local, restored as RemoteExcalidrawElement[], api.getAppState())
    api.updateScene({ elements: merged, captureUpdate: CaptureUpdateAction.NEVER })
    sync.received(restored, api.getSceneElementsIncludingDeleted())
  }
  const changed = (elements: readonly ExcalidrawElement[], appState: AppState) => {
    if (!loaded) {
      loaded = true
      if (early.length > 0) merge(early.splice(0))
    }
    sync.changed(elements)
    if (sync.waiting() && !editing(appState)) merge(sync.retry())
  }
  return { merge, changed }
}

/** Wires one mounted Excalidraw to the channel. */
function connect(
  api: ExcalidrawImperativeAPI,
  channel: BoardChannel,
  initial: readonly unknown[],
  onReady?: (b: BoardHandle) => void,
): Connection {
  const sync = new BoardSync<ExcalidrawElement>({
    scene: () => api.getSceneElementsIncludingDeleted(),
    push: (els) => channel.push(els),
  })
  sync.start(inZOrder(initial))
  const scene = sceneMerger(api, sync)
  const pointer = new PointerSender((p) => channel.sendPointer(p))
  let collaborators = new Map<string, RemoteCollaborator>()
  const offs = [
    channel.onBoard?.((els) => {
      sync.reset(inZOrder(els))
      scene.merge(els)
    }) ?? (() => {}),
    channel.onElements(scene.merge),
    channel.onPointer((msg) => {
      collaborators = nextCollaborators(collaborators, msg)
      api.updateScene({ collaborators: collaborators as Map<SocketId, Collaborator> })
    }),
    api.onChange(scene.changed),
    api.onPointerUp(() => sync.pointerUp()),
  ]
  onReady?.({ elements: () => api.getSceneElementsIncludingDeleted(), pointers: () => [...collaborators.keys()] })
  return {
    pointer,
    close: () => {
      for (const off of offs) off()
      sync.flush()
      sync.close()
      pointer.close()
    },
  }
}

/**
 * Connects the board while it is mounted. A layout effect, so that on unmount
 * the last changes are flushed before Excalidraw tears its scene down.
 */
function useConnection(api: ExcalidrawImperativeAPI | null, props: LiveBoardProps): React.RefObject<Connection | null> {
  const conn = useRef<Connection | null>(null)
  const first = useRef(props)
  const { channel } = props
  useLayoutEffect(() => {
    if (!api) return
    const c = connect(api, channel, first.current.initial, first.current.onReady)
    conn.current = c
    return () => {
      c.close()
      conn.current = null
    }
  }, [api, channel])
  return conn
}

/** The shared, live whiteboard. */
export function LiveBoard(props: LiveBoardProps) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null)
  const [initialData] = useState(() => ({ elements: inZOrder(props.initial) }))
  const conn = useConnection(api, props)
  const frame = useRef<HTMLDivElement>(null)
  useNamedMenuButton(api, frame)
  return (
    <div
      ref={frame}
      className="board-canvas"
      onDragOverCapture={(e) => refuseFileDrop(e, api)} onDropCapture={(e) => refuseFileDrop(e, api)}>
      <Excalidraw
        excalidrawAPI={setApi}
        initialData={initialData}
        theme={props.theme}
        viewModeEnabled={props.readOnly ?? false}
        UIOptions={LIVE_UI}
        validateEmbeddable={noEmbeds}
        aiEnabled={false}
        onPaste={(data) => {
          if (!hasImage(data)) return true
          api?.setToast({ message: IMAGES_REFUSED })
          return false
        }}
        onPointerUpdate={({ pointer: p, button }) =>
          conn.current?.pointer.update({ x: p.x, y: p.y, tool: p.tool, button })
        }
      >
        <BoardMenu live />
      </Excalidraw>
    </div>
  )
}

/** True once Excalidraw has loaded its initial data (its first onChange). */
function useLoaded(api: ExcalidrawImperativeAPI | null): boolean {
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    if (!api || loaded) return
    const off = api.onChange(() => setLoaded(true))
    return off
  }, [api, loaded])
  return loaded
}

export type ReplayBoardProps = { elements: readonly unknown[]; theme: BoardTheme }

/**
 * A read-only board showing `elements`, redrawn when they change. It keeps the
 * content in view until the viewer pans or zooms.
 */
export function ReplayBoard({ elements, theme }: ReplayBoardProps) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null)
  const [initialData] = useState(() => ({ elements: inZOrder(elements), scrollToContent: true }))
  const follow = useRef(true)
  const loaded = useLoaded(api)
  useEffect(() => {
    if (!api || !loaded) return
    api.updateScene({
      elements: restoreElements(inZOrder(elements), null),
      captureUpdate: CaptureUpdateAction.NEVER,
    })
    if (follow.current) api.scrollToContent(undefined, { fitToContent: true, animate: false })
  }, [api, loaded, elements])
  const frame = useRef<HTMLDivElement>(null)
  useNamedMenuButton(api, frame)
  const stopFollowing = () => {
    follow.current = false
  }
  return (
    <div ref={frame} className="board-canvas" onWheelCapture={stopFollowing} onPointerDownCapture={stopFollowing}>
      <Excalidraw
        excalidrawAPI={setApi}
        initialData={initialData}
        theme={theme}
        viewModeEnabled
        UIOptions={REPLAY_UI}
        validateEmbeddable={noEmbeds}
        aiEnabled={false}
      >
        <BoardMenu live={false} />
      </Excalidraw>
    </div>
  )
}
