import { useState } from 'react'
import { changePassword, renameAccount } from '../api/account'
import { Field } from '../ui/Field'
import { useToast } from '../ui/toasts'
import { among, useFieldErrors } from '../ui/useFieldErrors'
import { useAccount } from './AccountContext'
import { withArticle } from './roles'
import { checkNewPassword, PasswordFields, type PasswordField } from './PasswordFields'

/** The signed-in account's own settings: its name and password. */
export function ProfileSettings() {
  return (
    <>
      <NameCard />
      <PasswordCard />
    </>
  )
}

function NameCard() {
  const { account, update } = useAccount()
  const [name, setName] = useState(account.name)
  const [busy, setBusy] = useState(false)
  const { errors, message, show, fail } = useFieldErrors<'name'>(() => document.getElementById('profile-name'))
  const toast = useToast()

  const save = async () => {
    if (name.trim() === '') {
      show({ name: 'Enter your name: interviews and mails show it.' })
      return
    }
    setBusy(true)
    try {
      update(await renameAccount(name.trim()))
      show({})
      toast({ tone: 'success', message: 'Your name is saved.' })
    } catch (e) {
      fail(e, among(['name']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card settings-card"
      noValidate
      aria-labelledby="profile-heading"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h2 id="profile-heading" className="card-title">
        Your account
      </h2>
      <p className="section-hint">
        You sign in as <strong>{account.email}</strong>, {withArticle(account.role)}. Ask an admin to change your email or
        role.
      </p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <Field id="profile-name" label="Your name" required error={errors.name}>
        <input className="input" value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="card-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || name === account.name}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  )
}

type ChangeField = PasswordField | 'current'

function PasswordCard() {
  const { update } = useAccount()
  const [current, setCurrent] = useState('')
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const { errors, message, show, fail } = useFieldErrors<ChangeField>((errs) =>
    document.getElementById(errs.current ? 'change-current' : errs.password ? 'change-password' : 'change-repeat'),
  )
  const toast = useToast()

  const save = async () => {
    const errs: Partial<Record<ChangeField, string>> = current === '' ? { current: 'Enter your current password.' } : checkNewPassword(password, repeat)
    show(errs)
    if (Object.keys(errs).length > 0) return
    setBusy(true)
    try {
      update(await changePassword(current, password))
      setCurrent('')
      setPassword('')
      setRepeat('')
      toast({ tone: 'success', message: 'Your password is changed. Other browsers signed in as you are signed out.' })
    } catch (e) {
      fail(e, among(['current', 'password']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card settings-card"
      noValidate
      aria-labelledby="password-heading"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h2 id="password-heading" className="card-title">
        Password
      </h2>
      <p className="section-hint">A new password signs you out everywhere else.</p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <Field id="change-current" label="Current password" required error={errors.current}>
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <PasswordFields
        idPrefix="change"
        password={password}
        repeat={repeat}
        errors={errors}
        onChange={(p, r) => {
          setPassword(p)
          setRepeat(r)
        }}
      />
      <div className="card-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  )
}
