import { useState } from 'react'
import { listUsers, removeUser, resendSetup, setUserRole, type InvitedUser, type SetupDelivery, type User, type UserRole } from '../../api/account'
import { errorMessage } from '../../api/client'
import { useAccount } from '../../account/AccountContext'
import { CopyField } from '../../interviews/CopyField'
import { formatDateTime } from '../../platform/time'
import { Dialog } from '../../ui/Dialog'
import { EmptyState, LoadError, PageHeader, Skeleton } from '../../ui/Feedback'
import { useToast } from '../../ui/toasts'
import { useAsync } from '../../ui/useAsync'
import { SettingsTabs } from '../SettingsTabs'
import { InviteDialog } from './InviteDialog'
import { ROLES, roleLabel, withArticle } from '../../account/roles'
import './users.css'

type Pending =
  | { kind: 'invite' }
  | { kind: 'link'; invited: InvitedUser }
  | { kind: 'role'; user: User; role: UserRole }
  | { kind: 'remove'; user: User }

/** Settings → Users, for admins: who may sign in to this host, and with which role. */
export function UsersPage() {
  const { account } = useAccount()
  const users = useAsync((signal) => listUsers(signal), [])
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const toast = useToast()

  const header = (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs current="users" />
      <div className="users-head">
        <h2 className="section-title" id="users-heading">
          Users
        </h2>
        <button type="button" className="btn btn-primary" onClick={() => setPending({ kind: 'invite' })}>
          Invite user
        </button>
      </div>
    </>
  )

  const invited = (u: InvitedUser, what: string) => {
    users.reload()
    if (u.setup.mailed) {
      setPending(null)
      toast({ tone: 'success', message: `${what} The setup link is on its way to ${u.user.email}.` })
    } else setPending({ kind: 'link', invited: u })
  }

  const run = async (what: () => Promise<void>) => {
    setBusy(true)
    try {
      await what()
    } finally {
      setBusy(false)
    }
  }

  const resend = (u: User, delivery: SetupDelivery) =>
    run(async () => {
      try {
        invited(await resendSetup(u.id, delivery), 'A new setup link replaces the old one.')
      } catch (e) {
        toast({ tone: 'error', message: `Could not send a setup link to ${u.email}: ${errorMessage(e)}` })
      }
    })

  const changeRole = (u: User, role: UserRole) =>
    run(async () => {
      try {
        await setUserRole(u.id, role)
        setPending(null)
        users.reload()
        toast({ tone: 'success', message: `${u.name} is now ${withArticle(role)}.` })
      } catch (e) {
        toast({ tone: 'error', message: `Could not change the role of ${u.name}: ${errorMessage(e)}` })
      }
    })

  const remove = (u: User) =>
    run(async () => {
      try {
        await removeUser(u.id)
        setPending(null)
        users.reload()
        toast({ tone: 'success', message: `Removed ${u.name}; they are signed out.` })
      } catch (e) {
        toast({ tone: 'error', message: `Could not remove ${u.name}: ${errorMessage(e)}` })
      }
    })

  let body
  if (users.error !== undefined) body = <LoadError error={users.error} onRetry={users.reload} what="the users" />
  else if (!users.data) body = <Skeleton lines={4} label="Loading users" />
  else if (users.data.length === 0)
    body = (
      <EmptyState title="Nobody else signs in to this host yet.">
        <p>Invite your team: each person gets a link to choose their password, and a role that decides what they see.</p>
      </EmptyState>
    )
  else
    body = (
      <div className="table-scroll">
        <table className="table users-table">
          <caption className="visually-hidden">Users of this host</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => {
              const self = u.id === account.id
              return (
                <tr key={u.id}>
                  <td>
                    <span className="cell-title">{u.name}</span>
                    <span className="cell-sub">{u.email}</span>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      Role of {u.name}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      className="input"
                      value={u.role}
                      disabled={self || busy}
                      title={self ? 'Another admin can change your role.' : undefined}
                      onChange={(e) => setPending({ kind: 'role', user: u, role: e.target.value as UserRole })}
                    >
                      {ROLES.map((r) => (
                        <option key={r.role} value={r.role}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {u.active ? (
                      <span className="badge badge-success">Active</span>
                    ) : (
                      <>
                        <span className="badge badge-muted">Invited</span>
                        {u.invitedAt && <span className="cell-sub">Link sent {formatDateTime(u.invitedAt)}</span>}
                      </>
                    )}
                  </td>
                  <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</td>
                  <td>
                    <div className="users-actions">
                      {!u.active && (
                        <>
                          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void resend(u, 'mail')}>
                            Send setup link again<span className="visually-hidden"> to {u.name}</span>
                          </button>
                          <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => void resend(u, 'link')}>
                            Show a new setup link<span className="visually-hidden"> for {u.name}</span>
                          </button>
                        </>
                      )}
                      {!self && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost-danger"
                          disabled={busy}
                          onClick={() => setPending({ kind: 'remove', user: u })}
                        >
                          Remove<span className="visually-hidden"> {u.name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    )

  return (
    <>
      {header}
      {account.kind === 'owner' && (
        <p className="section-hint users-owner">
          You are signed in with the host’s console key, which may do everything an admin may. The people below sign in with
          their email and password.
        </p>
      )}
      {body}
      {pending?.kind === 'invite' && (
        <InviteDialog onClose={() => setPending(null)} onInvited={(u) => invited(u, `Invited ${u.user.name}.`)} />
      )}
      {pending?.kind === 'link' && <SetupLinkDialog invited={pending.invited} onClose={() => setPending(null)} />}
      {pending?.kind === 'role' && (
        <Dialog
          title={`Make ${pending.user.name} ${withArticle(pending.role)}?`}
          description={`${ROLES.find((r) => r.role === pending.role)?.rights} ${pending.user.name} is signed out at once and signs in again with the new role.`}
          onClose={() => setPending(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setPending(null)} data-autofocus>
                Keep {roleLabel(pending.user.role).toLowerCase()}
              </button>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void changeRole(pending.user, pending.role)}>
                Change role
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
      {pending?.kind === 'remove' && (
        <Dialog
          title={`Remove ${pending.user.name}?`}
          description={`${pending.user.email} is signed out at once and can no longer sign in. Interviews keep them as an interviewer; remove them there if they should not join.`}
          onClose={() => setPending(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setPending(null)} data-autofocus>
                Keep
              </button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove(pending.user)}>
                Remove user
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </>
  )
}

/** A setup link to pass on by hand. */
function SetupLinkDialog({ invited, onClose }: { invited: InvitedUser; onClose: () => void }) {
  return (
    <Dialog
      title={`Setup link for ${invited.user.name}`}
      description={`Send it to ${invited.user.email} yourself, over a channel you trust. It works once, until ${formatDateTime(invited.setup.expiresAt)}.`}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      <CopyField label="Setup link" value={invited.setup.link ?? ''} copyLabel="Copy setup link" />
    </Dialog>
  )
}
