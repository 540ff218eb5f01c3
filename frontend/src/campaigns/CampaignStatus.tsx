// Pieces every campaign screen shows: the state badge, Copy shared link, and
// Close / Reopen with a confirmation before the link stops taking registrations.

import { useState } from 'react'
import { closeCampaign, reopenCampaign, type CampaignState, type CampaignView } from '../api/campaigns'
import { errorMessage } from '../api/client'
import { copyText } from '../platform/native'
import { Dialog } from '../ui/Dialog'
import { useToast } from '../ui/toasts'
import { STATE_LABEL, stateTone } from './state'

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  return <span className={`badge ${stateTone(state)}`}>{STATE_LABEL[state]}</span>
}

/** Copies the shared link and says so in a toast. */
export function CopyLinkButton({ link, name, small }: { link: string; name: string; small?: boolean }) {
  const toast = useToast()
  return (
    <button
      type="button"
      className={`btn${small ? ' btn-small' : ''}`}
      aria-label={`Copy shared link of ${name}`}
      onClick={async () => {
        try {
          await copyText(link)
          toast({ message: `Shared link of ${name} copied.`, tone: 'success' })
        } catch (e) {
          toast({ message: `Could not copy the link: ${errorMessage(e)} Select it and copy it by hand.`, tone: 'error' })
        }
      }}
    >
      Copy shared link
    </button>
  )
}

type OpenCloseProps = {
  id: string
  name: string
  /** The stored status: open (taking registrations unless full or expired) or closed. */
  closed: boolean
  onChanged: (v: CampaignView) => void
  small?: boolean
}

/** Close (after a confirmation) or Reopen a campaign. */
export function OpenCloseButton({ id, name, closed, onChanged, small }: OpenCloseProps) {
  const toast = useToast()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (close: boolean) => {
    setBusy(true)
    setError(undefined)
    try {
      const v = close ? await closeCampaign(id) : await reopenCampaign(id)
      setAsking(false)
      onChanged(v)
      toast({ message: close ? `${name} is closed; its link takes no registrations.` : `${name} is open again.`, tone: 'success' })
    } catch (e) {
      const msg = `Could not ${close ? 'close' : 'reopen'} ${name}: ${errorMessage(e)}`
      if (close) setError(msg)
      else toast({ message: msg, tone: 'error' })
    } finally {
      setBusy(false)
    }
  }
  const cls = `btn${small ? ' btn-small' : ''}`
  if (closed)
    return (
      <button type="button" className={cls} disabled={busy} aria-label={`Reopen ${name}`} onClick={() => run(false)}>
        Reopen
      </button>
    )
  return (
    <>
      <button type="button" className={cls} aria-label={`Close ${name}`} onClick={() => setAsking(true)}>
        Close
      </button>
      {asking && (
        <Dialog
          title={`Close ${name}?`}
          description="The shared link stops taking registrations at once. Interviews already booked stay as they are; you can reopen the campaign later."
          onClose={() => setAsking(false)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setAsking(false)} data-autofocus>
                Keep open
              </button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => run(true)}>
                {busy ? 'Closing…' : 'Close campaign'}
              </button>
            </>
          }
        >
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </Dialog>
      )}
    </>
  )
}
