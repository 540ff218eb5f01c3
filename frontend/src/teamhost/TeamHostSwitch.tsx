import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { ConnectDialog } from './ConnectDialog'
import { hostName, restartConsole, useTeamHost, leaveTeamHost, type TeamHostStatus } from './api'
import './teamhost.css'

/** In the desktop app's sidebar: which host the console uses, and the way to the other. */
export function TeamHostSwitch() {
  const status = useTeamHost()
  const [connecting, setConnecting] = useState(false)
  if (!status) return null
  return (
    <section className="sidebar-account sidebar-host" aria-label="Host">
      {status.team ? (
        <>
          <p>
            <span className="sidebar-host-label">Team host</span>
            <br />
            <span className="sidebar-host-name">{hostName(status.url)}</span>
          </p>
          <UseThisComputerButton status={status} confirm />
        </>
      ) : (
        <>
          <p>
            <span className="sidebar-host-label">This computer’s host</span>
          </p>
          <button type="button" className="btn btn-small" onClick={() => setConnecting(true)}>
            Connect to a team host
          </button>
          {connecting && <ConnectDialog onClose={() => setConnecting(false)} />}
        </>
      )}
    </section>
  )
}

/**
 * On the first launch's "Enter your details": someone who works on their
 * team's host can connect to it at once instead. Nothing outside the desktop
 * app.
 */
export function TeamHostOffer() {
  const status = useTeamHost()
  const [connecting, setConnecting] = useState(false)
  if (!status || status.team) return null
  return (
    // The look of the sign-in page's "Own this host?" (account.css).
    <section className="auth-owner" aria-labelledby="team-host-offer-title">
      <h2 id="team-host-offer-title" className="auth-owner-title">
        Working on your team’s host?
      </h2>
      <p>Connect to it and sign in with your account there. The details above are for this computer’s own host: they can wait.</p>
      <div>
        <button type="button" className="btn btn-small" onClick={() => setConnecting(true)}>
          Connect to a team host
        </button>
      </div>
      {connecting && <ConnectDialog onClose={() => setConnecting(false)} />}
    </section>
  )
}

/**
 * On the sign-in page and where the team host cannot be reached: which team
 * host this is, and the way back to this computer's host. Nothing outside
 * the desktop app, or when it uses its own host.
 */
export function TeamHostNote() {
  const status = useTeamHost()
  if (!status?.team) return null
  return (
    <section className="team-host-note" aria-label="Team host">
      <p>
        This console works on the team host <strong>{hostName(status.url)}</strong>.
        {status.lapsed && !status.signedIn && ' Your session there ended (it expired, or it was ended on the host): sign in again to go on.'}
      </p>
      <UseThisComputerButton status={status} confirm={false} />
    </section>
  )
}

/** "Use this computer's host", asking first when that signs the account out. */
function UseThisComputerButton({ status, confirm }: { status: TeamHostStatus; confirm: boolean }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const leave = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await leaveTeamHost()
      restartConsole()
    } catch (e) {
      setError(`Could not switch hosts: ${errorMessage(e)}`)
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => (confirm ? setAsking(true) : void leave())}>
        Use this computer’s host
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <Dialog
          title="Use this computer’s host?"
          description={`You will be signed out of ${hostName(status.url)}, and the console shows this computer’s interviews again. You can connect to the team host again at any time.`}
          onClose={() => setAsking(false)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setAsking(false)}>
                Cancel
              </button>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void leave()} data-autofocus>
                {busy ? 'Switching…' : 'Use this computer’s host'}
              </button>
            </>
          }
        >
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </Dialog>
      )}
    </>
  )
}
