import { useState } from 'react'
import { rescheduleInterview } from '../api/interviews'
import type { Interview } from '../api/types'
import { instantToWall, isValidTimeZone, joinWall } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { among, useFieldErrors, type FieldMessages } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import { MESSAGES, validateStart } from './validation'
import { WhenFields } from './WhenFields'

type WhenField = 'startsAt' | 'timeZone'
const WHEN_FIELDS: readonly WhenField[] = ['startsAt', 'timeZone']

type Props = { interview: Interview; onClose: () => void; onDone: (iv: Interview) => void }

export function RescheduleDialog({ interview, onClose, onDone }: Props) {
  const [form, setForm] = useState(() => ({
    ...instantToWall(interview.startsAt, interview.timeZone),
    timeZone: interview.timeZone,
  }))
  const fieldErrors = useFieldErrors<WhenField>((errs) =>
    errs.startsAt || errs.timeZone ? document.getElementById(errs.startsAt ? 'reschedule-date' : 'reschedule-zone') : null,
  )
  const { errors, message: otherError } = fieldErrors
  const { saving, submit: save } = useSaveForm(fieldErrors)

  const submit = () =>
    void save({
      check: () => {
        const next: FieldMessages<WhenField> = {}
        if (!isValidTimeZone(form.timeZone)) next.timeZone = MESSAGES.timeZone
        const start = validateStart(form.date, form.time, form.timeZone, new Date())
        if (start) next.startsAt = start
        return next
      },
      send: () => rescheduleInterview(interview.id, joinWall(form.date, form.time), form.timeZone),
      onSaved: onDone,
      field: among(WHEN_FIELDS),
    })

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
      {otherError && (
        <p className="field-error" role="alert">
          {otherError}
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
