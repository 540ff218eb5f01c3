import { getTemplate } from '../api/templates'
import type { Question, Template } from '../api/types'
import { href } from '../app/router'
import { formatDuration } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { InlineError, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { LANGUAGE_NAMES } from '../validation/rules'
import { kindLabel } from './TemplateListPage'
import './editor.css'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "Go backend · Technical · 12 questions · 6 topics · 1 h". */
export function templateFacts(t: Template): string {
  return [
    t.specialization,
    kindLabel({ technical: t.technical, questionCount: t.questions.length }),
    plural(t.plan.length, 'topic', 'topics'),
    formatDuration(t.durationMinutes),
  ]
    .filter(Boolean)
    .join(' · ')
}

/** A template as the interviewer meets it in the room: plan, questions and their guidance. Read-only. */
export function TemplatePreview({ template: t }: { template: Template }) {
  return (
    <div className="preview">
      {t.description && <p className="preview-description">{t.description}</p>}
      <p className="preview-note">
        What you see in the room. The candidate sees only each question’s text, and its starter code once you load
        it.
      </p>
      <section className="preview-section" aria-labelledby="preview-plan">
        <h3 id="preview-plan" className="preview-heading">
          Interview plan
        </h3>
        <ol className="preview-plan">
          {t.plan.map((p, i) => (
            <li key={p.id ?? i}>
              <p className="preview-topic">{p.title}</p>
              {p.hint && <p className="preview-hint">{p.hint}</p>}
            </li>
          ))}
        </ol>
      </section>
      <section className="preview-section" aria-labelledby="preview-questions">
        <h3 id="preview-questions" className="preview-heading">
          Technical questions
        </h3>
        {t.questions.length === 0 ? (
          <p className="empty-inline">No technical part: a plan-only interview.</p>
        ) : (
          <ol className="preview-questions">
            {t.questions.map((q, i) => (
              <PreviewQuestion key={q.id ?? i} q={q} number={i + 1} count={t.questions.length} />
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

function PreviewQuestion({ q, number, count }: { q: Question; number: number; count: number }) {
  const headingId = `preview-q${number}`
  const language = LANGUAGE_NAMES[q.language ?? 'plaintext']
  const keyPoints = q.keyPoints ?? []
  return (
    <li className="preview-question">
      <h4 id={headingId} className="preview-question-number">
        Question {number}/{count}
      </h4>
      <p className="preview-question-text">{q.text}</p>
      <dl className="preview-facts">
        <dt>Alternative explanation</dt>
        <dd>{q.alternative}</dd>
        <dt>Expected answer</dt>
        <dd>{q.expectedAnswer}</dd>
        <dt>Key points</dt>
        <dd>
          {keyPoints.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul className="preview-keypoints">
              {keyPoints.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          )}
        </dd>
        {q.starterCode && (
          <>
            <dt>Starter code · {language}</dt>
            <dd>
              <pre className="preview-code">
                <code>{q.starterCode}</code>
              </pre>
            </dd>
          </>
        )}
      </dl>
    </li>
  )
}

type DialogProps = {
  templateId: string
  onClose: () => void
  /** "Use this template": what the caller does with it (select it, or start an interview with it). */
  onUse: (t: Template) => void
}

/** The read-only preview of a template, with "Use this template" and "Edit". */
export function TemplatePreviewDialog({ templateId, onClose, onUse }: DialogProps) {
  const state = useAsync((signal) => getTemplate(templateId, signal), [templateId])
  const t = state.data
  return (
    <Dialog
      title={t ? t.name : 'Template preview'}
      description={t ? templateFacts(t) : undefined}
      size="wide"
      className="dialog-preview"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <a className="btn" href={href('templates', templateId)}>
            Edit
          </a>
          <button type="button" className="btn btn-primary" disabled={!t} onClick={() => t && onUse(t)}>
            Use this template
          </button>
        </>
      }
    >
      <div className="preview-scroll" tabIndex={0} role="region" aria-label="Template contents" data-autofocus>
        {state.error !== undefined ? (
          <InlineError what="Could not load the template" error={state.error} onRetry={state.reload} />
        ) : t ? (
          <TemplatePreview template={t} />
        ) : (
          <Skeleton lines={8} label="Loading the template" />
        )}
      </div>
    </Dialog>
  )
}
