// Mounting the shared editor without React: the EditorView, its collab client,
// cursors, paste watch and presence, wired to one CodeChannel. CodeEditor.tsx
// renders around it; tests mount it directly.

import { EditorView } from '@codemirror/view'
import type { CodeChannel, CodeSnapshot } from './channel'
import { cursorSender, receiveCursors } from './cursors'
import { pageCopyLedger, pasteWatch, type CopyLedger, type PasteInfo } from './paste'
import { presenceWatch, type PeerSummary } from './presence'
import { createCodeState, rebuildState, sizeLimits } from './state'
import { CodeSync, type CodeStatus } from './sync'
import type { EditorTheme } from './theme'
import { browserTimers, type Timers } from './timers'

export type MountOptions = {
  parent: HTMLElement
  initial: CodeSnapshot
  channel: CodeChannel
  theme: EditorTheme
  readOnly: boolean
  label: string
  describedBy?: string
  clientID?: string
  copies?: CopyLedger
  onPaste?: (p: PasteInfo) => void
  onStatus?: (s: CodeStatus) => void
  onPresence?: (peers: PeerSummary[], announcement: string) => void
  timers?: Timers
}

export type MountedEditor = { view: EditorView; sync: CodeSync; destroy(): void }

export function mountCodeEditor(o: MountOptions): MountedEditor {
  const timers = o.timers ?? browserTimers
  let sync: CodeSync | null = null
  let cursorShown = false
  const sendCursor = (anchor: number, head: number) => {
    cursorShown = true
    o.channel.sendCursor(anchor, head)
  }
  const hooks = [
    EditorView.updateListener.of(() => sync?.localChanged()),
    cursorSender(sendCursor, timers),
    pasteWatch(o.copies ?? pageCopyLedger, (p) => o.onPaste?.(p)),
    sizeLimits((message) => sync?.notice(message)),
    presenceWatch((peers, said) => o.onPresence?.(peers, said), timers),
  ]
  const state = createCodeState({
    version: o.initial.version,
    doc: o.initial.text,
    theme: o.theme,
    readOnly: o.readOnly,
    label: o.label,
    ...(o.describedBy ? { describedBy: o.describedBy } : {}),
    ...(o.clientID ? { clientID: o.clientID } : {}),
    hooks,
  })
  const view = new EditorView({ state, parent: o.parent })
  const s = new CodeSync({
    channel: o.channel,
    host: view,
    rebuild: rebuildState,
    timers,
    ...(o.onStatus ? { onStatus: o.onStatus } : {}),
  })
  sync = s
  const offCursors = receiveCursors(o.channel, view)
  // A snapshot follows a reconnect, after which the others have forgotten our
  // cursor (the host told them we left): show it again, once the editor has it.
  const offSnapshot = o.channel.onSnapshot(() => {
    if (!cursorShown) return
    queueMicrotask(() => {
      const { anchor, head } = view.state.selection.main
      o.channel.sendCursor(anchor, head)
    })
  })
  return {
    view,
    sync: s,
    destroy() {
      offSnapshot()
      offCursors()
      s.destroy()
      view.destroy()
    },
  }
}
