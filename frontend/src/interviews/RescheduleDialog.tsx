import { useState } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { rescheduleInterview } from '../api/interviews'
import type { Interview } from '../api/types'
import { instantToWall, isValidTimeZone, joinWall } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { MESSAGES, validateStart } from './validation'
import { WhenFields } from './WhenFields'

type Props = { interview: Interview; onClose: () => void; onDone: (iv: Interview) => void }

export function RescheduleDialog({ interview, onClose, onDone }: Props) {
  const [form, setForm] = useState(() => ({
    ...instantToWall(interview.startsAt, interview.timeZone),
    timeZone: interview.timeZone,
  }))
  const [errors, setErrors] = useState<{ startsAt?: string; timeZone?: string; other?: string }>({})
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const next: typeof errors = {}
    if (!isValidTimeZone(form.timeZone)) next.timeZone = MESSAGES.timeZone
    const start = validateStart(form.date, form.time, form.timeZone, new Date())
    if (start) next.startsAt = start
    setErrors(next)
    if (Object.keys(next).length > 0) {
      document.getElementById(next.startsAt ? 'reschedule-date' : 'reschedule-zone')?.focus()
      return
    }
    setSaving(true)
    try {
      onDone(await rescheduleInterview(interview.id, joinWall(form.date, form.time), form.timeZone))
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        const f: typeof errors = {}
        if (e.fields.startsAt) f.startsAt = e.fields.startsAt
        if (e.fields.timeZone) f.timeZone = e.fields.timeZone
        if (!f.startsAt && !f.timeZone) f.other = e.message
        setErrors(f)
        document.getElementById(f.startsAt ? 'reschedule-date' : 'reschedule-zone')?.focus()
      } else {
        setErrors({ other: errorMessage(e) })
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog
      title="Change date"
      description={`Move the interview with ${interview.candidate.name} to a new date and time.`}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save new date'}
          </button>
        </>
      }
    >
      {errors.other && (
        <p className="field-error" role="alert">
          {errors.other}
        </p>
      )}
      <WhenFields
        idPrefix="reschedule"
        date={form.date}
        time={form.time}
        timeZone={form.timeZone}
        startError={errors.startsAt}
        zoneError={errors.timeZone}
        onChange={(p) => setForm((f) => ({ ...f, ...p }))}
      />
    </Dialog>
  )
}
