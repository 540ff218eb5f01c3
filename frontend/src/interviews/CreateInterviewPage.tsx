import { useMemo, useState } from 'react'
import { createInterview } from '../api/interviews'
import { getSettings } from '../api/settings'
import { listTemplates } from '../api/templates'
import type { TemplateSummary } from '../api/types'
import { defaultTimeZone, formatDuration, instantToWall } from '../platform/time'
import { href, navigate } from '../app/router'
import { useToast } from '../ui/toasts'
import { kindLabel } from '../templates/TemplateListPage'
import { TemplatePreviewDialog } from '../templates/TemplatePreview'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useAsync } from '../ui/useAsync'
import { among, useFieldErrors } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import { DURATION, DURATION_HINT } from '../validation/rules'
import {
  CREATE_FIELDS,
  firstInvalid,
  toNewInterview,
  validateCreate,
  type CreateField,
  type CreateForm,
} from './validation'
import { WhenFields } from './WhenFields'
import { loadCandidate, TakehomeChoice, type CandidateChoice } from '../candidates/CreateFromCandidate'

/** The input that shows a field's error and takes focus for it. */
const FOCUS_ID: Record<CreateField, string> = {
  templateId: 'new-template',
  position: 'new-position',
  candidateName: 'new-name',
  candidateEmail: 'new-email',
  startsAt: 'new-when-date',
  timeZone: 'new-when-zone',
  durationMinutes: 'new-duration',
  campaign: 'new-campaign',
  takehomeId: 'new-takehome',
}

function tomorrowAtTen(zone: string): { date: string; time: string } {
  const { date } = instantToWall(new Date(Date.now() + 24 * 3600 * 1000), zone)
  return { date, time: '10:00' }
}

export function CreateInterviewPage({
  templateId,
  candidateId,
}: {
  templateId?: string | undefined
  /** Prefills the candidate (Create Live Room on their profile) and offers their take-home results. */
  candidateId?: string | undefined
}) {
  const data = useAsync(async (signal) => {
    const [templates, settings, candidate] = await Promise.all([
      listTemplates(signal),
      getSettings(signal),
      candidateId ? loadCandidate(candidateId, signal) : Promise.resolve(undefined),
    ])
    return { templates, settings, candidate }
  }, [candidateId])

  if (data.error !== undefined)
    return (
      <>
        <PageHeader title="Interview setup" />
        <LoadError error={data.error} onRetry={data.reload} what="the templates" />
      </>
    )
  if (!data.data)
    return (
      <>
        <PageHeader title="Interview setup" />
        <Skeleton lines={10} label="Loading interview setup" />
      </>
    )
  const zone = defaultTimeZone(data.data.settings.defaultTimeZone)
  return (
    <CreateInterviewForm templates={data.data.templates} templateId={templateId} zone={zone} candidate={data.data.candidate} />
  )
}

function CreateInterviewForm({
  templates,
  templateId,
  zone,
  candidate,
}: {
  templates: TemplateSummary[]
  templateId?: string | undefined
  zone: string
  candidate?: CandidateChoice | undefined
}) {
  const initialTemplate = templates.find((t) => t.id === templateId)
  const [form, setForm] = useState<CreateForm>(() => ({
    templateId: initialTemplate?.id ?? '',
    position: candidate?.position ?? '',
    candidateName: candidate?.name ?? '',
    candidateEmail: candidate?.email ?? '',
    takehomeId: candidate?.results[0]?.id ?? '',
    when: 'later',
    ...tomorrowAtTen(zone),
    timeZone: zone,
    durationMinutes: initialTemplate ? String(initialTemplate.durationMinutes) : '60',
    campaign: '',
  }))
  const fieldErrors = useFieldErrors<CreateField>((errs) => {
    const f = firstInvalid(CREATE_FIELDS, errs)
    return document.getElementById(f ? FOCUS_ID[f] : 'create-summary')
  })
  const { errors, message: summary, clear } = fieldErrors
  const { saving, submit: save } = useSaveForm(fieldErrors)
  const [previewing, setPreviewing] = useState(false)
  const toast = useToast()

  const selected = useMemo(() => templates.find((t) => t.id === form.templateId), [templates, form.templateId])

  const set = (patch: Partial<CreateForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    // Clear the message of a field once it is edited.
    const touched = Object.keys(patch).map((k) =>
      k === 'date' || k === 'time' ? 'startsAt' : k === 'when' ? 'startsAt' : k,
    ) as CreateField[]
    clear(...touched)
  }

  // The messages stay while it is sent: the saved interview opens in their place.
  const submit = () =>
    save({
      check: () => validateCreate(form, new Date()),
      checkMessage: 'Check the highlighted fields.',
      send: () => createInterview(toNewInterview(form)),
      onSaved: (iv) => {
        toast({ tone: 'success', message: `Interview with ${iv.candidate.name} saved.` })
        navigate(href('interviews', iv.id))
      },
      field: among(CREATE_FIELDS),
      summary: true,
      keepMessages: true,
    })

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <PageHeader title="Interview setup">
        <p className="page-subtitle">Fields marked * are required.</p>
      </PageHeader>

      {summary && (
        <div id="create-summary" className="panel panel-error" role="alert" tabIndex={-1}>
          <p className="panel-title">{summary}</p>
        </div>
      )}

      <section className="editor-section" aria-labelledby="setup-template">
        <h2 id="setup-template" className="section-title">
          Template
        </h2>
        <Field id="new-template" label="Interview template" required error={errors.templateId}>
          <select
            className="input"
            value={form.templateId}
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value)
              set({ templateId: e.target.value, ...(t ? { durationMinutes: String(t.durationMinutes) } : {}) })
            }}
          >
            <option value="">Choose a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.specialization ? ` — ${t.specialization}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <div className="template-summary">
          <p className="field-hint">
            {selected
              ? `${kindLabel(selected)} · ${selected.topicCount} ${selected.topicCount === 1 ? 'topic' : 'topics'} · ${formatDuration(selected.durationMinutes)}`
              : 'Choose a template to see what it holds.'}
          </p>
          {selected && (
            <button type="button" className="btn btn-small" onClick={() => setPreviewing(true)}>
              Preview template
            </button>
          )}
        </div>
        {previewing && selected && (
          <TemplatePreviewDialog
            templateId={selected.id}
            onClose={() => setPreviewing(false)}
            onUse={() => {
              setPreviewing(false)
              // The template is chosen; the candidate comes next.
              window.requestAnimationFrame(() => document.getElementById('new-position')?.focus())
            }}
          />
        )}
      </section>

      <section className="editor-section" aria-labelledby="setup-candidate">
        <h2 id="setup-candidate" className="section-title">
          Candidate
        </h2>
        <div className="form-grid">
          <Field id="new-position" label="Position" required error={errors.position} className="span-2">
            <input
              className="input"
              autoComplete="off"
              value={form.position}
              onChange={(e) => set({ position: e.target.value })}
            />
          </Field>
          <Field id="new-name" label="Candidate name" required error={errors.candidateName}>
            <input
              className="input"
              autoComplete="off"
              value={form.candidateName}
              onChange={(e) => set({ candidateName: e.target.value })}
            />
          </Field>
          <Field id="new-email" label="Candidate email" required error={errors.candidateEmail}>
            <input
              className="input"
              type="email"
              autoComplete="off"
              value={form.candidateEmail}
              onChange={(e) => set({ candidateEmail: e.target.value })}
            />
          </Field>
        </div>
      </section>

      {candidate && candidate.results.length > 0 && (
        <TakehomeChoice
          results={candidate.results}
          value={form.takehomeId ?? ''}
          error={errors.takehomeId}
          onChange={(takehomeId) => set({ takehomeId })}
        />
      )}

      <section className="editor-section" aria-labelledby="setup-when">
        <h2 id="setup-when" className="section-title">
          Date and time
        </h2>
        <fieldset className="radio-group">
          <legend className="visually-hidden">When</legend>
          <label className="radio">
            <input type="radio" name="when" value="now" checked={form.when === 'now'} onChange={() => set({ when: 'now' })} />
            <span>Conduct the interview right now</span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name="when"
              value="later"
              checked={form.when === 'later'}
              onChange={() => set({ when: 'later' })}
            />
            <span>Conduct the interview later</span>
          </label>
        </fieldset>
        <div hidden={form.when !== 'later'}>
          <WhenFields
            idPrefix="new-when"
            date={form.date}
            time={form.time}
            timeZone={form.timeZone}
            startError={errors.startsAt}
            zoneError={errors.timeZone}
            onChange={(p) => set(p)}
          />
        </div>
      </section>

      <section className="editor-section" aria-labelledby="setup-options">
        <h2 id="setup-options" className="section-title">
          Options
        </h2>
        <div className="form-grid">
          <Field id="new-duration" label="Duration (minutes)" error={errors.durationMinutes} hint={DURATION_HINT}>
            <input
              className="input input-narrow"
              type="number"
              inputMode="numeric"
              min={DURATION.min}
              max={DURATION.max}
              step={5}
              value={form.durationMinutes}
              onChange={(e) => set({ durationMinutes: e.target.value })}
            />
          </Field>
          <Field id="new-campaign" label="Campaign" error={errors.campaign} hint="Optional. Groups interviews of one hiring campaign.">
            <input className="input" value={form.campaign} onChange={(e) => set({ campaign: e.target.value })} />
          </Field>
        </div>
      </section>

      <div className="form-footer">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save interview'}
        </button>
        <a className="btn" href={selected ? '#/templates' : '#/interviews'}>
          Cancel
        </a>
      </div>
    </form>
  )
}
