// The interviewer's room: the call with the cockpit beside it (waiting-room
// status and lock, plan, questions with the interviewer-only material, finish,
// notes). Loaded lazily: a candidate's browser never downloads this code.

import { useRef, useState, type ReactNode } from 'react'
import { useFocusOnChange } from '../a11y'
import type { RoomSnapshot, RoomStore } from '../connection/store'
import { LockIcon } from '../call/icons'
import type { InterviewerView } from '../protocol'
import { candidatePresence, candidateStatusText, canStart, type Screen } from '../screens'
import { NotesPanel, type NoteContext, type NotesHandle } from './NotesPanel'
import { PlanPanel } from './PlanPanel'
import { QuestionPanel } from './QuestionPanel'
import { SHORTCUTS, useShortcuts } from './shortcuts'
import { useAct, type Act } from './useAct'
import { ActivityPanel } from './ActivityPanel'
import { AssessmentPanel } from './AssessmentPanel'
import { WorkspaceLayout } from '../workspace/WorkspaceLayout'
import type { WorkspaceStore } from '../workspace/store'
import { TakehomePanel } from './TakehomePanel'

type Props = {
  store: RoomStore
  snap: RoomSnapshot
  view: InterviewerView
  token: string
  stage: Extract<Screen, { kind: 'cockpit' }>['stage'] | 'ended'
  /** The call, shown left with the notes under it. */
  call?: ReactNode
  /** The workspace (code, whiteboard, scratch pad): it then gets the space, the call and cockpit a column beside it. */
  workspace?: ReactNode | undefined
  /** Opens the scratch pad when the interview has no workspace of its own. */
  onScratchPad?: () => void
  /** The workspace's state: the take-home result the interview brings, if any. */
  workspaceStore?: WorkspaceStore
}

export default function InterviewerRoom({ store, snap, view, token, stage, call, workspace, onScratchPad, workspaceStore }: Props) {
  const act = useAct(store)
  const welcome = snap.welcome!
  const notes = useRef<NotesHandle>(null)
  const [topic, setTopic] = useState<string | undefined>()
  const [help, setHelp] = useState(false)
  const heading = useFocusOnChange<HTMLHeadingElement>(stage)

  const topicId = topic ?? view.topics.find((t) => !view.done[t.id])?.id
  const topicTitle = view.topics.find((t) => t.id === topicId)?.title
  const context: NoteContext =
    view.phase === 'technical' && view.question >= 0
      ? { questionIndex: view.question, label: `Question ${view.question + 1}` }
      : view.phase === 'plan' && topicId
        ? { topicId, label: topicTitle ?? 'the plan' }
        : { label: view.phase === 'finish' ? 'the finish' : view.phase === 'waiting' ? 'the waiting room' : 'the interview' }

  useShortcuts((c) => {
    switch (c) {
      case 'help':
        setHelp((h) => !h)
        return
      case 'notes':
        notes.current?.focus()
        return
      case 'timestamp':
        notes.current?.insertTimestamp()
        return
    }
    if (view.phase !== 'technical' || view.question < 0) return
    const i = view.question
    const total = view.questionsContent.length
    if (c === 'next' && i < total - 1) void act('question_shown', { index: i + 1 })
    else if (c === 'previous' && i > 0) void act('question_shown', { index: i - 1 })
    else if (c === 'rephrase' && !view.rephrased[String(i)]) void act('rephrase_shown', { index: i })
    else if (c.startsWith('rate-')) void act('rated', { index: i, rating: Number(c.slice(5)) })
  }, stage !== 'ended')

  const hasQuestions = view.questionsContent.length > 0

  const notesPanel = (
    <NotesPanel
      ref={notes}
      store={store}
      token={token}
      notes={view.notes}
      you={welcome.you}
      synced={snap.synced}
      context={context}
    />
  )
  if (stage === 'ended') return <div className="card notes-card">{notesPanel}</div>

  const cockpit = (
      <aside className="side-panel cockpit" aria-label="Interview cockpit">
        <RoomStatus snap={snap} view={view} act={act} />
        {view.consent && !view.consent.aiAnalysis && (
          <p className="notice" role="note">
            {welcome.interview.candidate} declined AI analysis: no AI analysis of the answers is made. Your ratings and notes are the
            assessment.
          </p>
        )}
        {view.consent && !view.consent.recordingNotice && (
          <p className="notice" role="note">
            {welcome.interview.candidate} declined recording: this interview is not recorded. Your notes are the record of it.
          </p>
        )}

        {stage === 'lobby' && <Lobby snap={snap} view={view} act={act} />}

        {workspaceStore && (
          <TakehomePanel
            client={store.client}
            store={workspaceStore}
            liveCode={welcome.interview.tools.liveCode}
            initiallyOpen={stage === 'lobby' || stage === 'plan'}
          />
        )}

        {stage === 'plan' && (
          <PlanPanel
            view={view}
            act={act}
            onTopic={setTopic}
            headingRef={heading}
            footer={
              hasQuestions ? (
                <button type="button" className="btn btn-primary" onClick={() => void act('technical_started')}>
                  Start technical part
                </button>
              ) : (
                <button type="button" className="btn btn-primary" onClick={() => void act('finish_started')}>
                  Finish interview
                </button>
              )
            }
          />
        )}

        {stage === 'technical' && (
          <>
            <QuestionPanel
              store={store}
              token={token}
              view={view}
              act={act}
              clockOffsetMs={snap.clockOffsetMs}
              synced={snap.synced}
              headingRef={heading}
            />
            <AssessmentPanel view={view} />
            <PlanPanel view={view} act={act} onTopic={setTopic} compact />
          </>
        )}

        {stage === 'finish' && (
          <>
            <FinishPanel headingRef={heading} candidate={welcome.interview.candidate} />
            <AssessmentPanel view={view} />
            <PlanPanel view={view} act={act} onTopic={setTopic} compact />
          </>
        )}

        {!workspace && onScratchPad && (
          <button type="button" className="btn btn-small" onClick={onScratchPad}>
            Open scratch pad
          </button>
        )}
        <div className="shortcuts">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-expanded={help}
            aria-controls="shortcut-help"
            onClick={() => setHelp((h) => !h)}
          >
            Keyboard shortcuts
          </button>
          <div id="shortcut-help" className="shortcut-help" hidden={!help}>
            <ul>
              {SHORTCUTS.map((s) => (
                <li key={s.label}>
                  <span className="shortcut-keys">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && '+'}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </span>
                  <span>{s.label}</span>
                </li>
              ))}
            </ul>
            <p className="field-hint">Alt shortcuts also work while you type notes.</p>
          </div>
        </div>
      </aside>
  )
  if (workspace) {
    return (
      <WorkspaceLayout
        workspace={workspace}
        side={
          <>
            {call}
            {cockpit}
            <ActivityPanel activity={view.activity} candidate={welcome.interview.candidate} />
            <div className="card notes-card">{notesPanel}</div>
          </>
        }
      />
    )
  }
  return (
    <div className="room-layout">
      <div className="room-call">
        {call}
        <div className="card notes-card">{notesPanel}</div>
      </div>
      {cockpit}
    </div>
  )
}

/** The candidate's live status and the lock, always at the top of the cockpit. */
function RoomStatus({ snap, view, act }: { snap: RoomSnapshot; view: InterviewerView; act: Act }) {
  const presence = candidatePresence(snap.members)
  const name = snap.welcome?.interview.candidate ?? ''
  const text = candidateStatusText(name, presence, view.phase, view.locked)
  const [busy, setBusy] = useState(false)
  return (
    <div className={`room-status room-status-${presence}`}>
      <span className="room-status-dot" aria-hidden="true" />
      <p className="room-status-text" role="status" aria-live="polite">
        {text}
      </p>
      <button
        type="button"
        className={`btn btn-small lock-toggle${view.locked ? ' lock-on' : ''}`}
        disabled={busy}
        title={view.locked ? 'Locked: the candidate waits until you unlock' : 'Lock: keep the candidate in the waiting room'}
        onClick={() => {
          setBusy(true)
          void act(view.locked ? 'unlocked' : 'locked').then(() => setBusy(false))
        }}
      >
        <LockIcon open={!view.locked} />
        {view.locked ? 'Unlock room' : 'Lock room'}
      </button>
    </div>
  )
}

function Lobby({ snap, view, act }: { snap: RoomSnapshot; view: InterviewerView; act: Act }) {
  const presence = candidatePresence(snap.members)
  const [busy, setBusy] = useState(false)
  const iv = snap.welcome!.interview
  const start = canStart(view.phase, presence)
  return (
    <section className="cockpit-section lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title" className="section-title" tabIndex={-1}>
        Waiting room
      </h2>
      <div className="lobby-start">
        {start ? (
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy}
            onClick={() => {
              setBusy(true)
              void act('started').then(() => setBusy(false))
            }}
          >
            Start interview
          </button>
        ) : (
          <p className="lobby-wait">
            The <strong>Start interview</strong> button appears here when the candidate has checked their camera and
            microphone and is ready.
          </p>
        )}
      </div>
      {view.locked && (
        <p className="lobby-note">
          The room is locked: after you start, the candidate stays in the waiting room until you unlock it.
        </p>
      )}
      <dl className="facts lobby-facts">
        <dt>Position</dt>
        <dd>{iv.position}</dd>
        <dt>Plan</dt>
        <dd>
          {view.topics.length} topics{view.questionsContent.length > 0 ? ` · ${view.questionsContent.length} technical questions` : ''}
        </dd>
      </dl>
    </section>
  )
}

function FinishPanel({ headingRef, candidate }: { headingRef: React.Ref<HTMLHeadingElement>; candidate: string }) {
  return (
    <section className="cockpit-section finish" aria-labelledby="finish-title">
      <h2 id="finish-title" ref={headingRef} className="section-title" tabIndex={-1}>
        Finish
      </h2>
      <p className="section-hint">The candidate sees “Finish” and is invited to ask questions.</p>
      <ul className="finish-list">
        <li>Answer {candidate ? `${candidate}’s` : 'the candidate’s'} questions.</li>
        <li>Tell them about the team, the company and the role.</li>
        <li>Explain the next steps and when they will hear back.</li>
        <li>Thank them for their time.</li>
      </ul>
      <p className="finish-end">
        When you are done, end the interview with the red phone button under the video.
      </p>
    </section>
  )
}
