// The Assessment panel: the candidate's take-home result the interview brings
// into the room, for the interviewers only (the candidate's connection never
// receives it). A task's code opens in the shared editor, to discuss it with
// the candidate, or in the interviewers' scratch pad.

import { useState } from 'react'
import type { TakehomeTask } from '../../api/contract.gen'
import { resultLine, TakehomeTasks } from '../../candidates/TakehomeView'
import { Dialog } from '../../ui/Dialog'
import { useToast } from '../../ui/toasts'
import type { RoomClient } from '../connection/client'
import type { DocId } from '../workspace/messages'
import { useWorkspace, type WorkspaceStore } from '../workspace/store'

type Opening = { task: TakehomeTask; index: number }

export function TakehomePanel({
  client,
  store,
  liveCode,
  initiallyOpen,
}: {
  client: RoomClient
  store: WorkspaceStore
  /** The shared editor is on for this room. */
  liveCode: boolean
  /** Unfolded at first (before the technical part); the interviewer folds it as they like. */
  initiallyOpen: boolean
}) {
  const { takehome } = useWorkspace(store)
  const [confirm, setConfirm] = useState<Opening | undefined>()
  const [unfolded] = useState(initiallyOpen)
  const toast = useToast()
  if (!takehome) return null

  const open = async (doc: DocId, o: Opening) => {
    setConfirm(undefined)
    try {
      await client.request({ type: 'code.takehome', doc, task: o.index })
      toast({
        tone: 'success',
        message: doc === 'main' ? `“${o.task.title}” is in the shared editor.` : `“${o.task.title}” is in your scratch pad.`,
      })
    } catch (e) {
      toast({ tone: 'error', message: e instanceof Error ? e.message : 'The host refused that.' })
    }
  }

  return (
    <section className="cockpit-section takehome-panel" aria-labelledby="takehome-title">
      <details className="plan-compact" open={unfolded}>
        <summary>
          <h2 id="takehome-title" className="section-title">
            Assessment: {takehome.assessment}
          </h2>
          <span className="muted">
            {takehome.score} / {takehome.maxScore}
          </span>
        </summary>
        <p className="field-hint">
          Take-home results · {resultLine(takehome)}. Only interviewers see this; the candidate sees a task’s code once you
          open it in the editor.
        </p>
        <TakehomeTasks
          result={takehome}
          actions={(task, index) =>
            task.code ? (
              <>
                {liveCode && (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => setConfirm({ task, index })}>
                    Open in editor<span className="visually-hidden">: {task.title}</span>
                  </button>
                )}
                <button type="button" className="btn btn-small" onClick={() => void open('pad', { task, index })}>
                  Open in scratch pad<span className="visually-hidden">: {task.title}</span>
                </button>
              </>
            ) : null
          }
        />
      </details>
      {confirm && (
        <Dialog
          title={`Open “${confirm.task.title}” in the shared editor?`}
          description="The code in the editor is replaced for everyone, the candidate included: from now on they see this task’s code. The code written so far stays in the interview’s Playback."
          onClose={() => setConfirm(undefined)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(undefined)}>
                Cancel
              </button>
              <button type="button" className="btn btn-primary" data-autofocus onClick={() => void open('main', confirm)}>
                Show it to the candidate
              </button>
            </>
          }
        >
          <pre className="starter-preview">{confirm.task.code}</pre>
        </Dialog>
      )}
    </section>
  )
}
