// "Analysis" on a finished interview's page: the overall score beside the
// interviewers' rating, each answer's score with the key points covered (and
// the words that covered them) and missed, overrides by interviewers, talk
// time and the transcript. Follows the host's progress while it runs.

import { useMemo, useRef, useState } from 'react'
import { getAnalysis, overrideScore, runAnalysis, type Analysis, type AnswerAnalysis } from '../api/analysis'
import { errorMessage } from '../api/client'
import type { Interview } from '../api/types'
import { formatClock } from '../interviews/RecordingsPanel'
import { usePush } from '../platform/push'
import { EmptyState, LoadError, Skeleton } from '../ui/Feedback'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import './analysis.css'

const fmt = (n: number) => n.toFixed(1)

export default function AnalysisPanel({ interview }: { interview: Interview }) {
  const state = useAsync((signal) => getAnalysis(interview.id, signal), [interview.id])
  usePush(interview.id, ['analysis'], state.reload)
  const toast = useToast()
  const rerun = async () => {
    try {
      state.setData(await runAnalysis(interview.id))
    } catch (e) {
      toast({ message: errorMessage(e), tone: 'error' })
    }
  }
  let body
  if (state.error) body = <LoadError error={state.error} onRetry={state.reload} what="the analysis" />
  else if (state.loading && !state.data) body = <Skeleton lines={4} label="Loading the analysis…" />
  else if (!state.data)
    body = (
      <EmptyState title="No analysis yet">
        The analysis runs by itself when the interview ends.{' '}
        {interview.status === 'finished' && (
          <button type="button" className="btn btn-small" onClick={() => void rerun()}>
            Run the analysis
          </button>
        )}
      </EmptyState>
    )
  else body = <AnalysisBody a={state.data} interviewId={interview.id} onRerun={rerun} onChange={state.setData} />
  return (
    <section className="card span-2 analysis-card" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading" className="card-title">
        Analysis
      </h2>
      {body}
    </section>
  )
}

function AnalysisBody({
  a,
  interviewId,
  onRerun,
  onChange,
}: {
  a: Analysis
  interviewId: string
  onRerun: () => Promise<void>
  onChange: (a: Analysis) => void
}) {
  const video = useRef<HTMLVideoElement>(null)
  /** Plays the combined recording from the wall-clock moment at. */
  const seek = (at: string) => {
    const v = video.current
    if (!v || !a.recording) return
    v.currentTime = Math.max(0, (Date.parse(at) - Date.parse(a.recording.start)) / 1000)
    void v.play().catch(() => {})
    v.scrollIntoView({ block: 'nearest' })
  }
  if (a.status === 'queued' || a.status === 'running') {
    return (
      <div className="analysis-progress">
        <label htmlFor="analysis-progress">{a.step || 'Analysing…'}</label>
        <progress id="analysis-progress" max={1} value={a.progress} aria-valuetext={`${Math.round(a.progress * 100)} %`} />
      </div>
    )
  }
  if (a.status === 'declined') {
    return <p className="notice">The candidate declined AI analysis: no transcript or AI scores were made. Your ratings and notes are the assessment.</p>
  }
  return (
    <div className="analysis">
      {a.status === 'failed' && (
        <p className="field-error" role="alert">
          The analysis failed: {a.error}. Check the recordings and the settings, then run it again.
        </p>
      )}
      <Summary a={a} />
      <Recording a={a} interviewId={interviewId} video={video} />
      <p className="field-hint analysis-engines">
        Transcript: {a.engines.transcription}. {a.engines.transcriptionQuality} Scores: {a.engines.scoring}.{' '}
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void onRerun()}>
          Run the analysis again
        </button>
      </p>
      <h3 className="analysis-subtitle">Answers</h3>
      {a.answers.length === 0 ? (
        <p className="muted">No question was put on screen in this interview.</p>
      ) : (
        <ol className="answer-list">
          {a.answers.map((ans) => (
            <AnswerCard key={ans.index} ans={ans} interviewId={interviewId} onChange={onChange} />
          ))}
        </ol>
      )}
      <TalkTimeList a={a} />
      <Transcript a={a} onSeek={seek} />
    </div>
  )
}

function Summary({ a }: { a: Analysis }) {
  const o = a.overall
  return (
    <div className="analysis-summary">
      <div className="analysis-score">
        <span className="analysis-score-value">{fmt(o.score)}</span>
        <span className="muted"> / 5 · AI score over {o.answered} answer{o.answered === 1 ? '' : 's'}</span>
      </div>
      {o.rating !== undefined && o.rating > 0 && (
        <div className="analysis-score">
          <span className="analysis-score-value">{fmt(o.rating)}</span>
          <span className="muted"> / 5 · interviewers’ rating</span>
        </div>
      )}
      {o.strengths.length > 0 && (
        <div>
          <h3 className="analysis-subtitle">Strengths</h3>
          <ul>{o.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
        </div>
      )}
      {o.concerns.length > 0 && (
        <div>
          <h3 className="analysis-subtitle">Concerns</h3>
          <ul>{o.concerns.map((s) => <li key={s}>{s}</li>)}</ul>
        </div>
      )}
    </div>
  )
}

function AnswerCard({ ans, interviewId, onChange }: { ans: AnswerAnalysis; interviewId: string; onChange: (a: Analysis) => void }) {
  const [editing, setEditing] = useState(false)
  const [score, setScore] = useState(String(ans.override?.score ?? Math.round(ans.score * 2) / 2))
  const [reason, setReason] = useState(ans.override?.reason ?? '')
  const [error, setError] = useState('')
  const save = async () => {
    const n = Number(score)
    if (!Number.isFinite(n) || n < 0 || n > 5) {
      setError('Enter a score from 0 to 5.')
      return
    }
    try {
      onChange(await overrideScore(interviewId, ans.index + 1, n, reason.trim()))
      setEditing(false)
      setError('')
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const id = `answer-${ans.index}`
  return (
    <li className="answer-card" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="answer-title">
        Question {ans.index + 1}: {ans.question}
      </h4>
      <p className="answer-scores">
        <span className={ans.override ? 'answer-score-replaced' : 'answer-score'}>AI score {fmt(ans.score)} / 5</span>
        {ans.override && (
          <span className="answer-score">
            {' '}
            · {fmt(ans.override.score)} / 5 by {ans.override.by}
            {ans.override.reason ? ` (“${ans.override.reason}”)` : ''}
          </span>
        )}
        {ans.rating ? <span className="muted"> · rated {ans.rating}/5 in the room</span> : null}
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {ans.override ? 'Change my score' : 'Override the score'}
        </button>
      </p>
      {editing && (
        <form
          className="override-form"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <label>
            Score (0–5){' '}
            <input type="number" min={0} max={5} step={0.5} value={score} onChange={(e) => setScore(e.target.value)} />
          </label>
          <label>
            Why (optional){' '}
            <input type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary btn-small">
            Save score
          </button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
      {ans.comment && <p className="answer-comment">{ans.comment}</p>}
      <div className="answer-points">
        {ans.covered.length > 0 && (
          <div>
            <h5>Covered</h5>
            <ul>
              {ans.covered.map((p) => (
                <li key={p.text} className="point-covered">
                  <span aria-hidden="true">✓ </span>
                  {p.text}
                  {p.evidence && <q className="point-evidence">{p.evidence}</q>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {ans.missed.length > 0 && (
          <div>
            <h5>Missed</h5>
            <ul>
              {ans.missed.map((p) => (
                <li key={p.text} className="point-missed">
                  <span aria-hidden="true">✗ </span>
                  {p.text}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {ans.answer && (
        <details className="answer-words">
          <summary>What the candidate said (as transcribed)</summary>
          <p>{ans.answer}</p>
        </details>
      )}
    </li>
  )
}

function TalkTimeList({ a }: { a: Analysis }) {
  const totals = a.talkTime.filter((t) => t.question === undefined)
  if (totals.length === 0) return null
  return (
    <div>
      <h3 className="analysis-subtitle">Talk time</h3>
      <ul className="talk-list">
        {totals.map((t) => (
          <li key={t.speaker + t.role}>
            {t.speaker} ({t.role}): {formatClock(t.ms)}
          </li>
        ))}
      </ul>
    </div>
  )
}

function Recording({ a, interviewId, video }: { a: Analysis; interviewId: string; video: React.RefObject<HTMLVideoElement | null> }) {
  if (!a.recording) return null
  const src = `/api/interviews/${encodeURIComponent(interviewId)}/recording`
  return (
    <div className="analysis-recording">
      <h3 className="analysis-subtitle">Recording</h3>
      <video ref={video} src={src} controls preload="metadata" aria-label="The interview’s recording, everyone in sync" />
      <a className="btn btn-small" href={src} download="interview.webm">
        Download the recording
      </a>
    </div>
  )
}

function Transcript({ a, onSeek }: { a: Analysis; onSeek: (at: string) => void }) {
  const [q, setQ] = useState('')
  const lines = useMemo(() => {
    const needle = q.trim().toLowerCase()
    return needle ? a.transcript.filter((l) => l.text.toLowerCase().includes(needle)) : a.transcript
  }, [a.transcript, q])
  return (
    <div className="transcript">
      <h3 className="analysis-subtitle">Transcript</h3>
      {a.transcript.length === 0 ? (
        <p className="muted">No speech was recognised in the recordings.</p>
      ) : (
        <>
          <input
            type="search"
            className="input transcript-search"
            placeholder="Search the transcript"
            aria-label="Search the transcript"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <ol className="transcript-lines" aria-label="Transcript lines">
            {lines.map((l, i) => (
              <li key={`${l.offsetMs}-${i}`}>
                {a.recording ? (
                  <button
                    type="button"
                    className="transcript-time btn-link"
                    aria-label={`Play from ${formatClock(l.offsetMs)}`}
                    onClick={() => onSeek(l.at)}
                  >
                    {formatClock(l.offsetMs)}
                  </button>
                ) : (
                  <time className="transcript-time">{formatClock(l.offsetMs)}</time>
                )}
                <span className={`transcript-speaker transcript-${l.role}`}>{l.speaker}</span>
                {l.question !== undefined && <span className="badge badge-muted">Q{l.question + 1}</span>}
                <span className="transcript-text">{l.text}</span>
              </li>
            ))}
          </ol>
          {lines.length === 0 && <p className="muted">No line contains “{q}”.</p>}
        </>
      )}
    </div>
  )
}
