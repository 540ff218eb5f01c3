// Who else is in the editor, in words: the list under the editor and the polite
// announcements when someone starts or stops editing. Line numbers are shown, not
// announced: a screen reader user is not interrupted on every keystroke of others.

import type { EditorState, Extension } from '@codemirror/state'
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view'
import { remoteCursorField } from './cursors'
import { browserTimers, type Timers } from './timers'

export type PeerSummary = { from: string; name: string; color: string; line: number }

export function summarizePeers(state: EditorState): PeerSummary[] {
  const peers = [...state.field(remoteCursorField).values()].map((p) => ({
    from: p.from,
    name: p.name,
    color: p.color,
    line: state.doc.lineAt(p.head).number,
  }))
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.from.localeCompare(b.from))
}

export function describePeer(p: PeerSummary): string {
  return `${p.name}, line ${p.line}`
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** What to announce when the set of people changed between two summaries, or ''. */
export function presenceChange(before: readonly PeerSummary[], after: readonly PeerSummary[]): string {
  const was = new Set(before.map((p) => p.from))
  const is = new Set(after.map((p) => p.from))
  const joined = after.filter((p) => !was.has(p.from)).map((p) => p.name)
  const left = before.filter((p) => !is.has(p.from)).map((p) => p.name)
  const parts = []
  if (joined.length) parts.push(`${joinNames(joined)} ${joined.length === 1 ? 'is' : 'are'} in the editor.`)
  if (left.length) parts.push(`${joinNames(left)} left the editor.`)
  return parts.join(' ')
}

/** True when the same people are listed (lines aside). */
export function samePeople(a: readonly PeerSummary[], b: readonly PeerSummary[]): boolean {
  return a.length === b.length && a.every((p, i) => p.from === b[i]?.from && p.name === b[i]?.name)
}

/**
 * Keeps `publish` told who is in the editor: at once when someone arrives or
 * leaves (with the words to announce), and their lines at most once per interval.
 */
export function presenceWatch(
  publish: (peers: PeerSummary[], announcement: string) => void,
  timers: Timers = browserTimers,
  intervalMs = 1000,
): Extension {
  // Outside the plugin: a state rebuild recreates plugins, not this.
  let shown: PeerSummary[] = []
  let cancel: (() => void) | null = null
  const show = (state: EditorState) => {
    const next = summarizePeers(state)
    const said = presenceChange(shown, next)
    shown = next
    publish(next, said)
  }
  return ViewPlugin.fromClass(
    class {
      constructor(readonly view: EditorView) {
        if (shown.length || view.state.field(remoteCursorField).size) show(view.state)
      }
      update(u: ViewUpdate) {
        if (u.state.field(remoteCursorField) === u.startState.field(remoteCursorField)) return
        if (!samePeople(shown, summarizePeers(u.state))) {
          this.destroy()
          show(u.state)
        } else if (!cancel) {
          cancel = timers.set(() => {
            cancel = null
            show(this.view.state)
          }, intervalMs)
        }
      }
      destroy() {
        cancel?.()
        cancel = null
      }
    },
  )
}
