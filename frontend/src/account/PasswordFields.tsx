import { useState } from 'react'
import { MIN_PASSWORD_LENGTH, PASSWORD_RULES } from '../api/account'
import { Field } from '../ui/Field'

export type PasswordField = 'password' | 'repeat'

/** The rules a new password must meet before it goes to the host, which checks them too. */
export function checkNewPassword(password: string, repeat: string): Partial<Record<PasswordField, string>> {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${[...password].length}).` }
  if (password !== repeat) return { repeat: 'The two passwords differ. Type the same password twice.' }
  return {}
}

type Props = {
  password: string
  repeat: string
  onChange: (password: string, repeat: string) => void
  errors: Partial<Record<PasswordField, string>>
  /** Prefix of the inputs' ids. */
  idPrefix: string
}

/** A new password typed twice, with its rules stated and a way to see it. */
export function PasswordFields({ password, repeat, onChange, errors, idPrefix }: Props) {
  const [shown, setShown] = useState(false)
  const type = shown ? 'text' : 'password'
  return (
    <>
      <Field id={`${idPrefix}-password`} label="New password" required hint={PASSWORD_RULES} error={errors.password}>
        <input className="input" type={type} autoComplete="new-password" value={password} onChange={(e) => onChange(e.target.value, repeat)} />
      </Field>
      <Field id={`${idPrefix}-repeat`} label="Repeat the new password" required error={errors.repeat}>
        <input className="input" type={type} autoComplete="new-password" value={repeat} onChange={(e) => onChange(password, e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        <span>Show the passwords</span>
      </label>
    </>
  )
}
