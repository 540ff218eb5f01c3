// The room's workspace: the shared code editor with its language picker, Run
// and output; the whiteboard; and, for interviewers, a scratch pad the
// candidate never receives. The same component serves both sides of the room.

import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { useScheme } from '../../ui/theme'
import { useToast } from '../../ui/toasts'
import { Dialog } from '../../ui/Dialog'
import type { RoomClient } from '../connection/client'
import type { Role } from '../protocol'
import { codeChannel, boardChannel } from './channels'
import type { DocId } from './messages'
import { RunOutput } from './RunOutput'
import { useWorkspace, type WorkspaceStore } from './store'
import { CodeEditor, LanguagePicker, languageLabel, statusText, type CodeStatus, type LanguageId, isLanguageId } from '../code'

const Whiteboard = lazy(() => import('../board').then((m) => ({ default: m.Whiteboard })))

type Tab = 'code' | 'board' | 'pad'

export type StarterQuestion = { index: number; starterCode: string; language?: string }

type Props = {
  client: RoomClient
  store: WorkspaceStore
  role: Role
  tools: { liveCode: boolean; whiteboard: boolean }
  /** False while the candidate may not write (waiting room, locked, ended). */
  writable: boolean
  /** Interviewers: the question on screen when it has starter code. */
  starter?: StarterQuestion | undefined
  /** When set, the workspace was opened by hand and offers to close. */
  onClose?: () => void
}

/** Languages that run in a sandbox in a participant's browser. */
const BROWSER_RUNS = new Set(['javascript', 'typescript', 'python', 'sql'])

export function Workspace({ client, store, role, tools, writable, starter, onClose }: Props) {
  const tabs = useMemo(() => {
    const t: { id: Tab; label: string }[] = []
    if (tools.liveCode) t.push({ id: 'code', label: 'Code' })
    if (tools.whiteboard) t.push({ id: 'board', label: 'Whiteboard' })
    if (role === 'interviewer') t.push({ id: 'pad', label: 'Scratch pad' })
    return t
  }, [tools.liveCode, tools.whiteboard, role])
  const [tab, setTab] = useState<Tab>(tabs[0]?.id ?? 'pad')
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set([tab]))
  const ids = useId()
  const select = (t: Tab) => {
    setTab(t)
    setVisited((v) => (v.has(t) ? v : new Set(v).add(t)))
  }
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return // the room's own shortcuts
    const i = tabs.findIndex((t) => t.id === tab)
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -2
    if (next === -2 || tabs.length === 0) return
    e.preventDefault()
    const t = tabs[(next + tabs.length) % tabs.length]!
    select(t.id)
    document.getElementById(`${ids}-tab-${t.id}`)?.focus()
  }
  if (tabs.length === 0) return null

  return (
    <section className="workspace card" aria-label="Workspace">
      <div className="workspace-tabs" role="tablist" aria-label="Workspace tools" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${ids}-tab-${t.id}`}
            type="button"
            role="tab"
            className="workspace-tab"
            aria-selected={tab === t.id}
            aria-controls={`${ids}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
        {onClose && (
          <button type="button" className="btn btn-ghost btn-small workspace-close" onClick={onClose}>
            Close scratch pad
          </button>
        )}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`${ids}-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`${ids}-tab-${t.id}`}
          className="workspace-panel"
          hidden={tab !== t.id}
        >
          {visited.has(t.id) &&
            (t.id === 'board' ? (
              <BoardPane client={client} store={store} writable={writable} />
            ) : (
              <CodePane
                client={client}
                store={store}
                doc={t.id === 'pad' ? 'pad' : 'main'}
                role={role}
                writable={writable || t.id === 'pad'}
                starter={t.id === 'code' ? starter : undefined}
              />
            ))}
        </div>
      ))}
    </section>
  )
}

function CodePane({
  client,
  store,
  doc,
  role,
  writable,
  starter,
}: {
  client: RoomClient
  store: WorkspaceStore
  doc: DocId
  role: Role
  writable: boolean
  starter: StarterQuestion | undefined
}) {
  const ws = useWorkspace(store)
  const state = ws.docs[doc]
  const run = ws.runs[doc]
  const scheme = useScheme()
  const toast = useToast()
  const channel = useMemo(() => codeChannel(client, doc), [client, doc])
  const [status, setStatus] = useState<CodeStatus>({ pending: 0, synced: true, offline: false })
  const [confirmStarter, setConfirmStarter] = useState(false)
  const language: LanguageId = state && isLanguageId(state.language) ? state.language : 'plaintext'
  const running = run?.state === 'running'

  const send = useCallback(
    async (msg: Parameters<RoomClient['request']>[0]) => {
      try {
        await client.request(msg)
        return true
      } catch (e) {
        toast({ message: e instanceof Error ? e.message : 'The host refused that.', tone: 'error' })
        return false
      }
    },
    [client, toast],
  )
  const runNow = useCallback(() => {
    if (running) return
    void send({ type: 'run', doc })
  }, [send, doc, running])

  // Ctrl/Cmd+Enter runs from anywhere in the pane.
  const pane = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = pane.current
    if (!el) return
    // Captured before the editor, whose own Mod-Enter would insert a line.
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        e.stopPropagation()
        runNow()
      }
    }
    el.addEventListener('keydown', onKey, true)
    return () => el.removeEventListener('keydown', onKey, true)
  }, [runNow])

  const onPaste = useCallback(
    (p: { length: number; external: boolean }) => {
      if (role === 'candidate' && doc === 'main') client.post({ type: 'activity', kind: 'paste', doc, length: p.length, external: p.external })
    },
    [client, role, doc],
  )

  if (!state) {
    return (
      <div className="code-pane code-pane-loading" aria-busy="true">
        <p className="muted">Loading the editor…</p>
      </div>
    )
  }
  const runsHere = BROWSER_RUNS.has(language)
  const label =
    doc === 'pad'
      ? 'Scratch pad (interviewers only; the candidate never sees it)'
      : role === 'candidate'
        ? 'Code editor (shared with the interviewer)'
        : 'Code editor (shared with the candidate)'

  return (
    <div className="code-pane" ref={pane}>
      <div className="code-toolbar">
        <LanguagePicker
          value={language}
          disabled={!writable}
          onChange={(l: LanguageId) => void send({ type: 'code.language', doc, language: l })}
        />
        {state.languageBy && <span className="muted code-language-by">set by {state.languageBy}</span>}
        <span className="code-toolbar-spacer" />
        <span className={`code-sync${status.error ? ' code-sync-error' : ' muted'}`} role="status" aria-live="polite">
          {statusText(status)}
        </span>
        {starter && role === 'interviewer' && (
          <button type="button" className="btn btn-small" onClick={() => setConfirmStarter(true)}>
            Load starter code
          </button>
        )}
        {running ? (
          <button type="button" className="btn btn-small btn-danger" onClick={() => void send({ type: 'run.stop', run: run!.id })}>
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!writable || language === 'plaintext'}
            title={
              language === 'plaintext'
                ? 'Pick a language to run the code'
                : runsHere
                  ? 'Runs in a sandbox in the browser (Ctrl+Enter)'
                  : `${languageLabel(language)} runs on the code runner configured in Settings (Ctrl+Enter)`
            }
            onClick={runNow}
          >
            Run
          </button>
        )}
      </div>
      <Group orientation="vertical" className="code-split">
        <Panel defaultSize="70%" minSize="25%">
          <CodeEditor
            initial={state.snapshot}
            channel={channel}
            language={language}
            theme={scheme}
            label={label}
            readOnly={!writable}
            onPaste={onPaste}
            onStatus={setStatus}
          />
        </Panel>
        <Separator className="split-handle split-handle-horizontal" aria-label="Resize the output" />
        <Panel defaultSize="30%" minSize="10%">
          <RunOutput run={run} />
        </Panel>
      </Group>
      {confirmStarter && starter && (
        <Dialog
          title={`Load the starter code of question ${starter.index + 1}?`}
          description="The code in the editor is replaced for everyone, the candidate included. The code written so far stays in the interview's Playback."
          onClose={() => setConfirmStarter(false)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setConfirmStarter(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-autofocus
                onClick={() => {
                  setConfirmStarter(false)
                  void send({ type: 'code.starter', doc, question: starter.index })
                }}
              >
                Replace the code
              </button>
            </>
          }
        >
          <pre className="starter-preview">{starter.starterCode}</pre>
        </Dialog>
      )}
    </div>
  )
}

function BoardPane({ client, store, writable }: { client: RoomClient; store: WorkspaceStore; writable: boolean }) {
  const ws = useWorkspace(store)
  const scheme = useScheme()
  const channel = useMemo(() => boardChannel(client), [client])
  if (!ws.board) {
    return (
      <div className="board-pane" aria-busy="true">
        <p className="muted">Loading the whiteboard…</p>
      </div>
    )
  }
  return (
    <div className="board-pane">
      <Suspense fallback={<p className="muted">Loading the whiteboard…</p>}>
        <Whiteboard
          initial={ws.board.elements}
          channel={channel}
          theme={scheme}
          readOnly={!writable}
          label="Whiteboard (shared with everyone in the room)"
        />
      </Suspense>
    </div>
  )
}
