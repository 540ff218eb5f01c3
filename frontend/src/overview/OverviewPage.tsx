// Overview: finished interviews with candidate, position, date, the final
// score and the interviewers' rating, the analysis' state; sortable,
// filterable by position, campaign and date; and how scores spread per position.

import { useMemo, useState } from 'react'
import { getOverview } from '../api/overview'
import { href } from '../app/router'
import { formatDate } from '../platform/time'
import { usePush } from '../platform/push'
import { EmptyState, LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { distribution, filterRows, NO_FILTERS, sortRows, uniqueValues, type Filters, type SortKey } from './overview'
import './overview.css'

const STATUS: Record<string, string> = {
  queued: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  declined: 'Declined by the candidate',
}

const BANDS = ['0–1', '1–2', '2–3', '3–4', '4–5']

export function OverviewPage() {
  const state = useAsync((signal) => getOverview(signal), [])
  usePush(undefined, ['analysis', 'interview'], state.reload)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'date', descending: true })
  const rows = state.data ?? []
  const shown = useMemo(() => sortRows(filterRows(rows, filters), sort.key, sort.descending), [rows, filters, sort])
  const spread = useMemo(() => distribution(shown), [shown])
  const positions = uniqueValues(rows, (r) => r.interview.position)
  const campaigns = uniqueValues(rows, (r) => r.interview.campaign)

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="th-sort"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'candidate' && key !== 'position' }))}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  )

  let body
  if (state.error) body = <LoadError error={state.error} onRetry={state.reload} what="the overview" />
  else if (!state.data) body = <Skeleton lines={5} label="Loading the overview…" />
  else if (rows.length === 0)
    body = (
      <EmptyState title="No finished interviews yet">
        Interviews appear here once they end, with their analysis and score.
      </EmptyState>
    )
  else
    body = (
      <>
        <form className="overview-filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
          <label>
            Position{' '}
            <select value={filters.position} onChange={(e) => setFilters({ ...filters, position: e.target.value })}>
              <option value="">All positions</option>
              {positions.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          {campaigns.length > 0 && (
            <label>
              Campaign{' '}
              <select value={filters.campaign} onChange={(e) => setFilters({ ...filters, campaign: e.target.value })}>
                <option value="">All campaigns</option>
                {campaigns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            From <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
          </label>
          <label>
            To <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
          </label>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setFilters(NO_FILTERS)}>
            Clear all
          </button>
        </form>
        {spread.length > 0 && (
          <section className="card overview-spread" aria-labelledby="spread-title">
            <h2 id="spread-title" className="card-title">
              Scores by position
            </h2>
            {spread.map((d) => {
              const most = Math.max(1, ...d.bands)
              return (
                <figure key={d.position} className="spread">
                  <figcaption>{d.position}</figcaption>
                  <ol className="spread-bars" aria-label={`Scores for ${d.position}`}>
                    {d.bands.map((n, i) => (
                      <li key={BANDS[i]} aria-label={`${n} with a score of ${BANDS[i]}`}>
                        <span className="spread-bar" style={{ height: `${(n / most) * 100}%` }} />
                        <span className="spread-label">{BANDS[i]}</span>
                      </li>
                    ))}
                  </ol>
                </figure>
              )
            })}
          </section>
        )}
        <table className="table overview-table">
          <caption className="visually-hidden">Finished interviews</caption>
          <thead>
            <tr>
              {header('candidate', 'Candidate')}
              {header('position', 'Position')}
              {header('date', 'Date')}
              {header('score', 'AI score')}
              {header('rating', 'Interviewers')}
              <th scope="col">Analysis</th>
              <th scope="col">
                <span className="visually-hidden">Report</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.interview.id}>
                <td>
                  <a href={href('interviews', r.interview.id)}>{r.interview.candidate.name}</a>
                </td>
                <td>{r.interview.position}</td>
                <td>{formatDate(r.interview.startsAt, r.interview.timeZone)}</td>
                <td className="num">{r.analysis?.status === 'done' ? `${r.analysis.score.toFixed(1)} / 5` : '–'}</td>
                <td className="num">{r.analysis?.rating ? `${r.analysis.rating.toFixed(1)} / 5` : '–'}</td>
                <td>{r.analysis ? STATUS[r.analysis.status] ?? r.analysis.status : 'Not run'}</td>
                <td>
                  <a href={href('interviews', r.interview.id, 'report')} aria-label={`Open report: ${r.interview.candidate.name}`}>
                    Open report
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted">No finished interview matches these filters.</p>}
      </>
    )
  return (
    <>
      <PageHeader title="Overview" />
      {body}
    </>
  )
}
