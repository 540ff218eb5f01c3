import { useEffect, useState } from 'react'
import { getHealth, getSettings, saveSettings } from '../api/settings'
import { checkEmail } from '../validation/rules'
import { useToast } from '../ui/toasts'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useAsync } from '../ui/useAsync'
import { useFieldErrors, type FieldMessages } from '../ui/useFieldErrors'
import { EmailSettings } from './EmailSettings'
import { RunnerSettings } from './RunnerSettings'
import { AnalysisEngineSettings } from './AnalysisEngineSettings'

type OrganizerField = 'name' | 'email'

/** The host names the organizer's fields "name" or "organizer.name". */
const organizerField = (f: string): OrganizerField | undefined =>
  f === 'name' || f === 'organizer.name' ? 'name' : f === 'email' || f === 'organizer.email' ? 'email' : undefined

export function SettingsPage() {
  const data = useAsync(async (signal) => {
    const [settings, health] = await Promise.all([getSettings(signal), getHealth(signal)])
    return { settings, health }
  }, [])
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const { errors, message: otherError, show, fail } = useFieldErrors<OrganizerField>((errs) =>
    errs.name || errs.email ? document.getElementById(errs.name ? 'organizer-name' : 'organizer-email') : null,
  )
  const [saving, setSaving] = useState(false)
  const toast = useToast()

  useEffect(() => {
    if (!data.data) return
    setName(data.data.settings.organizer.name)
    setEmail(data.data.settings.organizer.email)
  }, [data.data])

  if (data.error !== undefined)
    return (
      <>
        <PageHeader title="Settings" />
        <LoadError error={data.error} onRetry={data.reload} what="settings" />
      </>
    )
  if (!data.data)
    return (
      <>
        <PageHeader title="Settings" />
        <Skeleton lines={6} label="Loading settings" />
      </>
    )
  const { settings, health } = data.data
  const changed = name !== settings.organizer.name || email !== settings.organizer.email

  const save = async () => {
    const errs: FieldMessages<OrganizerField> = {}
    if (name.trim() === '') errs.name = 'Enter your name.'
    const emailError = checkEmail(email, 'Enter your email address.')
    if (emailError) errs.email = emailError
    show(errs)
    if (errs.name || errs.email) return
    setSaving(true)
    try {
      const s = await saveSettings({ name: name.trim(), email: email.trim() })
      data.setData({ settings: s, health })
      toast({ tone: 'success', message: 'Settings saved.' })
    } catch (e) {
      fail(e, organizerField)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <PageHeader title="Settings" />
      <form
        className="card settings-card"
        noValidate
        aria-labelledby="organizer-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <h2 id="organizer-heading" className="card-title">
          Organizer
        </h2>
        <p className="section-hint">You are the first interviewer of every new interview.</p>
        {otherError && (
          <p className="field-error" role="alert">
            {otherError}
          </p>
        )}
        <div className="form-grid">
          <Field id="organizer-name" label="Your name" required error={errors.name}>
            <input className="input" value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="organizer-email" label="Your email" required error={errors.email}>
            <input
              className="input"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
        </div>
        <div className="card-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>

      <EmailSettings organizerEmail={settings.organizer.email} />

      <RunnerSettings />

      <AnalysisEngineSettings />

      <section className="card settings-card" aria-labelledby="host-heading">
        <h2 id="host-heading" className="card-title">
          Host
        </h2>
        <dl className="facts">
          <dt>Public URL</dt>
          <dd>
            <code>{health.publicUrl || settings.publicUrl}</code>
            <span className="cell-sub">Candidate links start with this address.</span>
          </dd>
          <dt>Data folder</dt>
          <dd>
            <code>{health.dataDir}</code>
          </dd>
          <dt>Default time zone</dt>
          <dd>{settings.defaultTimeZone}</dd>
          <dt>Version</dt>
          <dd>{health.version}</dd>
        </dl>
      </section>
    </>
  )
}
