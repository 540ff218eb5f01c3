// Deleting an interview that is over, for good: a danger zone on its page,
// and a dialog that names the candidate and everything that goes first.
import { useState } from 'react'
import { previewPurge, purgeInterview } from '../api/privacy'
import type { Interview } from '../api/types'
import { navigate } from '../app/router'
import { formatDateTime } from '../platform/time'
import { useToast } from '../ui/toasts'
import { ConfirmDeletion } from './ConfirmDeletion'
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
  const toast = useToast()
  return (
    <ConfirmDeletion
      title={`Delete the interview with ${iv.candidate.name} for good?`}
      description={`${iv.position}, ${formatDateTime(iv.startsAt, iv.timeZone)}. This deletes:`}
      load={(signal) => previewPurge(iv.id, signal)}
      loadKey={iv.id}
      what="what would be deleted"
      items={contentsItems}
      blocked={(p) => (p.deletable ? undefined : p.reason)}
      note={`${iv.candidate.name}’s candidate profile stays; to erase everything about them, use Erase on their profile.`}
      keepLabel="Keep interview"
      confirmLabel="Delete for good"
      busyLabel="Deleting…"
      onConfirm={async () => {
        const done = await purgeInterview(iv.id)
        toast({ tone: 'success', message: `The interview with ${done.candidate.name} is deleted for good, with ${filesText(done.recordings, true)}.` })
        navigate('#/interviews')
      }}
      onClose={onClose}
    />
  )
}
