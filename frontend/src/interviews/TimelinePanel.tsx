import { getTimeline, type TimelineRow } from '../api/timeline'
import { dateTimeFormat } from '../platform/locale'
import { formatTime } from '../platform/time'
import { InlineError, Skeleton } from '../ui/Feedback'
import { CollapsibleCard } from '../ui/Disclosure'
import { useAsync } from '../ui/useAsync'
import { rowText } from './timeline'

/** A time of day in the viewer's locale and zone. */
const timeOfDay = (iso: string) => formatTime(iso)
const dayLabel = (iso: string) =>
  dateTimeFormat({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso))

/** Rows grouped by the viewer's calendar day. */
function byDay(rows: TimelineRow[]): { day: string; rows: TimelineRow[] }[] {
  const out: { day: string; rows: TimelineRow[] }[] = []
  for (const r of rows) {
    const day = dayLabel(r.at)
    const last = out[out.length - 1]
    if (last && last.day === day) last.rows.push(r)
    else out.push({ day, rows: [r] })
  }
  return out
}

function Stars({ rating }: { rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`Rating: ${rating} out of 5`}>
      <span aria-hidden="true">
        {'★'.repeat(rating)}
        <span className="stars-off">{'★'.repeat(5 - rating)}</span>
      </span>
    </span>
  )
}

function Row({ row }: { row: TimelineRow }) {
  const q = row.question
  const { title, detail } = rowText(row, { time: timeOfDay })
  return (
    <li className={`timeline-row timeline-kind-${row.kind}`}>
      <time className="timeline-time" dateTime={row.at}>
        {timeOfDay(row.at)}
      </time>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <p className="timeline-title">{title}</p>
        {detail && <p className="timeline-detail">{detail}</p>}
        {q && (
          <div className="timeline-qblock">
            {q.text && <p className="timeline-question-text">{q.text}</p>}
            {(q.rephrased || q.rating !== undefined) && (
              <p className="timeline-tags">
                {q.rating !== undefined && <Stars rating={q.rating} />}
                {q.rephrased && <span className="badge badge-muted">Rephrased question shown</span>}
              </p>
            )}
            {q.comment && (
              <p className="timeline-comment">
                <span className="timeline-label">Comment:</span> {q.comment}
              </p>
            )}
          </div>
        )}
        {row.note && (
          <div className="timeline-note">
            <p className="timeline-detail">
              Last saved at <time dateTime={row.note.savedAt}>{timeOfDay(row.note.savedAt)}</time>
            </p>
            <pre className="note-text">{row.note.text}</pre>
          </div>
        )}
      </div>
    </li>
  )
}

/** "Timeline": what happened in the room, in order, as the host tells it (docs/api.md, "Interview room data"). */
export function TimelinePanel({ interviewId }: { interviewId: string }) {
  const state = useAsync((signal) => getTimeline(interviewId, signal), [interviewId])
  const rows = state.data?.rows ?? []

  return (
    <CollapsibleCard
      title="Timeline"
      storageName="interview.timeline"
      headingId="timeline-heading"
      busy={state.loading}
      meta={state.data && rows.length > 0 ? `${rows.length} ${rows.length === 1 ? 'event' : 'events'}` : undefined}
      actions={
        state.data && (
          <button type="button" className="btn btn-small btn-ghost" onClick={state.reload} disabled={state.loading}>
            {state.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        )
      }
    >
      {state.error !== undefined ? (
        <InlineError what="Could not load the timeline" error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Skeleton lines={4} label="Loading the timeline" />
      ) : rows.length === 0 ? (
        <p className="empty-inline">Nothing has happened in the room yet.</p>
      ) : (
        byDay(rows).map((g) => (
          <div key={g.day} className="timeline-day">
            <h3 className="timeline-day-title">{g.day}</h3>
            <ol className="timeline" aria-label={`Timeline, ${g.day}`}>
              {g.rows.map((r) => (
                <Row key={r.key} row={r} />
              ))}
            </ol>
          </div>
        ))
      )}
    </CollapsibleCard>
  )
}
