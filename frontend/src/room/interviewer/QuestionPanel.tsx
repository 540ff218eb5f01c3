import { useEffect, useMemo, useRef, useState } from 'react'
import type { RoomStore } from '../connection/store'
import { LIMITS, type InterviewerView } from '../protocol'
import { useNow } from '../../ui/useNow'
import { ClockIcon } from '../call/icons'
import { DraftStore, reconcile } from './drafts'
import { SaveStatusText, useAutosave } from './useAutosave'
import type { Act } from './useAct'

const RATING_WORDS = ['Poor', 'Weak', 'Fair', 'Good', 'Excellent'] as const

/** mm:ss (h:mm:ss past an hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** When the current question went on screen (host time), from the open window. */
export function questionShownAt(view: InterviewerView): string | undefined {
  for (let i = view.windows.length - 1; i >= 0; i--) {
    const w = view.windows[i]!
    if (w.index === view.question) return w.to ? undefined : w.from
  }
  return undefined
}

function Elapsed({ from, offset }: { from: string | undefined; offset: number }) {
  const now = useNow(1000).getTime()
  const ms = from ? now - offset - Date.parse(from) : 0
  return (
    <span className="elapsed" title="Time on this question">
      <span className="visually-hidden">Time on this question: </span>
      <ClockIcon />
      <span className="elapsed-time">{formatElapsed(ms)}</span>
    </span>
  )
}

type Props = {
  store: RoomStore
  token: string
  view: InterviewerView
  act: Act
  clockOffsetMs: number
  synced: number
  headingRef: React.Ref<HTMLHeadingElement>
}

export function QuestionPanel({ store, token, view, act, clockOffsetMs, synced, headingRef }: Props) {
  const index = view.question
  const total = view.questionsContent.length || view.questions
  const q = view.questionsContent[index]
  const rephrased = view.rephrased[String(index)] === true
  const last = index >= total - 1
  const [busy, setBusy] = useState(false)
  const go = async (i: number, skipped = false) => {
    setBusy(true)
    await act('question_shown', skipped ? { index: i, skipped: true } : { index: i })
    setBusy(false)
  }
  if (!q) return null
  return (
    <section className="cockpit-section question" aria-labelledby="question-title">
      <div className="cockpit-section-head">
        <h2 id="question-title" ref={headingRef} className="section-title question-number" tabIndex={-1}>
          Question {index + 1}/{total}
        </h2>
        <Elapsed key={index} from={questionShownAt(view)} offset={clockOffsetMs} />
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        Question {index + 1} of {total}
      </div>

      <div className="qa qa-shown">
        <h3 className="qa-label">Question · the candidate sees this</h3>
        <p className="question-text">{q.text}</p>
      </div>

      <div className="qa qa-alt">
        <div className="qa-head">
          <h3 className="qa-label">Alternative explanation</h3>
          {rephrased ? (
            <span className="badge badge-accent">Shown to the candidate</span>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              disabled={!q.alternative}
              onClick={() => void act('rephrase_shown', { index })}
              aria-keyshortcuts="Alt+R"
            >
              Show rephrased question
            </button>
          )}
        </div>
        <p>{q.alternative || <span className="muted">No alternative wording in this template.</span>}</p>
      </div>

      <div className="qa qa-answer">
        <h3 className="qa-label">Expected answer · only you see this</h3>
        <p>{q.expectedAnswer}</p>
        {q.keyPoints.length > 0 && (
          <>
            <h4 className="qa-label qa-sub">Key points</h4>
            <ul className="keypoints-list">
              {q.keyPoints.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          </>
        )}
      </div>

      {/* Rating, comment and the way on stay in view however long the expected answer. */}
      <div className="question-actions">
        <Rating key={`r${index}`} index={index} value={view.ratings[String(index)]} act={act} />
        <CommentBox key={`c${index}`} store={store} token={token} index={index} server={view.comments[String(index)]} synced={synced} />

        <div className="question-nav">
          <button
            type="button"
            className="btn"
            disabled={busy || index === 0}
            onClick={() => void go(index - 1)}
            aria-keyshortcuts="Alt+ArrowLeft"
          >
            ← Previous
          </button>
          <span className="question-nav-spacer" />
          {!last && (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void go(index + 1, true)}>
              Skip
            </button>
          )}
          {last ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('finish_started')}>
              Finish interview
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void go(index + 1)}
              aria-keyshortcuts="Alt+ArrowRight"
            >
              Next →
            </button>
          )}
        </div>
      </div>
    </section>
  )
}

function Rating({ index, value, act }: { index: number; value: number | undefined; act: Act }) {
  const [pending, setPending] = useState<number | undefined>()
  useEffect(() => setPending(undefined), [value])
  const shown = pending ?? value
  return (
    <fieldset className="rating">
      <legend className="qa-label">Rating</legend>
      <div className="rating-options">
        {RATING_WORDS.map((word, i) => {
          const n = i + 1
          return (
            <label key={n} className="rating-option" title={word}>
              <input
                type="radio"
                name={`rating-${index}`}
                value={n}
                checked={shown === n}
                aria-keyshortcuts={`Alt+${n}`}
                onChange={() => {
                  setPending(n)
                  void act('rated', { index, rating: n }).then((ok) => !ok && setPending(undefined))
                }}
              />
              <span className="rating-number">{n}</span>
              <span className="rating-word">{word}</span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}

function CommentBox({ store, token, index, server, synced }: { store: RoomStore; token: string; index: number; server: string | undefined; synced: number }) {
  const drafts = useMemo(() => new DraftStore(`interviewdesk.room.comments.${token}`), [token])
  const id = String(index)
  const [text, setText] = useState(() => reconcile(server, drafts.get(id)).text)
  const [auto, status] = useAutosave<string>(async (t) => {
    await store.action('commented', { index, comment: t })
    drafts.ack(id, t)
  })
  const serverRef = useRef(server)
  serverRef.current = server
  useEffect(() => {
    if (auto.dirty) {
      void auto.flush()
      return
    }
    const r = reconcile(serverRef.current, drafts.get(id))
    setText(r.text)
    if (r.needsSave) {
      auto.change(r.text)
      void auto.flush()
    }
  }, [synced, auto, drafts, id])

  const over = text.length > LIMITS.commentChars
  return (
    <div className="field comment">
      <div className="comment-head">
        <label className="qa-label" htmlFor={`comment-${index}`}>
          Comment on this answer
        </label>
        <SaveStatusText status={status} id={`comment-status-${index}`} />
      </div>
      <textarea
        id={`comment-${index}`}
        className="input textarea comment-text"
        rows={2}
        value={text}
        aria-describedby={`comment-status-${index}`}
        aria-invalid={over || undefined}
        onChange={(e) => {
          setText(e.target.value)
          drafts.edit(id, e.target.value)
          auto.change(e.target.value)
        }}
        onBlur={() => void auto.flush()}
        placeholder="What stood out — strong points, gaps."
      />
      {over && (
        <p className="field-error" role="alert">
          A comment has at most {LIMITS.commentChars.toLocaleString()} characters.
        </p>
      )}
    </div>
  )
}
