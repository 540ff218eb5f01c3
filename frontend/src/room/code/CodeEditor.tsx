import './code.css'
import type { EditorView } from '@codemirror/view'
import { useEffect, useId, useRef, useState } from 'react'
import type { CodeChannel, CodeSnapshot } from './channel'
import { mountCodeEditor } from './editor'
import { loadLanguage, type LanguageId } from './languages'
import type { CopyLedger, PasteInfo } from './paste'
import { describePeer, type PeerSummary } from './presence'
import { reconfigure } from './state'
import type { CodeStatus } from './sync'
import type { EditorTheme } from './theme'

export type CodeEditorProps = {
  /** The document when the editor mounts (later snapshots come through the channel). */
  initial: CodeSnapshot
  /** One channel per document; a new channel makes a new editor. */
  channel: CodeChannel
  language: LanguageId
  theme: EditorTheme
  /** The editor's accessible name, e.g. "Code editor (shared with the candidate)". */
  label: string
  readOnly?: boolean
  onPaste?: (p: PasteInfo) => void
  onStatus?: (s: CodeStatus) => void
  /** Where copies are remembered for paste detection (default: this page's). */
  copies?: CopyLedger
}

/** The room's shared code editor: CodeMirror kept in step with the host. */
export function CodeEditor(props: CodeEditorProps) {
  const { channel, language, theme, label, readOnly = false } = props
  const surface = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latest = useRef(props)
  latest.current = props
  const hintId = useId()
  const [peers, setPeers] = useState<PeerSummary[]>([])
  const [announcement, setAnnouncement] = useState('')

  useEffect(() => {
    const p = latest.current
    const mounted = mountCodeEditor({
      parent: surface.current ?? document.createElement('div'),
      initial: p.initial,
      channel,
      theme: p.theme,
      readOnly: !!p.readOnly,
      label: p.label,
      describedBy: hintId,
      ...(p.copies ? { copies: p.copies } : {}),
      onPaste: (info) => latest.current.onPaste?.(info),
      onStatus: (s) => latest.current.onStatus?.(s),
      onPresence: (next, said) => {
        setPeers(next)
        if (said) setAnnouncement(said)
      },
    })
    view.current = mounted.view
    return () => {
      mounted.destroy()
      view.current = null
    }
  }, [channel, hintId])

  useEffect(() => {
    let live = true
    loadLanguage(language).then(
      (ext) => {
        if (live) view.current?.dispatch({ effects: reconfigure.language(ext) })
      },
      (err: unknown) => console.error(`code: could not load ${language}`, err),
    )
    return () => {
      live = false
    }
  }, [language, channel])

  useEffect(() => {
    view.current?.dispatch({ effects: reconfigure.theme(theme) })
  }, [theme, channel])

  useEffect(() => {
    view.current?.dispatch({ effects: reconfigure.access({ readOnly, label, describedBy: hintId }) })
  }, [readOnly, label, hintId, channel])

  return (
    <div className="code-editor">
      <div ref={surface} className="code-editor-surface" />
      <p id={hintId} className="visually-hidden">
        {readOnly ? 'Read only. ' : 'Tab indents. '}Press Escape, then Tab, to move out of the editor.
      </p>
      {peers.length > 0 && (
        <ul className="code-peers" aria-label="Also in the editor">
          {peers.map((peer) => (
            <li key={peer.from} className="code-peer">
              <span className="code-peer-swatch" style={{ background: peer.color }} aria-hidden="true" />
              {describePeer(peer)}
            </li>
          ))}
        </ul>
      )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  )
}

/** Words for a status line next to the editor. */
export function statusText(s: CodeStatus): string {
  if (s.error) return s.error
  if (s.offline) return 'Offline: your changes are kept and sent when the connection is back.'
  return s.synced ? 'All changes saved' : 'Saving…'
}
