// Create or edit a campaign: what it is for (name, position, template,
// interviewers), when candidates can come (slots from a generator such as
// "weekdays 10:00–16:00, 45 min", previewed by the host before saving, or
// "interview now"), and its rules (deadline, maximum, candidates' changes).

import { useEffect, useMemo, useRef, useState } from 'react'
import { createCampaign, getCampaign, previewSlots, updateCampaign, type CampaignSlot } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { getSettings } from '../api/settings'
import { listTemplates } from '../api/templates'
import type { TemplateSummary } from '../api/types'
import { href, navigate, setBlocker } from '../app/router'
import { defaultTimeZone, timeZones } from '../platform/time'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { useFieldErrors } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import {
  fieldOf,
  FORM_FIELDS,
  formOf,
  generatorSummary,
  inputOf,
  newForm,
  WEEKDAYS,
  type CampaignForm,
  type FormField,
  type Generator,
} from './form'
import { SlotDays } from './SlotDays'
import './campaigns.css'

const FOCUS: Record<FormField, string> = {
  name: 'campaign-name',
  position: 'campaign-position',
  templateId: 'campaign-template',
  interviewers: 'campaign-interviewer-0-name',
  timeZone: 'campaign-zone',
  mode: 'campaign-mode-slots',
  rules: 'campaign-from',
  slots: 'campaign-preview',
  deadline: 'campaign-deadline',
  maxCandidates: 'campaign-max',
  changeHours: 'campaign-change-hours',
}

export function CampaignFormPage({ id }: { id?: string | undefined }) {
  const data = useAsync(
    async (signal) => {
      const [templates, settings, view] = await Promise.all([
        listTemplates(signal),
        getSettings(signal),
        id ? getCampaign(id, signal) : Promise.resolve(undefined),
      ])
      return { templates, zone: defaultTimeZone(settings.defaultTimeZone), view }
    },
    [id],
  )
  const title = id ? 'Edit campaign' : 'Create campaign'
  if (data.error !== undefined)
    return (
      <>
        <PageHeader title={title} />
        <LoadError error={data.error} onRetry={data.reload} what={id ? 'the campaign' : 'the templates'} />
      </>
    )
  if (!data.data)
    return (
      <>
        <PageHeader title={title} />
        <Skeleton lines={8} label="Loading the form" />
      </>
    )
  const { templates, zone, view } = data.data
  const initial = view ? formOf(view.campaign) : newForm(zone, templates[0]?.id ?? '')
  return <CampaignFormBody id={id} title={title} templates={templates} initial={initial} />
}

type BodyProps = { id: string | undefined; title: string; templates: TemplateSummary[]; initial: CampaignForm }

function CampaignFormBody({ id, title, templates, initial }: BodyProps) {
  const [form, setForm] = useState(initial)
  const [preview, setPreview] = useState<{ slots: CampaignSlot[]; for: string } | { error: string; for: string }>()
  const [previewing, setPreviewing] = useState(false)
  const toast = useToast()
  const dirty = useRef(false)
  const fieldErrors = useFieldErrors<FormField>((errs) => {
    const f = FORM_FIELDS.find((k) => errs[k] !== undefined)
    return document.getElementById(f ? FOCUS[f] : 'campaign-summary')
  })
  const { errors, message, clear, fail } = fieldErrors
  const { saving, submit } = useSaveForm(fieldErrors)
  useEffect(() => setBlocker(() => dirty.current), [])

  const zones = useMemo(() => {
    const all = timeZones()
    return all.includes(form.timeZone) ? all : [form.timeZone, ...all]
  }, [form.timeZone])
  const input = inputOf(form)
  const inputKey = JSON.stringify(input)

  const set = (patch: Partial<CampaignForm>, ...fields: FormField[]) => {
    dirty.current = true
    setForm((f) => ({ ...f, ...patch }))
    clear(...fields)
  }
  const setGen = (patch: Partial<Generator>) => set({ generator: { ...form.generator, ...patch } }, 'rules', 'slots')

  const runPreview = async () => {
    setPreviewing(true)
    try {
      const slots = await previewSlots(input)
      setPreview({ slots, for: inputKey })
      clear('rules', 'slots')
    } catch (e) {
      setPreview({ error: errorMessage(e), for: inputKey })
      fail(e, fieldOf)
    } finally {
      setPreviewing(false)
    }
  }

  const save = () =>
    submit({
      send: () => (id ? updateCampaign(id, input) : createCampaign(input)),
      onSaved: (v) => {
        dirty.current = false
        toast({ message: id ? `${v.campaign.name} saved.` : `${v.campaign.name} created. Share its link.`, tone: 'success' })
        navigate(href('campaigns', v.campaign.id))
      },
      field: fieldOf,
      summary: true,
    })

  const currentPreview = preview && preview.for === inputKey ? preview : undefined
  return (
    <>
      <PageHeader title={title}>
        <p className="page-subtitle">
          <a href={id ? href('campaigns', id) : '#/campaigns'}>{id ? 'Back to the campaign' : 'Back to campaigns'}</a>
        </p>
      </PageHeader>
      <form
        className="campaign-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {message && (
          <div id="campaign-summary" className="banner banner-danger" role="alert" tabIndex={-1}>
            <p className="banner-title">The campaign is not saved</p>
            <p>{message}</p>
          </div>
        )}
        <section className="editor-section" aria-labelledby="campaign-what">
          <h2 id="campaign-what" className="section-title">
            The campaign
          </h2>
          <div className="form-row">
            <Field id="campaign-name" label="Name" required error={errors.name} hint="Only you see it, e.g. “Backend — spring hiring”." className="field-grow">
              <input className="input" value={form.name} onChange={(e) => set({ name: e.target.value }, 'name')} />
            </Field>
            <Field id="campaign-position" label="Position" required error={errors.position} hint="Candidates see it." className="field-grow">
              <input className="input" value={form.position} onChange={(e) => set({ position: e.target.value }, 'position')} />
            </Field>
          </div>
          <div className="form-row">
            <Field id="campaign-template" label="Interview template" required error={errors.templateId} className="field-grow">
              <select className="input" value={form.templateId} onChange={(e) => set({ templateId: e.target.value }, 'templateId')}>
                {form.templateId === '' && <option value="">Choose a template</option>}
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} · {t.durationMinutes} min
                  </option>
                ))}
              </select>
            </Field>
            <Field id="campaign-zone" label="Time zone" required error={errors.timeZone} hint="Slots and the deadline are in this zone; candidates see their own." className="field-grow">
              <select className="input" value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value }, 'timeZone', 'rules')}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Interviewers people={form.interviewers} error={errors.interviewers} onChange={(interviewers) => set({ interviewers }, 'interviewers')} />
        </section>

        <section className="editor-section" aria-labelledby="campaign-when">
          <h2 id="campaign-when" className="section-title">
            When candidates come
          </h2>
          <fieldset className="radio-group" aria-describedby={errors.mode ? 'campaign-mode-error' : undefined}>
            <legend className="field-label">Mode</legend>
            <label className="radio">
              <input id="campaign-mode-slots" type="radio" name="mode" checked={form.mode === 'slots'} onChange={() => set({ mode: 'slots' }, 'mode')} />
              Slots — candidates pick a time
            </label>
            <label className="radio">
              <input type="radio" name="mode" checked={form.mode === 'now'} onChange={() => set({ mode: 'now' }, 'mode')} />
              Interview now — candidates join at once
            </label>
          </fieldset>
          {errors.mode && (
            <p id="campaign-mode-error" className="field-error">
              {errors.mode}
            </p>
          )}
          {form.mode === 'slots' ? (
            <SlotFields
              form={form}
              setGen={setGen}
              onGenerate={(generate) => set({ generate }, 'rules', 'slots')}
              onDropKept={() => set({ kept: form.kept.filter((s) => s.booked > 0) }, 'slots')}
              errors={errors}
            />
          ) : (
            <Field id="campaign-minutes" label="Interview length (minutes)" hint="Each candidate's room is planned for this long.">
              <input className="input input-narrow" inputMode="numeric" value={form.generator.minutes} onChange={(e) => setGen({ minutes: e.target.value })} />
            </Field>
          )}
          {form.mode === 'slots' && (
            <div className="slot-preview">
              <div className="slot-preview-head">
                <button id="campaign-preview" type="button" className="btn" onClick={runPreview} disabled={previewing} aria-describedby={errors.slots ? 'campaign-slots-error' : undefined}>
                  {previewing ? 'Making the slots…' : 'Preview slots'}
                </button>
                <span className="muted">{form.generate ? generatorSummary(form.generator) : 'The slots the campaign has'}</span>
              </div>
              {errors.slots && (
                <p id="campaign-slots-error" className="field-error">
                  {errors.slots}
                </p>
              )}
              <div role="status" aria-live="polite">
                {currentPreview && 'error' in currentPreview && <p className="field-error">Could not make the slots: {currentPreview.error}</p>}
                {currentPreview && 'slots' in currentPreview && (
                  <>
                    <p>
                      {currentPreview.slots.length} {currentPreview.slots.length === 1 ? 'slot' : 'slots'},{' '}
                      {currentPreview.slots.reduce((n, s) => n + s.capacity, 0)} seats in all.
                    </p>
                    <SlotDays slots={currentPreview.slots} zone={form.timeZone} label="Preview of the slots by day" />
                  </>
                )}
                {preview && !currentPreview && <p className="muted">The form changed since the preview; preview again to see the slots.</p>}
              </div>
            </div>
          )}
        </section>

        <section className="editor-section" aria-labelledby="campaign-rules">
          <h2 id="campaign-rules" className="section-title">
            Rules
          </h2>
          <div className="form-row">
            <Field id="campaign-deadline" label="Registration deadline" error={errors.deadline} hint="Optional; in the campaign's time zone." className="field-grow">
              <input className="input" type="datetime-local" value={form.deadline} onChange={(e) => set({ deadline: e.target.value }, 'deadline')} />
            </Field>
            <Field id="campaign-max" label="Maximum candidates" error={errors.maxCandidates} hint="Empty for no limit." className="field-grow">
              <input className="input input-narrow" inputMode="numeric" value={form.maxCandidates} onChange={(e) => set({ maxCandidates: e.target.value }, 'maxCandidates')} />
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={form.candidateChanges} onChange={(e) => set({ candidateChanges: e.target.checked }, 'changeHours')} />
            Candidates may change or cancel their time from their own link
          </label>
          {form.candidateChanges && (
            <Field id="campaign-change-hours" label="Until how many hours before the start" error={errors.changeHours} hint="0 lets them change up to the start.">
              <input className="input input-narrow" inputMode="numeric" value={form.changeHours} onChange={(e) => set({ changeHours: e.target.value }, 'changeHours')} />
            </Field>
          )}
        </section>

        <div className="form-footer">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : id ? 'Save campaign' : 'Create campaign'}
          </button>
          <a className="btn" href={id ? href('campaigns', id) : '#/campaigns'}>
            Cancel
          </a>
        </div>
      </form>
    </>
  )
}

type SlotFieldsProps = {
  form: CampaignForm
  setGen: (patch: Partial<Generator>) => void
  onGenerate: (on: boolean) => void
  onDropKept: () => void
  errors: Partial<Record<FormField, string>>
}

function SlotFields({ form, setGen, onGenerate, onDropKept, errors }: SlotFieldsProps) {
  const g = form.generator
  const booked = form.kept.filter((s) => s.booked > 0).length
  return (
    <>
      {form.kept.length > 0 && (
        <div className="kept-slots">
          <p>
            The campaign has {form.kept.length} {form.kept.length === 1 ? 'slot' : 'slots'}; they stay.
            {booked > 0 && ` ${booked} with bookings always stay.`}
          </p>
          {form.kept.length > booked && (
            <button type="button" className="btn btn-small" onClick={onDropKept}>
              Remove the unbooked slots
            </button>
          )}
        </div>
      )}
      {form.kept.length > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={form.generate} onChange={(e) => onGenerate(e.target.checked)} />
          Add slots with the generator
        </label>
      )}
      {form.generate && (
        <fieldset className="slot-generator" aria-describedby={errors.rules ? 'campaign-rules-error' : undefined}>
          <legend className="field-label">Slot generator</legend>
          <div className="form-row">
            <Field id="campaign-from" label="First day">
              <input className="input" type="date" value={g.from} onChange={(e) => setGen({ from: e.target.value })} />
            </Field>
            <Field id="campaign-to" label="Last day">
              <input className="input" type="date" value={g.to} onChange={(e) => setGen({ to: e.target.value })} />
            </Field>
            <Field id="campaign-start" label="From">
              <input className="input" type="time" step={300} value={g.start} onChange={(e) => setGen({ start: e.target.value })} />
            </Field>
            <Field id="campaign-end" label="To">
              <input className="input" type="time" step={300} value={g.end} onChange={(e) => setGen({ end: e.target.value })} />
            </Field>
            <Field id="campaign-minutes" label="Minutes each">
              <input className="input input-narrow" inputMode="numeric" value={g.minutes} onChange={(e) => setGen({ minutes: e.target.value })} />
            </Field>
            <Field id="campaign-capacity" label="Seats per slot">
              <input className="input input-narrow" inputMode="numeric" value={g.capacity} onChange={(e) => setGen({ capacity: e.target.value })} />
            </Field>
          </div>
          <fieldset className="weekday-picker">
            <legend className="field-label">Days</legend>
            {WEEKDAYS.map((w) => (
              <label key={w.day} className="weekday">
                <input
                  type="checkbox"
                  checked={g.weekdays.includes(w.day)}
                  onChange={(e) =>
                    setGen({ weekdays: e.target.checked ? [...g.weekdays, w.day] : g.weekdays.filter((d) => d !== w.day) })
                  }
                />
                <span aria-hidden="true">{w.short}</span>
                <span className="visually-hidden">{w.long}</span>
              </label>
            ))}
          </fieldset>
          {errors.rules && (
            <p id="campaign-rules-error" className="field-error">
              {errors.rules}
            </p>
          )}
        </fieldset>
      )}
    </>
  )
}

function Interviewers({ people, error, onChange }: { people: { name: string; email: string }[]; error: string | undefined; onChange: (p: { name: string; email: string }[]) => void }) {
  const put = (i: number, patch: Partial<{ name: string; email: string }>) =>
    onChange(people.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <fieldset className="campaign-interviewers">
      <legend className="field-label">Interviewers</legend>
      <p className="field-hint">You are the organizer of every interview; add who else joins them.</p>
      {people.map((p, i) => (
        <div key={i} className="form-row interviewer-row">
          <Field id={`campaign-interviewer-${i}-name`} label={`Interviewer ${i + 1} name`}>
            <input className="input" value={p.name} onChange={(e) => put(i, { name: e.target.value })} />
          </Field>
          <Field id={`campaign-interviewer-${i}-email`} label={`Interviewer ${i + 1} email`}>
            <input className="input" type="email" value={p.email} onChange={(e) => put(i, { email: e.target.value })} />
          </Field>
          <button type="button" className="btn btn-ghost-danger btn-small" aria-label={`Remove interviewer ${i + 1}`} onClick={() => onChange(people.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      <button type="button" className="btn btn-small" onClick={() => onChange([...people, { name: '', email: '' }])}>
        Add interviewer
      </button>
    </fieldset>
  )
}
