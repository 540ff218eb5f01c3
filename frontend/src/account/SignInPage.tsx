import { useState } from 'react'
import { requestReset, signIn, type Account } from '../api/account'
import { ApiError, errorMessage } from '../api/client'
import { checkEmail } from '../validation/rules'
import { Field } from '../ui/Field'
import { TeamHostNote, useTeamHost } from '../teamhost'

type Props = {
  /** Why the sign-in page shows (e.g. the session ended), if not the first visit. */
  notice?: string | undefined
  onSignedIn: (a: Account) => void
}

/** The wordmark above the sign-in and password pages. */
export function AuthMark() {
  return (
    <p className="auth-mark">
      <span className="wordmark-mark" aria-hidden="true">
        ID
      </span>
      <span className="wordmark-text">InterviewDesk</span>
    </p>
  )
}

/**
 * Signing in with email and password, or asking for a password reset
 * ("Forgot password?"). The page stands where the console would, so the
 * address (the screen the browser meant to open) stays as it is.
 */
export function SignInPage({ notice, onSignedIn }: Props) {
  const [mode, setMode] = useState<'sign-in' | 'forgot' | 'sent'>('sign-in')
  const [email, setEmail] = useState('')
  const team = useTeamHost()?.team === true
  return (
    <main className="auth" id="main">
      <div className="auth-card card">
        <AuthMark />
        <TeamHostNote />
        {mode === 'sign-in' && (
          <SignInForm notice={notice} email={email} setEmail={setEmail} onSignedIn={onSignedIn} onForgot={() => setMode('forgot')} />
        )}
        {mode === 'forgot' && (
          <ForgotForm email={email} setEmail={setEmail} onSent={() => setMode('sent')} onBack={() => setMode('sign-in')} />
        )}
        {mode === 'sent' && (
          <>
            <h1 className="auth-title" tabIndex={-1} data-page-title>
              Check your email
            </h1>
            <p role="status">
              If an account has the address <strong>{email.trim()}</strong>, a link to choose a new password is on its way. It
              works once, within 72 hours.
            </p>
            <p className="muted">Nothing arrived after a few minutes? Check the spam folder, or ask your admin.</p>
            <button type="button" className="btn" onClick={() => setMode('sign-in')}>
              Back to sign-in
            </button>
          </>
        )}
        {!team && <OwnerHelp />}
      </div>
    </main>
  )
}

/** How the host's owner signs in without an account (not on a team host the desktop app uses). */
function OwnerHelp() {
  return (
    <section className="auth-owner" aria-labelledby="owner-heading">
      <h2 id="owner-heading" className="auth-owner-title">
        Own this host?
      </h2>
      <p>
        Run this on the machine that runs it and open the link it prints in this browser (add <code>--data DIR</code> for
        another data folder):
      </p>
      <pre className="panel-command">
        <code>interviewdesk console link</code>
      </pre>
    </section>
  )
}

type SignInFormProps = {
  notice?: string | undefined
  email: string
  setEmail: (v: string) => void
  onSignedIn: (a: Account) => void
  onForgot: () => void
}

function SignInForm({ notice, email, setEmail, onSignedIn, onForgot }: SignInFormProps) {
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (email.trim() === '' || password === '') {
      setError('Enter your email address and your password.')
      document.getElementById(email.trim() === '' ? 'signin-email' : 'signin-password')?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      onSignedIn(await signIn(email.trim(), password))
    } catch (e) {
      setError(errorMessage(e))
      setPassword('')
      document.getElementById('signin-password')?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      aria-labelledby="signin-heading"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h1 id="signin-heading" className="auth-title" tabIndex={-1} data-page-title>
        Sign in to InterviewDesk
      </h1>
      {notice && (
        <p className="auth-notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <Field id="signin-email" label="Email">
        <input
          className="input"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
      </Field>
      <Field id="signin-password" label="Password">
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <div className="auth-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onForgot}>
          Forgot password?
        </button>
      </div>
    </form>
  )
}

type ForgotFormProps = { email: string; setEmail: (v: string) => void; onSent: () => void; onBack: () => void }

function ForgotForm({ email, setEmail, onSent, onBack }: ForgotFormProps) {
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const invalid = checkEmail(email, 'Enter the email address you sign in with.')
    if (invalid) {
      setError(invalid)
      document.getElementById('reset-email')?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await requestReset(email.trim())
      onSent()
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'too_many_requests' ? e.message : errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      aria-labelledby="forgot-heading"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h1 id="forgot-heading" className="auth-title" tabIndex={-1} data-page-title>
        Reset your password
      </h1>
      <p>Enter the email address you sign in with. If it has an account, a link to choose a new password goes there.</p>
      <Field id="reset-email" label="Email" error={error}>
        <input className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
      </Field>
      <div className="auth-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send reset link'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          Back to sign-in
        </button>
      </div>
    </form>
  )
}
