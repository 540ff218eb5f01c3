// The room with a workspace: the editor/whiteboard gets the space, the call
// and the stage (or the cockpit) sit beside it in a column; the split is
// resizable and remembered. Narrow windows stack them.

import { useEffect, useState, type ReactNode } from 'react'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'

const NARROW = '(max-width: 64rem)'

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(NARROW).matches ?? false)
  useEffect(() => {
    const m = window.matchMedia?.(NARROW)
    if (!m) return
    const update = () => setNarrow(m.matches)
    m.addEventListener('change', update)
    return () => m.removeEventListener('change', update)
  }, [])
  return narrow
}

export function WorkspaceLayout({ workspace, side }: { workspace: ReactNode; side: ReactNode }) {
  const narrow = useNarrow()
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: 'interviewdesk.room.workspace', storage: localStorage })
  if (narrow) {
    return (
      <div className="room-workspace room-workspace-stacked">
        <div className="room-workspace-main">{workspace}</div>
        <div className="room-workspace-side">{side}</div>
      </div>
    )
  }
  // The frame has the window's height; the group fills it (it sizes itself
  // to its parent), so the editor gets the space and each column scrolls.
  return (
    <div className="room-workspace">
      <Group orientation="horizontal" className="room-workspace-group" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
        <Panel id="workspace" defaultSize="64%" minSize="35%" className="room-workspace-main">
          {workspace}
        </Panel>
        <Separator className="split-handle split-handle-vertical" aria-label="Resize the workspace" />
        <Panel id="side" defaultSize="36%" minSize="22%" className="room-workspace-side">
          {side}
        </Panel>
      </Group>
    </div>
  )
}
