import { useEffect, useRef, useState } from 'react'
import { createTemplate, getTemplate, updateTemplate } from '../api/templates'
import { href, navigate, setBlocker } from '../app/router'
import { useOpenSet } from '../ui/Disclosure'
import { useModShortcut } from '../ui/shortcuts'
import { useToast } from '../ui/toasts'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useFieldErrors } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import { DURATION, DURATION_HINT } from '../validation/rules'
import { itemToggleId } from './EditorItem'
import { rememberedOpen, rememberOpen } from './openItems'
import { PlanEditor } from './PlanEditor'
import { QuestionsEditor } from './QuestionsEditor'
import { OUTLINE_FROM, TemplateOutline } from './TemplateOutline'
import {
  blankDraft,
  checkDraft,
  draftSignature,
  fieldPath,
  fromDraft,
  keepKeys,
  keysWithErrors,
  toDraft,
  type TemplateDraft,
} from './templateForm'
import './editor.css'

const SPECIALIZATIONS = ['Go backend', 'Python', 'Frontend', 'Java', 'DevOps/SRE', 'Data/SQL', 'General']

export function TemplateEditorPage({ id }: { id?: string }) {
  const [draft, setDraft] = useState<TemplateDraft | null>(id ? null : blankDraft)
  const [saved, setSaved] = useState<string>(() => (id ? '' : draftSignature(blankDraft())))
  const [loadError, setLoadError] = useState<unknown>(undefined)
  const [nonce, setNonce] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  // The first field with a message, else the summary (for messages without a field).
  const fieldErrors = useFieldErrors<string>(
    () =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      document.getElementById('template-error-summary'),
  )
  const { errors, message: summary, reset } = fieldErrors
  const { saving, submit } = useSaveForm(fieldErrors)
  const toast = useToast()
  // Which topics and questions are open: a saved template opens collapsed (or as
  // it was left in this session), a new one with its first topic open; items
  // added while editing open.
  const open = useOpenSet(() => draft?.plan.map((t) => t.key) ?? [])
  const { setOpen, isOpen } = open

  useEffect(() => {
    if (!id) return
    const ctrl = new AbortController()
    setLoadError(undefined)
    getTemplate(id, ctrl.signal).then(
      (t) => {
        const d = toDraft(t)
        setDraft(d)
        setSaved(draftSignature(d))
        setOpen(rememberedOpen(id, d), true)
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setLoadError(e)
      },
    )
    return () => ctrl.abort()
  }, [id, nonce])

  useEffect(() => {
    if (id && draft) rememberOpen(id, draft, isOpen)
  }, [id, draft, isOpen])

  // A new set of messages opens the items they are about (before focus moves to
  // the first invalid field); the items can be closed again and keep their sign.
  const [errorsShown, setErrorsShown] = useState(errors)
  if (errors !== errorsShown) {
    setErrorsShown(errors)
    if (draft) setOpen(keysWithErrors(draft, errors), true)
  }

  const dirty = draft !== null && draftSignature(draft) !== saved
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty

  useEffect(() => setBlocker(() => dirtyRef.current), [])
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])

  // The messages stay while it is sent, and go once it is saved.
  const save = async () => {
    if (!draft) return
    await submit({
      check: () => checkDraft(draft),
      checkMessage: 'Check the highlighted fields.',
      send: () => {
        const body = fromDraft(draft)
        return id ? updateTemplate(id, body) : createTemplate(body)
      },
      onSaved: (t) => {
        const d = keepKeys(toDraft(t), draft)
        reset()
        setDraft(d)
        setSaved(draftSignature(d))
        dirtyRef.current = false
        toast({ tone: 'success', message: `Saved “${t.name}”.` })
        if (!id) {
          rememberOpen(t.id, d, isOpen)
          navigate(href('templates', t.id), { replace: true })
        }
      },
      field: fieldPath,
      summary: true,
      keepMessages: true,
    })
  }

  useModShortcut('s', () => void save(), draft !== null)

  if (loadError !== undefined)
    return (
      <>
        <PageHeader title="Edit template" />
        <LoadError error={loadError} onRetry={() => setNonce((n) => n + 1)} what="the template" />
      </>
    )
  if (!draft)
    return (
      <>
        <PageHeader title="Edit template" />
        <Skeleton lines={8} label="Loading template" />
      </>
    )

  const set = (patch: Partial<TemplateDraft>) => setDraft({ ...draft, ...patch })
  const topErrors = Object.entries(errors).filter(([k]) => !isShownInline(k, draft))
  const withOutline = draft.questions.length >= OUTLINE_FROM
  const goToQuestion = (key: string) => {
    setOpen([key], true)
    window.requestAnimationFrame(() => document.getElementById(itemToggleId(key))?.focus())
  }
  const goToSection = (headingId: string) => {
    const h = document.getElementById(headingId)
    h?.focus({ preventScroll: true })
    h?.scrollIntoView({ block: 'start' })
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <PageHeader
        title={id ? `Edit “${draft.name || 'template'}”` : 'New template'}
        actions={
          <>
            <a className="btn" href="#/templates">
              {dirty ? 'Cancel' : 'Back to templates'}
            </a>
            <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+S Meta+S">
              {saving ? 'Saving…' : 'Save template'}
            </button>
          </>
        }
      >
        <p className="page-subtitle" aria-live="polite">
          {dirty ? 'Unsaved changes' : id ? 'All changes saved' : '\u00a0'}
        </p>
      </PageHeader>

      {summary && (
        <div id="template-error-summary" className="panel panel-error" role="alert" tabIndex={-1}>
          <p className="panel-title">{summary}</p>
          {topErrors.length > 0 && (
            <ul>
              {topErrors.map(([k, v]) => (
                <li key={k}>
                  <code>{k}</code>: {v}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className={withOutline ? 'editor-layout' : undefined}>
        <div className="editor-main">
          <section className="editor-section" aria-labelledby="details-heading">
            <h2 id="details-heading" className="section-title" tabIndex={-1}>
              Details
            </h2>
            <div className="form-grid">
              <Field label="Name" required error={errors.name} className="span-2">
                <input className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} maxLength={120} />
              </Field>
              <Field label="Specialization" error={errors.specialization} hint="For example Go backend, Python, Frontend.">
                <input
                  className="input"
                  list="specializations"
                  value={draft.specialization}
                  onChange={(e) => set({ specialization: e.target.value })}
                />
              </Field>
              <Field label="Duration (minutes)" error={errors.durationMinutes} hint={DURATION_HINT}>
                <input
                  className="input input-narrow"
                  type="number"
                  inputMode="numeric"
                  min={DURATION.min}
                  max={DURATION.max}
                  step={5}
                  value={draft.durationMinutes}
                  onChange={(e) => set({ durationMinutes: e.target.value })}
                />
              </Field>
              <Field label="Description" error={errors.description} className="span-2">
                <textarea
                  className="input textarea"
                  rows={3}
                  value={draft.description}
                  onChange={(e) => set({ description: e.target.value })}
                />
              </Field>
            </div>
            <datalist id="specializations">
              {SPECIALIZATIONS.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </section>

          <PlanEditor plan={draft.plan} onChange={(plan) => set({ plan })} errors={errors} open={open} />
          <QuestionsEditor
            questions={draft.questions}
            onChange={(questions) => set({ questions })}
            errors={errors}
            open={open}
          />

          <div className="form-footer">
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save template'}
            </button>
            <span className="form-footer-hint">
              or press <kbd>Ctrl</kbd>+<kbd>S</kbd>
            </span>
          </div>
        </div>
        {withOutline && (
          <TemplateOutline draft={draft} errors={errors} onSection={goToSection} onQuestion={goToQuestion} />
        )}
      </div>
    </form>
  )
}

const INLINE_TOP = new Set(['name', 'specialization', 'description', 'durationMinutes', 'plan', 'questions'])

/** Whether an error key has a place next to a field (else it goes to the summary). */
function isShownInline(key: string, d: TemplateDraft): boolean {
  if (INLINE_TOP.has(key)) return true
  const m = /^(plan|questions)\.(\d+)\.(\w+)(?:\.(\d+))?$/.exec(key)
  if (!m) return false
  const [, list, idx, field, sub] = m
  const i = Number(idx)
  if (list === 'plan') return i < d.plan.length && (field === 'title' || field === 'hint') && sub === undefined
  const q = d.questions[i]
  if (!q) return false
  if (field === 'keyPoints') return sub === undefined || Number(sub) < q.keyPoints.length
  return ['text', 'alternative', 'expectedAnswer', 'starterCode', 'language'].includes(field ?? '') && sub === undefined
}
