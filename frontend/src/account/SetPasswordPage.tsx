import { useState } from 'react'
import { passwordLink, setPassword, type Account, type PasswordLinkPurpose } from '../api/account'
import { ApiError } from '../api/client'
import { formatDateTime } from '../platform/time'
import { Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { among, useFieldErrors } from '../ui/useFieldErrors'
import { checkNewPassword, PasswordFields, type PasswordField } from './PasswordFields'
import { AuthMark } from './SignInPage'

type Props = {
  token: string
  purpose: PasswordLinkPurpose
  /** The password is set and the browser signed in. */
  onDone: (a: Account) => void
}

const TITLES: Record<PasswordLinkPurpose, string> = { setup: 'Set your password', reset: 'Choose a new password' }

/** The page a password-setup or reset link opens: choose a password, and be signed in. */
export function SetPasswordPage({ token, purpose, onDone }: Props) {
  const link = useAsync((signal) => passwordLink(token, signal), [token])
  const [password, setPw] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const { errors, message, show, fail, clear } = useFieldErrors<PasswordField>((errs) =>
    document.getElementById(errs.password ? 'new-password' : 'new-repeat'),
  )

  const submit = async () => {
    const errs = checkNewPassword(password, repeat)
    show(errs)
    if (errs.password || errs.repeat) return
    setBusy(true)
    try {
      onDone(await setPassword(token, password))
    } catch (e) {
      fail(e, among(['password']))
      if (e instanceof ApiError && e.code === 'not_found') link.reload()
    } finally {
      setBusy(false)
    }
  }

  let body
  if (link.error !== undefined) {
    body = (
      <div role="alert">
        <h1 className="auth-title" tabIndex={-1} data-page-title>
          This link does not work any more
        </h1>
        <p>
          {link.error instanceof ApiError && link.error.code === 'not_found'
            ? link.error.message
            : `The host could not check the link: ${link.error instanceof Error ? link.error.message : 'try again.'}`}
        </p>
        <a className="btn" href="#/interviews">
          Go to sign-in
        </a>
      </div>
    )
  } else if (!link.data) {
    body = <Skeleton lines={4} label="Checking the link" />
  } else {
    const info = link.data
    body = (
      <form
        noValidate
        aria-labelledby="set-password-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h1 id="set-password-heading" className="auth-title" tabIndex={-1} data-page-title>
          {TITLES[purpose]}
        </h1>
        <p>
          For <strong>{info.name}</strong> ({info.email}). This link works once, until {formatDateTime(info.expiresAt)}; then
          you are signed in.
        </p>
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        <input type="email" hidden readOnly autoComplete="username" value={info.email} />
        <PasswordFields
          idPrefix="new"
          password={password}
          repeat={repeat}
          errors={errors}
          onChange={(p, r) => {
            if (p !== password) clear('password')
            if (r !== repeat) clear('repeat')
            setPw(p)
            setRepeat(r)
          }}
        />
        <div className="auth-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : purpose === 'setup' ? 'Set password and sign in' : 'Save password and sign in'}
          </button>
        </div>
      </form>
    )
  }
  return (
    <main className="auth" id="main">
      <div className="auth-card card">
        <AuthMark />
        {body}
      </div>
    </main>
  )
}
