// Create Live Room from a candidate's profile: the create-interview page
// prefilled with the candidate, and the choice to bring one of their
// take-home results into the room.

import { getCandidate, type Candidate, type TakehomeResultSummary } from '../api/candidates'
import { resultLine } from './TakehomeView'

export type CandidateChoice = {
  id: string
  name: string
  email: string
  /** The position of their latest application. */
  position: string
  /** Their take-home results, the latest completed first. */
  results: TakehomeResultSummary[]
}

export async function loadCandidate(id: string, signal: AbortSignal): Promise<CandidateChoice> {
  return choiceOf(await getCandidate(id, signal))
}

export function choiceOf(c: Candidate): CandidateChoice {
  const apps = [...(c.applications ?? [])].sort((a, b) => Date.parse(b.stageAt) - Date.parse(a.stageAt))
  const results = [...(c.takehome ?? [])].sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt))
  return { id: c.id, name: c.name, email: c.email, position: apps[0]?.position ?? results[0]?.position ?? '', results }
}

export function TakehomeChoice({
  results,
  value,
  error,
  onChange,
}: {
  results: TakehomeResultSummary[]
  value: string
  error?: string | undefined
  onChange: (takehomeId: string) => void
}) {
  return (
    <section className="editor-section" aria-labelledby="setup-takehome">
      <h2 id="setup-takehome" className="section-title">
        Take-home results
      </h2>
      <p className="section-hint">
        Interviewers see the chosen results in the room’s Assessment panel: scores per task and the submitted code. The
        candidate sees a task’s code only when an interviewer opens it in the shared editor.
      </p>
      <fieldset className="radio-group" id="new-takehome" tabIndex={-1} aria-describedby={error ? 'new-takehome-error' : undefined}>
        <legend className="visually-hidden">Bring take-home results into the room</legend>
        {results.map((r) => (
          <label key={r.id} className="radio">
            <input type="radio" name="takehome" value={r.id} checked={value === r.id} onChange={() => onChange(r.id)} />
            <span>
              Bring “{r.assessment}” into the room <span className="muted">({resultLine(r)})</span>
            </span>
          </label>
        ))}
        <label className="radio">
          <input type="radio" name="takehome" value="" checked={value === ''} onChange={() => onChange('')} />
          <span>Without take-home results</span>
        </label>
      </fieldset>
      {error && (
        <p id="new-takehome-error" className="field-error">
          {error}
        </p>
      )}
    </section>
  )
}
