// A candidate's data on their profile: export it all as one archive, or
// erase it all after a confirmation that says what goes.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { candidateExportURL, eraseCandidate, getCandidateData } from '../api/privacy'
import { navigate } from '../app/router'
import { Dialog } from '../ui/Dialog'
import { InlineError, Skeleton } from '../ui/Feedback'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { candidateItems } from './words'
import './privacy.css'

export function CandidateDataPanel({ name, email }: { name: string; email: string }) {
  const [erasing, setErasing] = useState(false)
  return (
    <section className="danger-zone details-delete" aria-labelledby="candidate-data-heading">
      <div>
        <h2 id="candidate-data-heading" className="section-title">
          Candidate data
        </h2>
        <p className="section-hint">
          When {name} asks for their data, export it: one ZIP archive with their interviews, consent records, timelines, analyses,
          emails and recordings. When they ask to be forgotten, erase it.
        </p>
      </div>
      <div className="card-actions">
        <a className="btn" href={candidateExportURL(email)} download>
          Export data (ZIP)
        </a>
        <button type="button" className="btn btn-danger" onClick={() => setErasing(true)}>
          Erase everything about {name}
        </button>
      </div>
      {erasing && <EraseDialog name={name} email={email} onClose={() => setErasing(false)} />}
    </section>
  )
}

function EraseDialog({ name, email, onClose }: { name: string; email: string; onClose: () => void }) {
  const data = useAsync((signal) => getCandidateData(email, signal), [email])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const toast = useToast()
  const d = data.data

  const erase = async () => {
    setBusy(true)
    setError('')
    try {
      await eraseCandidate(email)
      toast({ tone: 'success', message: `Everything about ${name} is erased.` })
      navigate('#/candidates')
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Erase everything about ${name}?`}
      description={`${email}. This deletes, and cannot be undone:`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Keep
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void erase()} disabled={busy || !d?.erasable}>
            {busy ? 'Erasing…' : 'Erase for good'}
          </button>
        </>
      }
    >
      {data.error !== undefined ? (
        <InlineError what="the candidate's data" error={data.error} onRetry={data.reload} />
      ) : !d ? (
        <Skeleton lines={5} label="Counting the candidate's data" />
      ) : (
        <>
          <ul className="purge-list">
            {candidateItems(d).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="muted">The audit log keeps that an erasure happened, naming the candidate by a code, never by name or address.</p>
          {!d.erasable && (
            <p className="field-error" role="alert">
              {d.reason}
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
