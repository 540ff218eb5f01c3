import { useEffect, useRef } from 'react'
import type { Person, Settings } from '../api/types'
import { Field } from '../ui/Field'
import { useOrganizerForm } from '../settings/useOrganizerForm'
import { TeamHostOffer } from '../teamhost'
import './setup.css'

/**
 * The first launch's "Enter your details": who the console belongs to. Candidates
 * see the name as their interviewer's and calendar invitations come from the
 * email, so nothing else opens before both are entered.
 */
export function SetupScreen({ organizer, onDone }: { organizer: Person; onDone: (s: Settings) => void }) {
  const form = useOrganizerForm(organizer, 'setup')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const submit = async () => {
    const saved = await form.save()
    if (saved) onDone(saved)
  }

  return (
    <main id="main" className="setup" aria-labelledby="setup-heading">
      <div className="card setup-card">
        <p className="wordmark setup-wordmark">
          <span className="wordmark-mark" aria-hidden="true">
            ID
          </span>
          <span className="wordmark-text">InterviewDesk</span>
        </p>
        <h1 id="setup-heading" className="page-title" tabIndex={-1} ref={heading}>
          Enter your details
        </h1>
        <p className="setup-lead">
          Candidates see your name as their interviewer, and calendar invitations come from your email. You can change
          both later in Settings.
        </p>
        <form
          className="setup-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          {form.message && (
            <p className="field-error" role="alert">
              {form.message}
            </p>
          )}
          <Field id="setup-name" label="Your name" required error={form.errors.name}>
            <input
              className="input"
              value={form.name}
              autoComplete="name"
              onChange={(e) => form.setName(e.target.value)}
            />
          </Field>
          <Field id="setup-email" label="Your email" required error={form.errors.email}>
            <input
              className="input"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={(e) => form.setEmail(e.target.value)}
            />
          </Field>
          <div className="card-actions">
            <button type="submit" className="btn btn-primary" disabled={form.saving}>
              {form.saving ? 'Saving…' : 'Next'}
            </button>
          </div>
        </form>
        <TeamHostOffer />
      </div>
    </main>
  )
}
