// The preliminary AI assessment of each answer, made as its question's window
// closed: a score, the key points heard and missed. Interviewers only; the
// analysis after the interview replaces it.

import type { InterviewerView } from '../protocol'

export function AssessmentPanel({ view }: { view: InterviewerView }) {
  const items = Object.values(view.assessments).sort((a, b) => b.index - a.index)
  if (items.length === 0) return null
  return (
    <section className="assessment" aria-labelledby="assessment-title">
      <h2 id="assessment-title" className="section-title">
        AI assessment (preliminary)
      </h2>
      <p className="field-hint">Made from the transcript while you moved on; your rating decides. Only interviewers see this.</p>
      <ol className="assessment-list" aria-live="polite">
        {items.map((a) => (
          <li key={a.index}>
            <p className="assessment-head">
              <strong>Question {a.index + 1}</strong> · {a.score.toFixed(1)} / 5
            </p>
            {a.covered.length > 0 && <p className="assessment-covered">Heard: {a.covered.join('; ')}</p>}
            {a.missed.length > 0 && <p className="assessment-missed">Not heard: {a.missed.join('; ')}</p>}
            {a.comment && <p className="muted">{a.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
