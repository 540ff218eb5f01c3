// A candidate's data on their profile: export it all as one archive, or
// erase it all after a confirmation that says what goes.
import { useState } from 'react'
import { candidateExportURL, eraseCandidate, getCandidateData } from '../api/privacy'
import { navigate } from '../app/router'
import { useToast } from '../ui/toasts'
import { ConfirmDeletion } from './ConfirmDeletion'
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
  const toast = useToast()
  return (
    <ConfirmDeletion
      title={`Erase everything about ${name}?`}
      description={`${email}. This deletes, and cannot be undone:`}
      load={(signal) => getCandidateData(email, signal)}
      loadKey={email}
      what="the candidate's data"
      items={candidateItems}
      blocked={(d) => (d.erasable ? undefined : d.reason)}
      note="The audit log keeps that an erasure happened, naming the candidate by a code, never by name or address."
      keepLabel="Keep"
      confirmLabel="Erase for good"
      busyLabel="Erasing…"
      onConfirm={async () => {
        await eraseCandidate(email)
        toast({ tone: 'success', message: `Everything about ${name} is erased.` })
        navigate('#/candidates')
      }}
      onClose={onClose}
    />
  )
}
