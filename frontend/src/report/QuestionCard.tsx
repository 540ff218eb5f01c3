// One question in the report: what was asked and how it went (on screen,
// skipped, rephrased), the interviewers' rating and comment, the AI's
// analysis with its evidence and any override, and the way to its moment in
// the recording and in the code playback.

import type { Analysis } from '../api/analysis'
import type { ReportQuestion } from '../api/report'
import type { TimelineRow } from '../api/timeline'
import { AnswerCard } from '../analysis/AnswerCard'
import { href } from '../app/router'
import { formatClock } from '../interviews/RecordingsPanel'

/** When each question (0-based) was first put on screen, in ms since the epoch. */
export function questionStarts(rows: readonly TimelineRow[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const r of rows) {
    if (r.kind === 'question' && r.question && !r.question.again && !out.has(r.question.index)) {
      out.set(r.question.index, Date.parse(r.question.from))
    }
  }
  return out
}

export function QuestionCard({
  q,
  interviewId,
  declined,
  start,
  onPlay,
  onChange,
}: {
  q: ReportQuestion
  interviewId: string
  declined: boolean
  /** When it was first on screen (ms since the epoch). */
  start?: number
  /** Plays the recording from a moment; absent without a recording. */
  onPlay?: (at: number) => void
  onChange: (a: Analysis) => void
}) {
  const id = `question-${q.number}`
  return (
    <article className="card report-question" aria-labelledby={`${id}-title`}>
      <header className="report-question-head">
        <h3 id={`${id}-title`} className="report-question-title">
          Question {q.number}: {q.text}
        </h3>
        <p className="report-question-meta">
          {!q.asked && <span className="badge badge-muted">Not asked</span>}
          {q.skipped && <span className="badge badge-muted">Skipped</span>}
          {q.rephrased && <span className="badge badge-accent">Rephrased</span>}
          {q.asked && <span className="muted">on screen {formatClock(q.onScreenMs)}</span>}
          {q.asked && start !== undefined && onPlay && (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onPlay(start)}>
              Play this answer
            </button>
          )}
          {q.asked && start !== undefined && (
            <a className="btn btn-ghost btn-small" href={`${href('interviews', interviewId, 'playback')}?at=${start}`}>
              Replay the code from here
            </a>
          )}
        </p>
      </header>
      {(q.rating || q.comment) && (
        <dl className="report-rating">
          {q.rating ? (
            <>
              <dt>Interviewers’ rating</dt>
              <dd>{q.rating} / 5</dd>
            </>
          ) : null}
          {q.comment && (
            <>
              <dt>Comment</dt>
              <dd className="report-comment">{q.comment}</dd>
            </>
          )}
        </dl>
      )}
      {q.ai ? (
        <AnswerCard ans={q.ai} interviewId={interviewId} onChange={onChange} />
      ) : (
        q.asked && (
          <p className="muted">{declined ? 'No AI analysis: the candidate declined it.' : 'This answer has no AI analysis (yet).'}</p>
        )
      )}
      {(q.expectedAnswer || q.keyPoints.length > 0) && (
        <details className="report-expected">
          <summary>Expected answer and key points</summary>
          {q.expectedAnswer && <p>{q.expectedAnswer}</p>}
          {q.keyPoints.length > 0 && (
            <ul>
              {q.keyPoints.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          )}
        </details>
      )}
    </article>
  )
}
