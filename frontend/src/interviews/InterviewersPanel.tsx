import { useState } from 'react'
import { errorMessage } from '../api/client'
import { addInterviewer, removeInterviewer } from '../api/interviews'
import type { Interview } from '../api/types'
import { CollapsibleCard } from '../ui/Disclosure'
import { useToast } from '../ui/toasts'
import { Field } from '../ui/Field'
import { among, useFieldErrors } from '../ui/useFieldErrors'
import { validateInterviewer, type InterviewerField } from './validation'

type Props = { interview: Interview; readOnly: boolean; onChange: (iv: Interview) => void }

export function InterviewersPanel({ interview, readOnly, onChange }: Props) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const { errors, message: otherError, show, fail } = useFieldErrors<InterviewerField>((errs) =>
    errs.name || errs.email ? document.getElementById(errs.name ? 'interviewer-name' : 'interviewer-email') : null,
  )
  const [busy, setBusy] = useState(false)
  const toast = useToast()

  const add = async () => {
    const errs = validateInterviewer(name, email)
    show(errs)
    if (errs.name || errs.email) return
    setBusy(true)
    try {
      const iv = await addInterviewer(interview.id, name.trim(), email.trim())
      onChange(iv)
      toast({ tone: 'success', message: `Added ${name.trim()} as an interviewer.` })
      setName('')
      setEmail('')
      document.getElementById('interviewer-name')?.focus()
    } catch (e) {
      fail(e, among(['name', 'email']))
    } finally {
      setBusy(false)
    }
  }

  const remove = async (personName: string, personEmail: string) => {
    try {
      onChange(await removeInterviewer(interview.id, personEmail))
      toast({ tone: 'success', message: `Removed ${personName}.` })
      document.getElementById('interviewers-heading')?.focus()
    } catch (e) {
      toast({ tone: 'error', message: `Could not remove ${personName}: ${errorMessage(e)}` })
    }
  }

  return (
    <CollapsibleCard
      title="Interviewers"
      storageName="interview.interviewers"
      headingId="interviewers-heading"
      meta={`${interview.interviewers.length} ${interview.interviewers.length === 1 ? 'person' : 'people'}`}
    >
      <ul className="people" aria-label="Interviewer list">
        {interview.interviewers.map((p, i) => (
          <li key={p.email || `organizer-${i}`} className="person">
            <span className="avatar" aria-hidden="true">
              {initials(p.name)}
            </span>
            <span className="person-text">
              <span className="person-name">
                {p.name}
                {i === 0 && <span className="badge badge-muted">Organizer</span>}
              </span>
              {p.email ? (
                <span className="person-email">{p.email}</span>
              ) : (
                <span className="person-email">
                  No email address yet. <a href="#/settings">Add yours in Settings</a>.
                </span>
              )}
            </span>
            {i > 0 && !readOnly && (
              <button
                type="button"
                className="btn btn-small btn-ghost btn-ghost-danger"
                aria-label={`Remove ${p.name}`}
                onClick={() => remove(p.name, p.email)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="add-person"
          noValidate
          aria-label="Add interviewer"
          onSubmit={(e) => {
            e.preventDefault()
            void add()
          }}
        >
          <Field id="interviewer-name" label="Interviewer name" error={errors.name}>
            <input className="input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="interviewer-email" label="Interviewer email" error={errors.email}>
            <input
              className="input"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <button type="submit" className="btn" disabled={busy}>
            Add interviewer
          </button>
          {otherError && (
            <p className="field-error add-person-error" role="alert">
              {otherError}
            </p>
          )}
        </form>
      )}
    </CollapsibleCard>
  )
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters.map((p) => p?.[0]?.toUpperCase() ?? '').join('') || '?'
}
