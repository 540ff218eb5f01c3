import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { LIMITS, type InterviewerView } from '../protocol'
import type { Act } from './useAct'

function newTopicId(): string {
  try {
    return crypto.randomUUID()
  } catch {
    return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  }
}

type Props = {
  view: InterviewerView
  act: Act
  /** Called with the topic just checked (notes link to it). */
  onTopic: (topicId: string) => void
  headingRef?: React.Ref<HTMLHeadingElement>
  /** Buttons under the list (Start technical part / Finish interview). */
  footer?: ReactNode
  /** Compact: inside a disclosure during the technical part and the finish. */
  compact?: boolean
}

/** The interview plan: topics as checkboxes, in any order; checked = covered. */
export function PlanPanel({ view, act, onTopic, headingRef, footer, compact = false }: Props) {
  const [pending, setPending] = useState<Record<string, boolean>>({})
  const [adding, setAdding] = useState(false)
  // Hints are open in the plan itself until their topic is covered, and folded
  // in the compact plan; each topic's own choice overrides that.
  const [hintOpen, setHintOpen] = useState<Record<string, boolean>>({})
  const idBase = useId()
  const done = (id: string) => pending[id] ?? view.done[id] === true
  const covered = view.topics.filter((t) => done(t.id)).length

  useEffect(() => setPending({}), [view.done])

  const list = (
    <>
      <ul className="topics" aria-label="Topics">
        {view.topics.map((t, i) => (
          <li key={t.id} className="topic-item">
            <label className={`topic${done(t.id) ? ' topic-done' : ''}`}>
              <input
                type="checkbox"
                checked={done(t.id)}
                onChange={(e) => {
                  const v = e.target.checked
                  setPending((p) => ({ ...p, [t.id]: v }))
                  onTopic(t.id)
                  void act('topic_checked', { topicId: t.id, done: v }).then((ok) => {
                    if (!ok) setPending((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== t.id)))
                  })
                }}
              />
              <span className="topic-title">{t.title}</span>
              {t.added && <span className="badge badge-muted">added</span>}
            </label>
            {t.hint && (
              <TopicHint
                id={`${idBase}-hint-${i}`}
                title={t.title}
                hint={t.hint}
                open={hintOpen[t.id] ?? (!compact && !done(t.id))}
                onToggle={(open) => setHintOpen((h) => ({ ...h, [t.id]: open }))}
              />
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <AddTopic
          onCancel={() => setAdding(false)}
          onAdd={async (title) => {
            const id = newTopicId()
            const ok = await act('topic_added', { id, title })
            if (ok) setAdding(false)
            return ok
          }}
        />
      ) : (
        <button type="button" className="btn btn-ghost btn-small add-topic" onClick={() => setAdding(true)}>
          + Add topic
        </button>
      )}
    </>
  )

  if (compact) {
    return (
      <details className="cockpit-section plan plan-compact">
        <summary>
          <span className="section-title">Interview plan</span>
          <span className="muted">
            {covered} of {view.topics.length} covered
          </span>
        </summary>
        {list}
      </details>
    )
  }
  return (
    <section className="cockpit-section plan" aria-labelledby="plan-title">
      <div className="cockpit-section-head">
        <h2 id="plan-title" ref={headingRef} className="section-title" tabIndex={-1}>
          Interview plan
        </h2>
        <span className="muted plan-progress">
          {covered} of {view.topics.length} covered
        </span>
      </div>
      <p className="section-hint">Cover the topics in any order and tick them off. The candidate sees “Introduction”.</p>
      {list}
      {footer && <div className="plan-footer">{footer}</div>}
    </section>
  )
}

/** A topic's hint from the template: a small toggle beside the topic, the text under it. */
function TopicHint({ id, title, hint, open, onToggle }: { id: string; title: string; hint: string; open: boolean; onToggle: (open: boolean) => void }) {
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost btn-small topic-hint-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Hint for ${title}`}
        onClick={() => onToggle(!open)}
      >
        Hint
      </button>
      <p id={id} className="topic-hint" hidden={!open}>
        {hint}
      </p>
    </>
  )
}

function AddTopic({ onAdd, onCancel }: { onAdd: (title: string) => Promise<boolean>; onCancel: () => void }) {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  useEffect(() => input.current?.focus(), [])
  const trimmed = title.trim()
  const tooLong = trimmed.length > LIMITS.topicTitleChars
  return (
    <form
      className="add-topic-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!trimmed || tooLong || busy) return
        setBusy(true)
        void onAdd(trimmed).then(() => setBusy(false))
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        New topic
      </label>
      <input
        id={id}
        ref={input}
        className="input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder="New topic, e.g. Team leadership"
        aria-invalid={tooLong || undefined}
        maxLength={LIMITS.topicTitleChars + 20}
      />
      <button type="submit" className="btn btn-primary btn-small" disabled={!trimmed || tooLong || busy}>
        Add
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
