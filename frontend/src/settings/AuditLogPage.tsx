// Settings → Audit log: who did what, newest first, by kind, a page at a time.
import { useEffect, useState } from 'react'
import { AUDIT_KINDS, getAuditLog, type AuditEntry, type AuditKind } from '../api/privacy'
import { formatDateTime } from '../platform/time'
import { EmptyState, InlineError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { SettingsTabs } from './SettingsTabs'

export const KIND_LABEL: Record<AuditKind, string> = {
  'sign-in': 'Sign-in',
  users: 'Users',
  settings: 'Settings',
  deletion: 'Deletion',
  export: 'Export',
  erasure: 'Erasure',
  backup: 'Backup',
  restore: 'Restore',
  retention: 'Retention',
}

const PAGE = 50

export function AuditLogPage() {
  const [kind, setKind] = useState<AuditKind | ''>('')
  const [entries, setEntries] = useState<AuditEntry[] | undefined>()
  const [next, setNext] = useState<number | undefined>()
  const [error, setError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    const ctrl = new AbortController()
    setEntries(undefined)
    setError(undefined)
    getAuditLog({ kind: kind || undefined, limit: PAGE }, ctrl.signal).then(
      (page) => {
        setEntries(page.entries)
        setNext(page.next)
      },
      (e: unknown) => !ctrl.signal.aborted && setError(e),
    )
    return () => ctrl.abort()
  }, [kind, attempt])

  const older = async () => {
    setLoadingMore(true)
    try {
      const page = await getAuditLog({ kind: kind || undefined, before: next, limit: PAGE })
      setEntries((e) => [...(e ?? []), ...page.entries])
      setNext(page.next)
    } catch (e) {
      setError(e)
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs current="audit" />
      <section className="card settings-card" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="card-title">
          Audit log
        </h2>
        <p className="section-hint">
          Who did what on this install, newest first: sign-ins, settings changes, deletions, exports, erasures, backups, restores and
          retention runs. Nothing is ever removed from it. Candidates appear as a code, never by name.
        </p>
        <div className="audit-filter">
          <Field id="audit-kind" label="Show">
            <select className="input" value={kind} onChange={(e) => setKind(e.target.value as AuditKind | '')}>
              <option value="">Everything</option>
              {AUDIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {error !== undefined ? (
          <InlineError what="the audit log" error={error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !entries ? (
          <Skeleton lines={6} label="Loading the audit log" />
        ) : entries.length === 0 ? (
          <EmptyState title={kind ? `No ${KIND_LABEL[kind].toLowerCase()} entries yet.` : 'Nothing has been logged yet.'} />
        ) : (
          <table className="table">
            <caption className="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{formatDateTime(e.at)}</td>
                  <td className="audit-kind">{KIND_LABEL[e.kind]}</td>
                  <td>{e.actor.name}</td>
                  <td>{e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries && next !== undefined && next > 0 && (
          <button type="button" className="btn table-more" onClick={() => void older()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Older entries'}
          </button>
        )}
      </section>
    </>
  )
}
