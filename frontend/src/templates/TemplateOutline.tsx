import type { TemplateDraft } from './templateForm'
import { firstLine, itemErrorCount } from './templateForm'

/** Long templates get an outline beside the editor from this many questions on. */
export const OUTLINE_FROM = 4

type Props = {
  draft: TemplateDraft
  errors: Partial<Record<string, string>>
  /** Goes to a section heading by id. */
  onSection: (headingId: string) => void
  /** Opens a question and goes to it. */
  onQuestion: (key: string) => void
}

/** A jump list beside a long template: its sections, and each question by its first line. */
export function TemplateOutline({ draft, errors, onSection, onQuestion }: Props) {
  return (
    <nav className="outline" aria-label="Template outline">
      <p className="outline-title" aria-hidden="true">
        On this page
      </p>
      <ul className="outline-list">
        <li>
          <button type="button" className="outline-link" onClick={() => onSection('details-heading')}>
            Details
          </button>
        </li>
        <li>
          <button type="button" className="outline-link" onClick={() => onSection('plan-heading')}>
            Interview plan
          </button>
        </li>
        <li>
          <button type="button" className="outline-link" onClick={() => onSection('questions-heading')}>
            Technical questions
          </button>
          <ol className="outline-list outline-questions">
            {draft.questions.map((q, i) => {
              const problems = itemErrorCount(errors, 'questions', i)
              return (
                <li key={q.key}>
                  <button
                    type="button"
                    className={`outline-link${problems > 0 ? ' outline-link-invalid' : ''}`}
                    onClick={() => onQuestion(q.key)}
                  >
                    <span className="outline-number">{i + 1}.</span>
                    <span className="outline-text">{firstLine(q.text, 'No question text yet')}</span>
                    {problems > 0 && <span className="visually-hidden">, has problems</span>}
                    {problems > 0 && (
                      <span className="outline-problem" aria-hidden="true">
                        ⚠
                      </span>
                    )}
                  </button>
                </li>
              )
            })}
          </ol>
        </li>
      </ul>
    </nav>
  )
}
