import { useState } from 'react'
import { ExpandAll, type OpenSet } from '../ui/Disclosure'
import { Field } from '../ui/Field'
import { EditorItem } from './EditorItem'
import { ItemControls } from './ItemControls'
import { emptyTopic, firstLine, itemErrorCount, move, type TopicDraft } from './templateForm'

type Props = {
  plan: TopicDraft[]
  onChange: (plan: TopicDraft[]) => void
  errors: Partial<Record<string, string>>
  /** Which topics are open; shared with the outline. */
  open: OpenSet
}

export function PlanEditor({ plan, onChange, errors, open }: Props) {
  const [moved, setMoved] = useState<{ key: string; dir: -1 | 1 } | null>(null)
  const update = (i: number, patch: Partial<TopicDraft>) =>
    onChange(plan.map((t, j) => (j === i ? { ...t, ...patch } : t)))

  const add = () => {
    const t = emptyTopic()
    onChange([...plan, t])
    open.setOpen([t.key], true)
    window.requestAnimationFrame(() => document.getElementById(`topic-${t.key}-title`)?.focus())
  }

  return (
    <section className="editor-section" aria-labelledby="plan-heading">
      <div className="section-head section-head-row">
        <div className="section-head">
          <h2 id="plan-heading" className="section-title" tabIndex={-1}>
            Interview plan
          </h2>
          <p className="section-hint">Topics for the conversation. They can be covered in any order.</p>
        </div>
        <ExpandAll keys={plan.map((t) => t.key)} set={open} noun="topics" />
      </div>
      {errors.plan && (
        <p className="field-error" id="plan-error">
          {errors.plan}
        </p>
      )}
      <ol className="item-list">
        {plan.map((t, i) => (
          <li key={t.key}>
            <EditorItem
              itemKey={t.key}
              legend={`Topic ${i + 1}`}
              open={open.isOpen(t.key)}
              onToggle={() => open.toggle(t.key)}
              title={firstLine(t.title, 'Untitled topic')}
              detail={firstLine(t.hint, '')}
              facts={[]}
              problems={itemErrorCount(errors, 'plan', i)}
              controls={
                <ItemControls
                  itemKey={t.key}
                  index={i}
                  count={plan.length}
                  noun="topic"
                  focusAfterMove={moved}
                  onMove={(dir) => {
                    setMoved({ key: t.key, dir })
                    onChange(move(plan, i, dir))
                  }}
                  onRemove={() => onChange(plan.filter((_, j) => j !== i))}
                />
              }
            >
              <Field id={`topic-${t.key}-title`} label="Title" required error={errors[`plan.${i}.title`]}>
                <input className="input" value={t.title} onChange={(e) => update(i, { title: e.target.value })} />
              </Field>
              <Field id={`topic-${t.key}-hint`} label="Hint for the interviewer" error={errors[`plan.${i}.hint`]}>
                <textarea
                  className="input textarea"
                  rows={2}
                  value={t.hint}
                  onChange={(e) => update(i, { hint: e.target.value })}
                />
              </Field>
            </EditorItem>
          </li>
        ))}
      </ol>
      <button type="button" className="btn" onClick={add}>
        Add topic
      </button>
    </section>
  )
}
