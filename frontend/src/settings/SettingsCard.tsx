import type { ReactNode } from 'react'

type Props = {
  /** id of the card's heading, which names the section. */
  headingId: string
  title: string
  /** Whether the feature is set up, and how to say so. */
  configured: boolean
  status: { on: string; off: string }
  hint: ReactNode
  /** The form's accessible name. */
  formLabel: string
  /** The save's message no field shows. */
  otherError: string | undefined
  /** The form's fields, laid out in a grid. */
  children: ReactNode
  saveLabel: string
  saving: boolean
  changed: boolean
  onSave: () => void
  onDiscard: () => void
  /** What follows the form, e.g. a test of the saved settings. */
  after?: ReactNode
}

/**
 * One section of Settings for a part that may be set up or not (email, the
 * code runner): its status, what it is for, a form saved as a whole, and
 * whatever comes after it.
 */
export function SettingsCard(p: Props) {
  return (
    <section className="card settings-card" aria-labelledby={p.headingId}>
      <div className="card-head">
        <h2 id={p.headingId} className="card-title">
          {p.title}
        </h2>
        <p className={`mail-status ${p.configured ? 'mail-status-on' : 'mail-status-off'}`} role="status">
          <span aria-hidden="true">{p.configured ? '●' : '○'}</span> {p.configured ? p.status.on : p.status.off}
        </p>
      </div>
      <p className="section-hint">{p.hint}</p>
      <form
        className="mail-form"
        noValidate
        aria-label={p.formLabel}
        onSubmit={(e) => {
          e.preventDefault()
          p.onSave()
        }}
      >
        {p.otherError && (
          <p className="field-error" role="alert">
            {p.otherError}
          </p>
        )}
        <div className="form-grid">{p.children}</div>
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={!p.changed || p.saving}>
            {p.saving ? 'Saving…' : p.saveLabel}
          </button>
          {p.changed && (
            <button type="button" className="btn btn-ghost" onClick={p.onDiscard}>
              Discard changes
            </button>
          )}
        </div>
      </form>
      {p.after}
    </section>
  )
}
