// Deleting an interview that is over, for good: a danger zone on its page,
// and a dialog that names the candidate and everything that goes first.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { previewPurge, purgeInterview } from '../api/privacy'
import type { Interview } from '../api/types'
import { navigate } from '../app/router'
import { formatDateTime } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { InlineError, Skeleton } from '../ui/Feedback'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { contentsItems, filesText } from './words'
import './privacy.css'

/** The page's danger zone for an interview that is over (finished or cancelled). */
export function DeleteForGood({ interview: iv }: { interview: Interview }) {
  const [open, setOpen] = useState(false)
  return (
    <section className="danger-zone details-delete" aria-labelledby="purge-heading">
      <div>
        <h2 id="purge-heading" className="section-title">
          Delete for good
        </h2>
        <p className="section-hint">
          The interview goes with its recordings, timeline, notes, analysis and emails. This cannot be undone.
        </p>
      </div>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        Delete interview and its data
      </button>
      {open && <PurgeDialog interview={iv} onClose={() => setOpen(false)} />}
    </section>
  )
}

function PurgeDialog({ interview: iv, onClose }: { interview: Interview; onClose: () => void }) {
  const preview = useAsync((signal) => previewPurge(iv.id, signal), [iv.id])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const toast = useToast()
  const p = preview.data

  const purge = async () => {
    setBusy(true)
    setError('')
    try {
      const done = await purgeInterview(iv.id)
      toast({ tone: 'success', message: `The interview with ${done.candidate.name} is deleted for good, with ${filesText(done.recordings, true)}.` })
      navigate('#/interviews')
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Delete the interview with ${iv.candidate.name} for good?`}
      description={`${iv.position}, ${formatDateTime(iv.startsAt, iv.timeZone)}. This deletes:`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Keep interview
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void purge()} disabled={busy || !p?.deletable}>
            {busy ? 'Deleting…' : 'Delete for good'}
          </button>
        </>
      }
    >
      {preview.error !== undefined ? (
        <InlineError what="what would be deleted" error={preview.error} onRetry={preview.reload} />
      ) : !p ? (
        <Skeleton lines={4} label="Counting what would be deleted" />
      ) : (
        <>
          <ul className="purge-list">
            {contentsItems(p).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="muted">
            {iv.candidate.name}’s candidate profile stays; to erase everything about them, use Erase on their profile.
          </p>
          {!p.deletable && (
            <p className="field-error" role="alert">
              {p.reason}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
