import { getHealth, getSettings } from '../api/settings'
import { useToast } from '../ui/toasts'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useAsync } from '../ui/useAsync'
import { EmailSettings } from './EmailSettings'
import { SettingsTabs } from './SettingsTabs'
import { MediaServerSettings } from './MediaServerSettings'
import { RunnerSettings } from './RunnerSettings'
import { AnalysisEngineSettings } from './AnalysisEngineSettings'
import { useOrganizerForm } from './useOrganizerForm'
import { useAccount } from '../account/AccountContext'
import { ProfileSettings } from '../account/ProfileSettings'

/** Settings: the host's for admins (and the owner), only their own account for everyone else. */
export function SettingsPage() {
  const { account, rights } = useAccount()
  if (!rights.administer)
    return (
      <>
        <PageHeader title="Settings" />
        <ProfileSettings />
      </>
    )
  return <HostSettings withProfile={account.kind === 'user'} />
}

function HostSettings({ withProfile }: { withProfile: boolean }) {
  const data = useAsync(async (signal) => {
    const [settings, health] = await Promise.all([getSettings(signal), getHealth(signal)])
    return { settings, health }
  }, [])
  const form = useOrganizerForm(data.data?.settings.organizer, 'organizer')
  const { name, setName, email, setEmail, errors, message: otherError, saving } = form
  const toast = useToast()

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
  const save = async () => {
    const s = await form.save()
    if (!s) return
    data.setData({ settings: s, health })
    toast({ tone: 'success', message: 'Settings saved.' })
  }

  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs current="general" />
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
          <button type="submit" className="btn btn-primary" disabled={!form.changed || saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>

      {withProfile && <ProfileSettings />}

      <EmailSettings organizerEmail={settings.organizer.email} />

      <RunnerSettings />

      <MediaServerSettings />

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
