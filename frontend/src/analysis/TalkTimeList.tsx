// How long each person spoke (voice activity, whatever the words recognised).

import type { TalkTime } from '../api/analysis'
import { formatClock } from '../interviews/RecordingsPanel'

export function TalkTimeList({ talk }: { talk: readonly TalkTime[] }) {
  const totals = talk.filter((t) => t.question === undefined)
  if (totals.length === 0) return null
  const all = totals.reduce((n, t) => n + t.ms, 0)
  return (
    <ul className="talk-list">
      {totals.map((t) => (
        <li key={t.speaker + t.role}>
          <span className="talk-who">
            {t.speaker} <span className="muted">({t.role})</span>
          </span>
          <span className="talk-bar" aria-hidden="true">
            <span style={{ width: `${all > 0 ? (t.ms / all) * 100 : 0}%` }} />
          </span>
          <span className="talk-time">{formatClock(t.ms)}</span>
        </li>
      ))}
    </ul>
  )
}
