// Settings → Privacy: how long recordings and interview data are kept, and
// applying that now after a preview of what goes.
import { useEffect, useState } from 'react'
import { errorMessage } from '../api/client'
import { RETENTION_DEFAULT } from '../api/contract.gen'
import { applyRetention, getRetention, previewRetention, saveRetention, type RetentionPlan, type RetentionSettings as RetentionSettingsForm } from '../api/privacy'
import { formatDate, formatDateTime } from '../platform/time'
import { planWords } from '../privacy/words'
import { Dialog } from '../ui/Dialog'
import { LoadError, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { useFieldErrors } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'

type RetentionField = 'recordingsDays' | 'interviewDataDays'

const RECORDING_CHOICES = [30, 60, 90, 180, 365, 0]
const DATA_CHOICES = [180, 365, 730, 1095, 1825, 0]

/** "90 days", "2 years", "Until deleted". */
export function periodLabel(days: number): string {
  if (days === 0) return 'Until deleted by hand'
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`
  return `${days} days`
}

const choicesWith = (choices: number[], current: number) => (choices.includes(current) ? choices : [...choices, current].sort((a, b) => (a || 1e9) - (b || 1e9)))

/** The retention card; onApplied hears of each run made here. */
export function RetentionSettings({ onApplied }: { onApplied: () => void }) {
  const data = useAsync((signal) => getRetention(signal), [])
  const [form, setForm] = useState<RetentionSettingsForm>({ ...RETENTION_DEFAULT })
  const fieldErrors = useFieldErrors<RetentionField>(() => null)
  const { errors, message: otherError } = fieldErrors
  const { saving, submit } = useSaveForm(fieldErrors)
  const [plan, setPlan] = useState<RetentionPlan | 'loading' | null>(null)
  const toast = useToast()

  useEffect(() => {
    if (data.data) setForm({ recordingsDays: data.data.recordingsDays, interviewDataDays: data.data.interviewDataDays })
  }, [data.data])

  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} what="the retention settings" />
  const saved = data.data
  if (!saved) return <Skeleton lines={4} label="Loading the retention settings" />
  const changed = form.recordingsDays !== saved.recordingsDays || form.interviewDataDays !== saved.interviewDataDays

  const save = () =>
    submit({
      send: () => saveRetention(form),
      onSaved: (s) => {
        data.setData(s)
        toast({ tone: 'success', message: 'Retention saved. The host applies it once a day.' })
      },
      field: (f) => (f === 'recordingsDays' || f === 'interviewDataDays' ? f : undefined),
    })

  const preview = async () => {
    setPlan('loading')
    try {
      setPlan(await previewRetention())
    } catch (e) {
      setPlan(null)
      toast({ tone: 'error', message: `Could not work out what is due: ${errorMessage(e)}` })
    }
  }

  const select = (field: RetentionField, choices: number[]) => (
    <select
      className="input"
      value={form[field]}
      onChange={(e) => setForm({ ...form, [field]: Number(e.target.value) })}
    >
      {choicesWith(choices, form[field]).map((d) => (
        <option key={d} value={d}>
          {periodLabel(d)}
        </option>
      ))}
    </select>
  )

  return (
    <section className="card settings-card" aria-labelledby="retention-heading">
      <h2 id="retention-heading" className="card-title">
        Retention
      </h2>
      <p className="section-hint">
        How long InterviewDesk keeps what it records, counted from each interview’s planned end. The host deletes what is older by
        itself when it starts and once a day, and keeps a log of it below.
        {saved.lastRunAt && ` Last applied ${formatDateTime(saved.lastRunAt)}.`}
      </p>
      <form
        noValidate
        aria-label="Retention periods"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {otherError && (
          <p className="field-error" role="alert">
            {otherError}
          </p>
        )}
        <div className="form-grid">
          <Field id="retention-recordings" label="Keep recordings" error={errors.recordingsDays} hint="The call’s video and audio. The transcript and analysis stay.">
            {select('recordingsDays', RECORDING_CHOICES)}
          </Field>
          <Field id="retention-data" label="Keep interview data" error={errors.interviewDataDays} hint="Everything of an interview: timeline, notes, code, analysis, emails, consent record; and a candidate’s profile once all of theirs has gone.">
            {select('interviewDataDays', DATA_CHOICES)}
          </Field>
        </div>
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save retention'}
          </button>
          <button type="button" className="btn" onClick={() => void preview()} disabled={changed || plan === 'loading'}>
            {plan === 'loading' ? 'Counting…' : 'Apply now…'}
          </button>
          {changed && <span className="field-hint">Save first, then apply.</span>}
        </div>
      </form>
      {plan && plan !== 'loading' && (
        <ApplyDialog
          plan={plan}
          onClose={() => setPlan(null)}
          onApplied={() => {
            setPlan(null)
            data.reload()
            onApplied()
          }}
        />
      )}
    </section>
  )
}

function ApplyDialog({ plan, onClose, onApplied }: { plan: RetentionPlan; onClose: () => void; onApplied: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const toast = useToast()
  const count = plan.items.length
  const apply = async () => {
    setBusy(true)
    setError('')
    try {
      const run = await applyRetention()
      toast({
        tone: run.skipped.length > 0 ? 'info' : 'success',
        message: `Retention applied: ${run.deleted.length} deleted${run.skipped.length > 0 ? `, ${run.skipped.length} skipped (see the log)` : ''}.`,
      })
      onApplied()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={count === 0 ? 'Nothing is due for deletion' : `Delete ${count} ${count === 1 ? 'item' : 'items'} now?`}
      description={
        count === 0
          ? 'Nothing is older than the retention periods. Applying records the run in the log.'
          : `${planWords(plan)}. This cannot be undone.`
      }
      size="wide"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className={count === 0 ? 'btn btn-primary' : 'btn btn-danger'} onClick={() => void apply()} disabled={busy}>
            {busy ? 'Applying…' : count === 0 ? 'Apply' : `Delete ${count} ${count === 1 ? 'item' : 'items'}`}
          </button>
        </>
      }
    >
      {count > 0 && (
        <table className="table">
          <caption className="visually-hidden">What applying retention now deletes</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Candidate</th>
              <th scope="col">Position</th>
              <th scope="col">Ended</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((it, i) => (
              <tr key={i}>
                <td>{WHAT_LABEL[it.what]}</td>
                <td>{it.candidate || '—'}</td>
                <td>{it.position || '—'}</td>
                <td>{it.endsAt ? formatDate(it.endsAt) : '—'}</td>
                <td>{it.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

export const WHAT_LABEL: Record<RetentionPlan['items'][number]['what'], string> = {
  interview: 'The interview',
  recordings: 'Its recordings',
  candidate: 'A candidate profile',
  leftover: 'Left-over files',
}
