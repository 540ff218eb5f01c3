// One answer's analysis: the engine's score on its scale, an interviewer's
// override with its author (the engine's stays shown, struck through), the
// comment, the key points covered with the words that covered them and
// those missed, and what the candidate said. The caller names the question.

import { useState } from 'react'
import { overrideScore, type Analysis, type AnswerAnalysis } from '../api/analysis'
import { errorMessage } from '../api/client'

const fmt = (n: number) => n.toFixed(1)

export function AnswerCard({ ans, interviewId, onChange }: { ans: AnswerAnalysis; interviewId: string; onChange: (a: Analysis) => void }) {
  const [editing, setEditing] = useState(false)
  return (
    <div className="answer-analysis">
      <p className="answer-scores">
        <span className={ans.override ? 'answer-score-replaced' : 'answer-score'}>AI score {fmt(ans.score)} / 5</span>
        {ans.override && (
          <span className="answer-score">
            {fmt(ans.override.score)} / 5 by {ans.override.by}
            {ans.override.reason ? ` (“${ans.override.reason}”)` : ''}
          </span>
        )}
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {ans.override ? 'Change my score' : 'Override the score'}
        </button>
      </p>
      {editing && (
        <OverrideForm
          ans={ans}
          interviewId={interviewId}
          onSaved={(a) => {
            onChange(a)
            setEditing(false)
          }}
        />
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
    </div>
  )
}

function OverrideForm({ ans, interviewId, onSaved }: { ans: AnswerAnalysis; interviewId: string; onSaved: (a: Analysis) => void }) {
  const [score, setScore] = useState(String(ans.override?.score ?? Math.round(ans.score * 2) / 2))
  const [reason, setReason] = useState(ans.override?.reason ?? '')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const n = Number(score)
    if (score.trim() === '' || !Number.isFinite(n) || n < 0 || n > 5) {
      setError('Enter a score from 0 to 5.')
      return
    }
    setBusy(true)
    try {
      onSaved(await overrideScore(interviewId, ans.index + 1, n, reason.trim()))
      setError('')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
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
      <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
        Save score
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
