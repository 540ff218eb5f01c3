import { useMemo } from 'react'
import { Field } from '../ui/Field'
import { browserTimeZone, formatDateTime, joinWall, timeZones, wallTimeToInstant } from '../platform/time'

type Props = {
  idPrefix: string
  date: string
  time: string
  timeZone: string
  onChange: (patch: { date?: string; time?: string; timeZone?: string }) => void
  startError?: string | undefined
  zoneError?: string | undefined
}

/** Date + time + time zone for a scheduled start, with a preview in the viewer's zone. */
export function WhenFields({ idPrefix, date, time, timeZone, onChange, startError, zoneError }: Props) {
  const zones = useMemo(() => {
    const all = timeZones()
    return all.includes(timeZone) || timeZone === '' ? all : [timeZone, ...all]
  }, [timeZone])
  const viewer = browserTimeZone()
  const at = date && time ? wallTimeToInstant(joinWall(date, time), timeZone) : undefined
  const errorId = `${idPrefix}-start-error`
  return (
    <div className="when-fields">
      <div className="form-row">
        <div className={`field${startError ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={`${idPrefix}-date`}>
            Date
            <span className="field-required" aria-hidden="true">
              {' '}*
            </span>
          </label>
          <input
            id={`${idPrefix}-date`}
            className="input"
            type="date"
            placeholder="YYYY-MM-DD"
            value={date}
            aria-required
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? errorId : undefined}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        </div>
        <div className={`field${startError ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={`${idPrefix}-time`}>
            Time
            <span className="field-required" aria-hidden="true">
              {' '}*
            </span>
          </label>
          <input
            id={`${idPrefix}-time`}
            className="input"
            type="time"
            placeholder="HH:MM"
            step={300}
            value={time}
            aria-required
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? errorId : undefined}
            onChange={(e) => onChange({ time: e.target.value })}
          />
        </div>
        <Field id={`${idPrefix}-zone`} label="Time zone" required error={zoneError} className="field-grow">
          <select className="input" value={timeZone} onChange={(e) => onChange({ timeZone: e.target.value })}>
            {timeZone === '' && <option value="">Choose a time zone</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {startError ? (
        <p id={errorId} className="field-error">
          {startError}
        </p>
      ) : (
        <p className="field-hint when-preview">
          {at && viewer && viewer !== timeZone ? `Your time: ${formatDateTime(at.toISOString(), viewer)}` : '\u00a0'}
        </p>
      )}
    </div>
  )
}
