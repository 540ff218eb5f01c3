import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../api/client'
import { getMailSettings, saveMailSettings, sendTestEmail } from '../api/mail'
import type { MailField, MailSecurity, MailSettings } from '../api/types'
import { LoadError, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { SecretField } from './SecretField'
import { SettingsCard } from './SettingsCard'
import { useSettingsForm } from './useSettingsForm'

/** Form order: the first field with an error gets focus. */
export const MAIL_FIELDS: MailField[] = [
  'host',
  'port',
  'security',
  'username',
  'password',
  'fromName',
  'fromAddress',
  'replyTo',
]

const SECURITY: { value: MailSecurity; label: string; port: number; hint: string }[] = [
  { value: 'starttls', label: 'STARTTLS', port: 587, hint: 'Upgrades to TLS after connecting; usually port 587.' },
  { value: 'tls', label: 'Implicit TLS', port: 465, hint: 'TLS from the first byte; usually port 465.' },
  {
    value: 'none',
    label: 'None',
    port: 25,
    hint: 'No encryption. Only allowed for a mail server on this machine (localhost, 127.0.0.1).',
  },
]

type Form = {
  host: string
  port: string
  security: MailSecurity
  username: string
  password: string
  clearPassword: boolean
  fromName: string
  fromAddress: string
  replyTo: string
}

const formFrom = (s: MailSettings): Form => ({
  host: s.host,
  port: s.port ? String(s.port) : '587',
  security: s.security || 'starttls',
  username: s.username,
  password: '',
  clearPassword: false,
  fromName: s.fromName,
  fromAddress: s.fromAddress,
  replyTo: s.replyTo,
})

const fieldId = (f: MailField) => `mail-${f}`

type TestResult = { ok: true; text: string } | { ok: false; text: string } | null

/** Settings → Email: the SMTP server invitations go through, and a test email. */
export function EmailSettings({ organizerEmail }: { organizerEmail: string }) {
  const { data, form, edit, errors, otherError, clear, saving, submit, discard } = useSettingsForm({
    load: (signal) => getMailSettings(signal),
    formFrom,
    fields: MAIL_FIELDS,
    fieldId,
  })
  const [testTo, setTestTo] = useState(organizerEmail)
  const [testing, setTesting] = useState(false)
  const [test, setTest] = useState<TestResult>(null)
  const securityHintId = useId()
  const testId = useId()

  // The test address follows the organizer's email until the user types another.
  const shownOrganizer = useRef(organizerEmail)
  useEffect(() => {
    const before = shownOrganizer.current
    shownOrganizer.current = organizerEmail
    setTestTo((t) => (t === '' || t === before ? organizerEmail : t))
  }, [organizerEmail])

  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} what="the email settings" />
  const saved = data.data
  if (!saved || !form) return <Skeleton lines={8} label="Loading email settings" />

  const base = formFrom(saved)
  const changed =
    (Object.keys(base) as (keyof Form)[]).some((k) => k !== 'password' && k !== 'clearPassword' && form[k] !== base[k]) ||
    form.password !== '' ||
    form.clearPassword
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    edit((f) => ({ ...f, [k]: v }))
    if (k !== 'clearPassword') clear(k)
  }

  const save = () =>
    submit({
      send: () => {
        const port = /^\d+$/.test(form.port.trim()) ? Number(form.port.trim()) : 0
        return saveMailSettings({
          host: form.host.trim(),
          port,
          security: form.security,
          username: form.username.trim(),
          password: form.password,
          clearPassword: form.clearPassword,
          fromName: form.fromName.trim(),
          fromAddress: form.fromAddress.trim(),
          replyTo: form.replyTo.trim(),
        })
      },
      message: (s) => (s.configured ? 'Email settings saved. Email is set up.' : 'Email settings saved.'),
    })

  const sendTest = async () => {
    setTesting(true)
    setTest(null)
    try {
      const to = await sendTestEmail(testTo.trim())
      setTest({ ok: true, text: `Test email sent to ${to || testTo.trim()}.` })
    } catch (e) {
      setTest({ ok: false, text: errorMessage(e) })
    } finally {
      setTesting(false)
    }
  }

  return (
    <SettingsCard
      headingId="email-heading"
      title="Email"
      configured={saved.configured}
      status={{ on: 'Email is set up', off: 'Email is not set up yet' }}
      hint="Invitations, updates and cancellations go out through this mail server. Without it, share the invitation yourself from an interview’s “Share details”."
      formLabel="Email settings"
      otherError={otherError}
      saveLabel="Save email settings"
      saving={saving}
      changed={changed}
      onSave={() => void save()}
      onDiscard={discard}
      after={
        <form
          className="mail-test"
          noValidate
          aria-labelledby={`${testId}-title`}
          onSubmit={(e) => {
            e.preventDefault()
            void sendTest()
          }}
        >
          <h3 id={`${testId}-title`} className="subsection-title">
            Send a test email
          </h3>
          <p className="section-hint">
            {saved.configured
              ? changed
                ? 'Uses the saved settings: save your changes first to test them.'
                : 'Uses the saved settings.'
              : 'Save the email settings first.'}
          </p>
          <div className="mail-test-row">
            <Field id={testId} label="Send to">
              <input
                className="input"
                type="email"
                value={testTo}
                autoComplete="email"
                spellCheck={false}
                onChange={(e) => setTestTo(e.target.value)}
              />
            </Field>
            <button type="submit" className="btn" disabled={!saved.configured || testing || testTo.trim() === ''}>
              {testing ? 'Sending…' : 'Send test email'}
            </button>
          </div>
          <div className="mail-test-result">
            <p className="mail-test-ok" role="status">
              {test?.ok ? `✓ ${test.text}` : ''}
            </p>
            {test && !test.ok && (
              <div className="inline-error" role="alert">
                <p className="inline-error-title">The test email was not sent. The mail server answered:</p>
                <pre className="server-error">{test.text}</pre>
              </div>
            )}
          </div>
        </form>
      }
    >
      <Field id={fieldId('host')} label="SMTP server" error={errors.host} hint="For example smtp.example.com.">
        <input
          className="input"
          value={form.host}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('host', e.target.value)}
        />
      </Field>
      <Field id={fieldId('port')} label="Port" error={errors.port} hint="587 for STARTTLS, 465 for TLS.">
        <input
          className="input input-narrow"
          inputMode="numeric"
          value={form.port}
          autoComplete="off"
          onChange={(e) => set('port', e.target.value)}
        />
      </Field>
      <fieldset
        className="span-2 mail-security"
        id={fieldId('security')}
        tabIndex={-1}
        aria-describedby={errors.security ? `${fieldId('security')}-error ${securityHintId}` : securityHintId}
        aria-invalid={errors.security ? true : undefined}
      >
        <legend className="field-label">Security</legend>
        <div className="radio-group">
          {SECURITY.map((o) => (
            <label key={o.value} className="radio">
              <input
                type="radio"
                name="mail-security"
                value={o.value}
                checked={form.security === o.value}
                onChange={() => {
                  set('security', o.value)
                  // Follow the usual port while it is still another mode's default.
                  if (SECURITY.some((x) => String(x.port) === form.port.trim())) set('port', String(o.port))
                }}
              />
              {o.label}
            </label>
          ))}
        </div>
        <p id={securityHintId} className="field-hint">
          {SECURITY.find((o) => o.value === form.security)?.hint}
        </p>
        {errors.security && (
          <p id={`${fieldId('security')}-error`} className="field-error">
            {errors.security}
          </p>
        )}
      </fieldset>
      <Field id={fieldId('username')} label="Username" error={errors.username} hint="Leave empty if the server needs no login.">
        <input
          className="input"
          value={form.username}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('username', e.target.value)}
        />
      </Field>
      <SecretField
        id={fieldId('password')}
        label="Password"
        value={form.password}
        saved={saved.hasPassword}
        removing={form.clearPassword}
        error={errors.password}
        hint="Stored only on this machine."
        onChange={(v) => set('password', v)}
        onRemove={(remove) => edit((f) => ({ ...f, clearPassword: remove, password: '' }))}
      />
      <Field id={fieldId('fromName')} label="Sender name" error={errors.fromName} hint="For example your name or your company’s.">
        <input className="input" value={form.fromName} autoComplete="off" onChange={(e) => set('fromName', e.target.value)} />
      </Field>
      <Field id={fieldId('fromAddress')} label="Sender address" error={errors.fromAddress} hint="The From address, like hiring@example.com.">
        <input
          className="input"
          type="email"
          value={form.fromAddress}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('fromAddress', e.target.value)}
        />
      </Field>
      <Field id={fieldId('replyTo')} label="Reply-to" error={errors.replyTo} hint="Optional: where replies go, if not to the sender.">
        <input
          className="input"
          type="email"
          value={form.replyTo}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('replyTo', e.target.value)}
        />
      </Field>
    </SettingsCard>
  )
}
