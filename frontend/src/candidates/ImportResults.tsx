// Import of take-home results (docs/assessment-format.md): pick a JSON or CSV
// file; what was imported, or every problem with its line, is shown after.

import { useState } from 'react'
import { ApiError, errorMessage, type FileProblem } from '../api/client'
import { importResults, type ImportReport } from '../api/candidates'
import { href } from '../app/router'
import { openTextFile } from '../platform/native'
import { Dialog } from '../ui/Dialog'
import { useToast } from '../ui/toasts'

type Outcome = { file: string; report: ImportReport } | { file: string; problems: FileProblem[]; message: string }

export function ImportResultsButton({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const toast = useToast()

  const pick = async () => {
    setOutcome(undefined)
    let file
    try {
      file = await openTextFile('Import take-home results', '.json,.csv,application/json,text/csv')
    } catch (e) {
      toast({ tone: 'error', message: `Could not read the file: ${errorMessage(e)}` })
      return
    }
    if (file.content === '') return
    setBusy(true)
    try {
      const report = await importResults(file.name, file.content)
      setOutcome({ file: file.name, report })
      onImported()
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) setOutcome({ file: file.name, problems: e.problems, message: e.message })
      else toast({ tone: 'error', message: `Nothing was imported: ${errorMessage(e)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void pick()}>
        {busy ? 'Importing…' : 'Import results'}
      </button>
      {outcome && 'report' in outcome && <Imported file={outcome.file} report={outcome.report} onClose={() => setOutcome(undefined)} />}
      {outcome && 'problems' in outcome && (
        <Problems
          file={outcome.file}
          message={outcome.message}
          problems={outcome.problems}
          onClose={() => setOutcome(undefined)}
          onRetry={() => void pick()}
        />
      )}
    </>
  )
}

function Imported({ file, report, onClose }: { file: string; report: ImportReport; onClose: () => void }) {
  const n = report.imported
  return (
    <Dialog
      title={`Imported ${n} take-home ${n === 1 ? 'result' : 'results'}`}
      description={`From ${file}: ${report.created} new, ${report.updated} updated; ${report.newCandidates} new ${report.newCandidates === 1 ? 'candidate' : 'candidates'}.`}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          Done
        </button>
      }
    >
      <ul className="import-list">
        {(report.results ?? []).map((r) => (
          <li key={r.id}>
            <a href={href('candidates', r.candidateId)} onClick={onClose}>
              {r.candidateName}
            </a>{' '}
            — {r.assessment}: {r.score} / {r.maxScore} {r.updated ? <span className="badge badge-muted">Updated</span> : null}
          </li>
        ))}
      </ul>
    </Dialog>
  )
}

function Problems({
  file,
  message,
  problems,
  onClose,
  onRetry,
}: {
  file: string
  message: string
  problems: FileProblem[]
  onClose: () => void
  onRetry: () => void
}) {
  return (
    <Dialog
      title={`${file} was not imported`}
      description={message}
      size="wide"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={onRetry}>
            Choose a file
          </button>
        </>
      }
    >
      <table className="table table-flat problem-table" role="alert">
        <caption className="visually-hidden">Problems in {file}, in file order</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Field</th>
            <th scope="col">What is wrong</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.line ?? '–'}</td>
              <td>
                <code>{p.field || 'file'}</code>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        The file format is described in docs/assessment-format.md. Nothing from this file was stored.
      </p>
    </Dialog>
  )
}
