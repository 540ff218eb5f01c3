// The interview's score at a glance: the final (AI) score on its scale, the
// interviewers' own rating beside it (never mixed in), and the strengths and
// concerns that stood out. The details page and the report show it.

const fmt = (n: number) => n.toFixed(1)
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export type Scores = {
  scale: number
  /** The mean of the answers' final scores (overrides applied); absent without an analysis. */
  ai?: number
  answered: number
  overridden?: number
  /** The interviewers' mean rating (1–5); absent when nothing was rated. */
  rating?: number
  rated?: number
  strengths: readonly string[]
  concerns: readonly string[]
}

export function ScoreSummary({ s, compact = false }: { s: Scores; compact?: boolean }) {
  return (
    <div className={compact ? 'score-summary score-summary-compact' : 'score-summary'}>
      <dl className="score-figures">
        <div className="score-figure">
          <dt>Final score</dt>
          <dd>
            {s.ai !== undefined ? (
              <>
                <span className="score-value">{fmt(s.ai)}</span> <span className="score-scale">/ {s.scale}</span>
                <span className="score-note">
                  AI score over {plural(s.answered, 'answer')}
                  {s.overridden ? `, ${s.overridden} overridden by an interviewer` : ''}
                </span>
              </>
            ) : (
              <span className="score-note">No AI score</span>
            )}
          </dd>
        </div>
        <div className="score-figure">
          <dt>Interviewers’ rating</dt>
          <dd>
            {s.rating !== undefined && s.rating > 0 ? (
              <>
                <span className="score-value">{fmt(s.rating)}</span> <span className="score-scale">/ 5</span>
                <span className="score-note">
                  {s.rated ? `mean over ${plural(s.rated, 'rated question')}` : 'their mean rating'}, shown apart from the AI score
                </span>
              </>
            ) : (
              <span className="score-note">Nothing was rated in the room</span>
            )}
          </dd>
        </div>
      </dl>
      {(s.strengths.length > 0 || s.concerns.length > 0) && (
        <div className="score-points">
          <Points title="Strengths" items={s.strengths} />
          <Points title="Concerns" items={s.concerns} />
        </div>
      )}
    </div>
  )
}

function Points({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null
  return (
    <div>
      <h3 className="analysis-subtitle">{title}</h3>
      <ul>
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </div>
  )
}
