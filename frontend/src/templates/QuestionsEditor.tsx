import { useState } from 'react'
import { DisclosureButton, ExpandAll, type OpenSet } from '../ui/Disclosure'
import { Field } from '../ui/Field'
import { LANGUAGE_NAMES, LANGUAGES, STARTER_CODE_MAX, isLanguage } from '../validation/rules'
import { EditorItem } from './EditorItem'
import { ItemControls } from './ItemControls'
import {
  emptyQuestion,
  firstLine,
  itemErrorCount,
  move,
  newKey,
  questionKind,
  type QuestionDraft,
} from './templateForm'

type Props = {
  questions: QuestionDraft[]
  onChange: (questions: QuestionDraft[]) => void
  errors: Partial<Record<string, string>>
  /** Which questions are open; shared with the outline. */
  open: OpenSet
}

export function QuestionsEditor({ questions, onChange, errors, open }: Props) {
  const [moved, setMoved] = useState<{ key: string; dir: -1 | 1 } | null>(null)
  const update = (i: number, patch: Partial<QuestionDraft>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)))

  const add = () => {
    const q = emptyQuestion()
    onChange([...questions, q])
    open.setOpen([q.key], true)
    window.requestAnimationFrame(() => document.getElementById(`question-${q.key}-text`)?.focus())
  }

  return (
    <section className="editor-section" aria-labelledby="questions-heading">
      <div className="section-head section-head-row">
        <div className="section-head">
          <h2 id="questions-heading" className="section-title" tabIndex={-1}>
            Technical questions
          </h2>
          <p className="section-hint">
            Asked one by one in this order. Leave empty for a plan-only interview. The candidate sees only the question
            text.
          </p>
        </div>
        <ExpandAll keys={questions.map((q) => q.key)} set={open} noun="questions" />
      </div>
      {errors.questions && <p className="field-error">{errors.questions}</p>}
      {questions.length > 0 && (
        <ol className="item-list">
          {questions.map((q, i) => (
            <li key={q.key}>
              <EditorItem
                itemKey={q.key}
                legend={`Question ${i + 1}`}
                open={open.isOpen(q.key)}
                onToggle={() => open.toggle(q.key)}
                title={firstLine(q.text, 'No question text yet')}
                facts={[questionKind(q), keyPointCount(q)]}
                problems={itemErrorCount(errors, 'questions', i)}
                controls={
                  <ItemControls
                    itemKey={q.key}
                    index={i}
                    count={questions.length}
                    noun="question"
                    focusAfterMove={moved}
                    onMove={(dir) => {
                      setMoved({ key: q.key, dir })
                      onChange(move(questions, i, dir))
                    }}
                    onRemove={() => onChange(questions.filter((_, j) => j !== i))}
                  />
                }
              >
                <Field
                  id={`question-${q.key}-text`}
                  label="Question text"
                  hint="Shown to the candidate."
                  required
                  error={errors[`questions.${i}.text`]}
                >
                  <textarea
                    className="input textarea"
                    rows={2}
                    value={q.text}
                    onChange={(e) => update(i, { text: e.target.value })}
                  />
                </Field>
                <Field
                  id={`question-${q.key}-alternative`}
                  label="Alternative explanation"
                  hint="Rephrased wording, shown only when you choose."
                  required
                  error={errors[`questions.${i}.alternative`]}
                >
                  <textarea
                    className="input textarea"
                    rows={2}
                    value={q.alternative}
                    onChange={(e) => update(i, { alternative: e.target.value })}
                  />
                </Field>
                <Field
                  id={`question-${q.key}-expected`}
                  label="Expected answer"
                  hint="For the interviewer only."
                  required
                  error={errors[`questions.${i}.expectedAnswer`]}
                >
                  <textarea
                    className="input textarea"
                    rows={3}
                    value={q.expectedAnswer}
                    onChange={(e) => update(i, { expectedAnswer: e.target.value })}
                  />
                </Field>
                <KeyPoints q={q} index={i} errors={errors} onChange={(keyPoints) => update(i, { keyPoints })} />
                <StarterCode q={q} index={i} errors={errors} onChange={(patch) => update(i, patch)} />
              </EditorItem>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="btn" onClick={add}>
        Add question
      </button>
    </section>
  )
}

/** "3 key points", counting the ones with text. */
export function keyPointCount(q: Pick<QuestionDraft, 'keyPoints'>): string {
  const n = q.keyPoints.filter((k) => k.text.trim() !== '').length
  return n === 0 ? 'No key points' : `${n} ${n === 1 ? 'key point' : 'key points'}`
}

/** Props of a part of one question's fieldset that edits `T`. */
type PartProps<T> = {
  q: QuestionDraft
  index: number
  errors: Partial<Record<string, string>>
  onChange: (value: T) => void
}

function KeyPoints({ q, index, errors, onChange }: PartProps<QuestionDraft['keyPoints']>) {
  const listError = errors[`questions.${index}.keyPoints`]
  const add = () => {
    const k = { key: newKey('k'), text: '' }
    onChange([...q.keyPoints, k])
    window.requestAnimationFrame(() => document.getElementById(`kp-${k.key}`)?.focus())
  }
  return (
    <fieldset className="keypoints">
      <legend className="field-label">Key points</legend>
      <p className="field-hint">Short phrases a good answer covers; used for answer analysis.</p>
      {listError && <p className="field-error">{listError}</p>}
      {q.keyPoints.length > 0 && (
        <ul className="keypoint-list">
          {q.keyPoints.map((k, j) => {
            const err = errors[`questions.${index}.keyPoints.${j}`]
            return (
              <li key={k.key} className="keypoint">
                <label htmlFor={`kp-${k.key}`} className="visually-hidden">
                  Key point {j + 1}
                </label>
                <input
                  id={`kp-${k.key}`}
                  className="input"
                  value={k.text}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `kp-${k.key}-error` : undefined}
                  onChange={(e) => onChange(q.keyPoints.map((x, m) => (m === j ? { ...x, text: e.target.value } : x)))}
                />
                <button
                  type="button"
                  className="btn btn-small btn-ghost btn-ghost-danger"
                  aria-label={`Remove key point ${j + 1}`}
                  onClick={() => onChange(q.keyPoints.filter((_, m) => m !== j))}
                >
                  Remove
                </button>
                {err && (
                  <p id={`kp-${k.key}-error`} className="field-error keypoint-error">
                    {err}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <button type="button" className="btn btn-small" onClick={add}>
        Add key point
      </button>
    </fieldset>
  )
}

/** What a closed starter code section says about its content. */
export function starterSummary(q: Pick<QuestionDraft, 'starterCode' | 'language'>): string {
  if (q.starterCode.trim() === '') return q.language ? `${LANGUAGE_NAMES[q.language]}, no code` : 'None'
  const lines = q.starterCode.replace(/\n+$/, '').split('\n').length
  return `${LANGUAGE_NAMES[q.language || 'plaintext']}, ${lines} ${lines === 1 ? 'line' : 'lines'}`
}

/** A question's starter code: collapsed until used, open while it has a message. */
function StarterCode({ q, index, errors, onChange }: PartProps<Partial<Pick<QuestionDraft, 'starterCode' | 'language'>>>) {
  const codeError = errors[`questions.${index}.starterCode`]
  const languageError = errors[`questions.${index}.language`]
  const [open, setOpen] = useState(() => q.starterCode !== '' || q.language !== '')
  const shown = open || codeError !== undefined || languageError !== undefined
  const panelId = `question-${q.key}-starter`
  return (
    <div className="keypoints">
      <div>
        <DisclosureButton expanded={shown} controls={panelId} onToggle={() => setOpen(!shown)} className="disclosure-small">
          Starter code
        </DisclosureButton>{' '}
        <span className="field-hint">{starterSummary(q)}</span>
      </div>
      <div id={panelId} className="item-fields" hidden={!shown}>
        <p className="field-hint">
          Code you can load into the shared editor when you reach this question; the candidate sees it once it is
          loaded.
        </p>
        <Field
          id={`question-${q.key}-language`}
          label="Language"
          hint="Plain text when there is code but no language."
          error={languageError}
        >
          <select
            className="input input-narrow"
            value={q.language}
            onChange={(e) => onChange({ language: isLanguage(e.target.value) ? e.target.value : '' })}
          >
            <option value="">None</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`question-${q.key}-starter-code`}
          label="Starter code"
          hint={`Kept as written, up to ${STARTER_CODE_MAX.toLocaleString('en-US')} characters.`}
          error={codeError}
        >
          <textarea
            className="input textarea input-mono"
            rows={8}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={q.starterCode}
            onChange={(e) => onChange({ starterCode: e.target.value })}
          />
        </Field>
      </div>
    </div>
  )
}
