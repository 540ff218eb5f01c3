import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { Field } from '../ui/Field'
import { checkTeamHost, connectTeamHost, formatFingerprint, hostName, linkRoute, restartConsole, type Probe } from './api'

/**
 * "Connect to a team host": the address (or a password link the host sent),
 * then what checking it found — a certificate a trusted authority vouches
 * for, or a self-signed one whose fingerprint the person compares before
 * trusting it. Connecting opens the console afresh on that host, at its
 * sign-in page (or the pasted link's password page).
 */
export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const [address, setAddress] = useState('')
  const [probe, setProbe] = useState<Probe | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const run = async (step: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await step()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const check = () =>
    run(async () => {
      if (address.trim() === '') throw new Error('Enter the team host’s address, e.g. https://interviews.example.com.')
      setProbe(await checkTeamHost(address))
    })

  const connect = (p: Probe) =>
    run(async () => {
      await connectTeamHost(p.url, p.trusted ? undefined : p.certSha256)
      restartConsole(linkRoute(address))
    })

  const actions = probe ? (
    <>
      <button type="button" className="btn" onClick={() => setProbe(undefined)} disabled={busy}>
        Change address
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Connecting…' : probe.trusted ? 'Connect' : 'Trust and connect'}
      </button>
    </>
  ) : (
    <>
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Checking…' : 'Check host'}
      </button>
    </>
  )

  return (
    <Dialog
      title="Connect to a team host"
      description="Work on your team’s InterviewDesk host instead of this computer’s: you sign in there with your account, and every screen shows that host’s interviews, templates and candidates."
      onClose={onClose}
      onSubmit={() => void (probe ? connect(probe) : check())}
      actions={actions}
    >
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {probe ? (
        <Checked probe={probe} />
      ) : (
        <Field id="team-host-address" label="Team host address" hint="Its https:// address, or paste the password link you were sent.">
          <input
            className="input"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://interviews.example.com"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            data-autofocus
          />
        </Field>
      )}
    </Dialog>
  )
}

/** What checking the address found, for the person to judge. */
function Checked({ probe }: { probe: Probe }) {
  const name = hostName(probe.url)
  if (probe.trusted) {
    return (
      <p role="status">
        <strong>{name}</strong> is an InterviewDesk host with a valid certificate. Connect, then sign in with your account there.
      </p>
    )
  }
  return (
    <div className="team-host-cert" role="status">
      <p>
        <strong>{name}</strong> is an InterviewDesk host, but no authority this computer trusts vouches for its certificate (it is
        self-signed). Compare the fingerprint with the one the host’s admin gives you before you trust it; InterviewDesk will
        refuse any other certificate from then on.
      </p>
      <dl className="team-host-facts">
        <dt>Certificate for</dt>
        <dd>{probe.subject || name}</dd>
        <dt>SHA-256 fingerprint</dt>
        <dd>
          <code className="team-host-fingerprint">{formatFingerprint(probe.certSha256)}</code>
        </dd>
      </dl>
    </div>
  )
}
