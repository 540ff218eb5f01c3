// What the candidate's browser reported: pastes into the editor and time away
// from the interview tab. Interviewers only; the latest first.

import { formatTime } from '../../platform/time'
import type { Activity } from '../protocol'

/** One activity entry in words. */
export function activityText(a: Activity, candidate: string): string {
  switch (a.kind) {
    case 'paste':
      return `${candidate} pasted ${(a.length ?? 0).toLocaleString('en-US')} characters${a.external ? ' from outside the room' : ' copied in the editor'}`
    case 'left':
      return `${candidate} left the interview tab`
    case 'returned':
      return `${candidate} came back after ${formatAway(a.awayMs ?? 0)}`
  }
}

export function formatAway(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`
}

export function ActivityPanel({ activity, candidate }: { activity: Activity[]; candidate: string }) {
  const latest = activity.slice(-20).reverse()
  const flagged = activity.filter((a) => (a.kind === 'paste' && a.external) || a.kind === 'left').length
  return (
    <section className="card activity-card" aria-labelledby="activity-title">
      <h2 id="activity-title" className="card-title">
        Activity {flagged > 0 && <span className="badge badge-danger">{flagged}</span>}
      </h2>
      <p className="field-hint">Only interviewers see this.</p>
      {latest.length === 0 ? (
        <p className="muted">No pastes from outside and no time away from the tab so far.</p>
      ) : (
        <ol className="activity-list" aria-live="polite">
          {latest.map((a, i) => (
            <li key={`${a.at}-${i}`} className={a.kind === 'paste' && a.external ? 'activity-flag' : ''}>
              <time dateTime={a.at}>{formatTime(a.at)}</time> {activityText(a, candidate)}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
