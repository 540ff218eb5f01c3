import { useState } from 'react'
import { inviteUser, type InvitedUser, type SetupDelivery, type UserRole } from '../../api/account'
import { checkEmail } from '../../validation/rules'
import { Dialog } from '../../ui/Dialog'
import { Field } from '../../ui/Field'
import { among, useFieldErrors } from '../../ui/useFieldErrors'
import { ROLES } from '../../account/roles'

type InviteField = 'email' | 'name' | 'role'

type Props = { onClose: () => void; onInvited: (u: InvitedUser) => void }

/** Invites someone: an account without a password, and its setup link by mail or to pass on. */
export function InviteDialog({ onClose, onInvited }: Props) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<UserRole>('interviewer')
  const [delivery, setDelivery] = useState<SetupDelivery>('mail')
  const [busy, setBusy] = useState(false)
  const { errors, message, show, fail } = useFieldErrors<InviteField>((errs) =>
    document.getElementById(errs.email ? 'invite-email' : errs.name ? 'invite-name' : 'invite-role'),
  )

  const submit = async () => {
    const errs: Partial<Record<InviteField, string>> = {}
    const emailError = checkEmail(email, 'Enter their email address: the setup link goes there.')
    if (emailError) errs.email = emailError
    if (name.trim() === '') errs.name = 'Enter their name.'
    show(errs)
    if (errs.email || errs.name) return
    setBusy(true)
    try {
      onInvited(await inviteUser({ email: email.trim(), name: name.trim(), role, delivery }))
    } catch (e) {
      fail(e, among(['email', 'name', 'role']), { summary: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Invite a user"
      description="They get an account without a password and a link to choose one. The link works once, within 72 hours."
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </>
      }
    >
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <Field id="invite-email" label="Email" required error={errors.email}>
        <input className="input" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} data-autofocus />
      </Field>
      <Field id="invite-name" label="Name" required error={errors.name}>
        <input className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="invite-role" label="Role" required error={errors.role} hint={ROLES.find((r) => r.role === role)?.rights}>
        <select className="input" value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="radio-group">
        <legend className="field-label">The setup link</legend>
        <label className="radio">
          <input type="radio" name="delivery" checked={delivery === 'mail'} onChange={() => setDelivery('mail')} />
          <span>Email it to them</span>
        </label>
        <label className="radio">
          <input type="radio" name="delivery" checked={delivery === 'link'} onChange={() => setDelivery('link')} />
          <span>Show it to me to pass on (for a host without email)</span>
        </label>
      </fieldset>
    </Dialog>
  )
}
