import { useState } from 'react'
import { closeResultsLinks } from '../api/interviews'
import { errorMessage } from '../api/client'
import type { Interview } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { useToast } from '../ui/toasts'

type Props = { interview: Interview; onChange: (iv: Interview) => void }

/**
 * A finished interview's results links: every interviewer reaches the
 * results from their room link, also without an account; the organizer can
 * close those links.
 */
export function ResultsLinksCard({ interview: iv, onChange }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const toast = useToast()

  const close = async () => {
    setBusy(true)
    try {
      onChange(await closeResultsLinks(iv.id))
      setConfirming(false)
      toast({ tone: 'success', message: 'The results links are closed.' })
    } catch (e) {
      toast({ tone: 'error', message: `Could not close the results links: ${errorMessage(e)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="results-links-heading">
      <h2 id="results-links-heading" className="card-title">
        Results links
      </h2>
      {iv.resultsClosed ? (
        <p className="section-hint">Closed: interviewers without an account can no longer read these results.</p>
      ) : (
        <>
          <p className="section-hint">
            Each interviewer reaches these results from their room link, also without an account: a read-only page of this
            interview only.
          </p>
          <div className="card-actions">
            <button type="button" className="btn" onClick={() => setConfirming(true)}>
              Close results links
            </button>
          </div>
        </>
      )}
      {confirming && (
        <Dialog
          title="Close the results links?"
          description="Interviewers without an account can no longer read the results of this interview; accounts with a right to it still can. This cannot be undone."
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)} data-autofocus>
                Keep them
              </button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void close()}>
                Close results links
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </section>
  )
}
