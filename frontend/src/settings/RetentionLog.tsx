// Settings → Privacy: the retention log, newest first — what went, when and
// why (interviews by position and date; the log never names candidates).
import { useEffect, useState } from 'react'
import { getRetentionLog, type RetentionRun } from '../api/privacy'
import { formatDate, formatDateTime } from '../platform/time'
import { filesText } from '../privacy/words'
import { InlineError, Skeleton } from '../ui/Feedback'
import { WHAT_LABEL } from './RetentionSettings'

/** The log; reloads when reload changes. */
export function RetentionLog({ reload }: { reload: number }) {
  const [runs, setRuns] = useState<RetentionRun[] | undefined>()
  const [next, setNext] = useState<number | undefined>()
  const [error, setError] = useState<unknown>()
  const [more, setMore] = useState(0)

  useEffect(() => {
    const ctrl = new AbortController()
    setError(undefined)
    getRetentionLog(undefined, ctrl.signal).then(
      (log) => {
        setRuns(log.runs)
        setNext(log.next)
      },
      (e: unknown) => !ctrl.signal.aborted && setError(e),
    )
    return () => ctrl.abort()
  }, [reload, more])

  const older = async () => {
    try {
      const log = await getRetentionLog(next)
      setRuns((r) => [...(r ?? []), ...log.runs])
      setNext(log.next)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="retention-log-heading">
      <h2 id="retention-log-heading" className="card-title">
        Retention log
      </h2>
      {error !== undefined ? (
        <InlineError what="the retention log" error={error} onRetry={() => setMore((n) => n + 1)} />
      ) : !runs ? (
        <Skeleton lines={3} label="Loading the retention log" />
      ) : runs.length === 0 ? (
        <p className="muted">Nothing has been deleted for retention yet.</p>
      ) : (
        <ol className="retention-runs">
          {runs.map((run) => (
            <li key={run.seq} className="retention-run">
              <p className="retention-run-title">
                {formatDateTime(run.at)} · {run.trigger === 'automatic' ? 'by the host' : `by ${run.actor.name}`} ·{' '}
                {run.deleted.length} deleted, {filesText(run.files, true)}
              </p>
              {run.deleted.length > 0 && (
                <ul className="retention-items">
                  {run.deleted.map((it, i) => (
                    <li key={i}>
                      {WHAT_LABEL[it.what]}
                      {it.position && ` · ${it.position}`}
                      {it.endsAt && ` · ended ${formatDate(it.endsAt)}`}
                      {it.interviewId && (
                        <>
                          {' '}
                          · <code>{it.interviewId}</code>
                        </>
                      )}
                      {it.subject && ` · ${it.subject}`} — {it.why}
                    </li>
                  ))}
                </ul>
              )}
              {run.skipped.length > 0 && (
                <ul className="retention-items">
                  {run.skipped.map((s, i) => (
                    <li key={i} className="field-error">
                      Skipped {s.position || s.subject || s.interviewId}: {s.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {next !== undefined && next > 0 && (
        <button type="button" className="btn table-more" onClick={() => void older()}>
          Older runs
        </button>
      )}
    </section>
  )
}
