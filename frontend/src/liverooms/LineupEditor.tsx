import { useState, type KeyboardEvent } from 'react'
import type { Person } from '../api/types'
import type { FieldErrors, InterviewerField } from '../interviews/validation'
import { Field } from '../ui/Field'
import { addTo, offered, toggleRemove, type Lineup } from './lineup'

type Props = {
  lineup: Lineup
  onChange: (l: Lineup) => void
  /** People who interviewed before, for the drop-down. */
  known: readonly Person[]
  candidateEmail: string
  /** Prefix of the controls' ids (two editors never share a page, but a dialog and a page may). */
  idPrefix: string
  disabled?: boolean
}

const personLabel = (p: Person) => `${p.name} — ${p.email}`

/**
 * The interviewer list: who is in the room, a drop-down of known interviewers
 * and fields to type someone new. Changes stay pending until the dialog saves.
 */
export function LineupEditor({ lineup, onChange, known, candidateEmail, idPrefix, disabled = false }: Props) {
  const options = offered(known, lineup, candidateEmail)
  const [picked, setPicked] = useState('')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [typedErrors, setTypedErrors] = useState<FieldErrors<InterviewerField>>({})
  const [pickError, setPickError] = useState<string>()
  const choice = options.find((p) => p.email === picked) ?? options[0]

  const addKnown = () => {
    if (!choice) return
    const r = addTo(lineup, choice, candidateEmail)
    if ('errors' in r) return setPickError(r.errors.email ?? r.errors.name)
    setPickError(undefined)
    setPicked('')
    onChange(r.lineup)
  }

  const addTyped = () => {
    const r = addTo(lineup, { name, email }, candidateEmail)
    if ('errors' in r) {
      setTypedErrors(r.errors)
      document.getElementById(`${idPrefix}-${r.errors.name ? 'name' : 'email'}`)?.focus()
      return
    }
    setTypedErrors({})
    setName('')
    setEmail('')
    onChange(r.lineup)
    document.getElementById(`${idPrefix}-name`)?.focus()
  }

  // Enter in a typed field adds the person instead of saving the dialog.
  const enterAdds = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    addTyped()
  }

  return (
    <div className="lineup">
      <ul className="people" aria-label="Interviewer list">
        {lineup.map((p) => (
          <li key={p.email || 'organizer'} className={`person${p.change === 'removed' ? ' lineup-removed' : ''}`}>
            <span className="person-text">
              <span className="person-name">
                {p.name}
                {p.organizer && <span className="badge badge-muted">Organizer</span>}
                {p.change === 'added' && <span className="badge badge-accent">Added</span>}
                {p.change === 'removed' && <span className="badge badge-danger">Removed</span>}
              </span>
              <span className="person-email">{p.email || 'No email address yet'}</span>
            </span>
            {!p.organizer && (
              <button
                type="button"
                className={`btn btn-small btn-ghost${p.change === 'removed' ? '' : ' btn-ghost-danger'}`}
                aria-label={p.change === 'removed' ? `Keep ${p.name}` : `Remove ${p.name}`}
                disabled={disabled}
                onClick={() => onChange(toggleRemove(lineup, p.email))}
              >
                {p.change === 'removed' ? 'Keep' : 'Remove'}
              </button>
            )}
          </li>
        ))}
      </ul>

      <div className="lineup-add">
        <Field
          id={`${idPrefix}-known`}
          label="Known interviewers"
          error={pickError}
          hint={options.length === 0 ? 'Everyone who interviewed before is in this room.' : undefined}
        >
          <select
            className="input"
            value={choice?.email ?? ''}
            disabled={disabled || options.length === 0}
            onChange={(e) => {
              setPicked(e.target.value)
              setPickError(undefined)
            }}
          >
            {options.length === 0 && <option value="">No one else yet</option>}
            {options.map((p) => (
              <option key={p.email} value={p.email}>
                {personLabel(p)}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="btn" disabled={disabled || !choice} onClick={addKnown}>
          Add to room
        </button>
      </div>

      <div className="lineup-add lineup-typed" role="group" aria-label="Someone new">
        <Field id={`${idPrefix}-name`} label="Interviewer name" error={typedErrors.name}>
          <input
            className="input"
            autoComplete="off"
            value={name}
            disabled={disabled}
            onKeyDown={enterAdds}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id={`${idPrefix}-email`} label="Interviewer email" error={typedErrors.email}>
          <input
            className="input"
            type="email"
            autoComplete="off"
            value={email}
            disabled={disabled}
            onKeyDown={enterAdds}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <button type="button" className="btn" disabled={disabled} onClick={addTyped}>
          Add interviewer
        </button>
      </div>
    </div>
  )
}
