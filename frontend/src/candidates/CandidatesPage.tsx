// Candidates: search by name, email, position or campaign within a time
// filter (Last 3 months unless changed), results with each position's stage
// and the last activity; import of take-home results.

import { useRef, useState, type KeyboardEvent } from 'react'
import { searchCandidates, type CandidateSummary, type Since } from '../api/candidates'
import { href, hrefWith, navigate } from '../app/router'
import { formatDate, relativeLabel } from '../platform/time'
import { EmptyState, LoadError, PageHeader } from '../ui/Feedback'
import { useKeyShortcut } from '../ui/shortcuts'
import { useAsync } from '../ui/useAsync'
import { useNow } from '../ui/useNow'
import { ImportResultsButton } from './ImportResults'
import { StageBadge } from './StageBadge'
import { DEFAULT_SINCE, isSince, SINCE_LABEL } from './stages'
import { TimeFilter } from './TimeFilter'
import './candidates.css'

export function CandidatesPage({ q, since: rawSince }: { q: string; since?: string | undefined }) {
  const since: Since = isSince(rawSince) ? rawSince : DEFAULT_SINCE
  const [text, setText] = useState(q)
  const list = useAsync((signal) => searchCandidates({ q, since }, signal), [q, since])
  const searchRef = useRef<HTMLInputElement>(null)
  useKeyShortcut('/', () => searchRef.current?.focus())

  const go = (next: { q?: string; since?: Since }) => {
    const s = next.since ?? since
    navigate(hrefWith(['candidates'], { q: (next.q ?? q).trim(), since: s === DEFAULT_SINCE ? undefined : s }), { replace: true })
  }

  return (
    <>
      <PageHeader
        title="Candidates"
        actions={
          <>
            <a className="btn" href="#/pipeline">
              Pipeline
            </a>
            <ImportResultsButton onImported={list.reload} />
          </>
        }
      />
      <form
        className="toolbar candidate-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          go({ q: text })
        }}
      >
        <div className="search search-wide">
          <label htmlFor="candidate-search" className="visually-hidden">
            Search candidates by name, email, position or campaign
          </label>
          <input
            ref={searchRef}
            id="candidate-search"
            type="search"
            className="input"
            placeholder="Name, email, position or campaign"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-keyshortcuts="/"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Search
        </button>
        <TimeFilter value={since} onApply={(s) => go({ since: s, q: text })} />
      </form>
      <Results list={list} q={q} since={since} onAnyTime={() => go({ since: 'all' })} onClear={() => {
        setText('')
        go({ q: '' })
      }} />
    </>
  )
}

function Results({
  list,
  q,
  since,
  onAnyTime,
  onClear,
}: {
  list: ReturnType<typeof useAsync<{ candidates: CandidateSummary[]; total: number }>>
  q: string
  since: Since
  onAnyTime: () => void
  onClear: () => void
}) {
  const now = useNow()
  const rows = list.data?.candidates ?? undefined
  const within = since === 'all' ? '' : ` active in the ${SINCE_LABEL[since].toLowerCase()}`
  if (list.error !== undefined) return <LoadError error={list.error} onRetry={list.reload} what="the candidates" />
  if (rows === undefined)
    return (
      <div className="table-skeleton" aria-label="Loading candidates">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="skeleton-row" />
        ))}
      </div>
    )
  if (rows.length === 0)
    return (
      <EmptyState title={q ? `No candidates${within} match “${q}”.` : `No candidates${within}.`}>
        <p>Candidates appear when you schedule an interview or import take-home results.</p>
        <div className="empty-actions">
          {since !== 'all' && (
            <button type="button" className="btn" onClick={onAnyTime}>
              Search any time
            </button>
          )}
          {q && (
            <button type="button" className="btn" onClick={onClear}>
              Clear search
            </button>
          )}
          <a className="btn btn-primary" href="#/interviews/new">
            New interview
          </a>
        </div>
      </EmptyState>
    )
  return (
    <div aria-busy={list.loading}>
      <table className="table candidate-table" onKeyDown={moveBetweenRows}>
        <caption className="visually-hidden">
          Candidates{within}
          {q ? ` matching “${q}”` : ''}, {list.data?.total ?? rows.length} in all. Arrow keys move between them.
        </caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Positions and stages</th>
            <th scope="col">Last activity</th>
            <th scope="col">Next interview</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr
              key={c.id}
              className="row-link"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return
                navigate(href('candidates', c.id))
              }}
            >
              <td>
                <a className="cell-title" href={href('candidates', c.id)} data-row-link>
                  {c.name}
                </a>
                <span className="cell-sub">{c.email}</span>
              </td>
              <td>
                <ul className="application-list">
                  {(c.applications ?? []).map((a) => (
                    <li key={a.position}>
                      <span>{a.position}</span> <StageBadge stage={a.stage} />
                    </li>
                  ))}
                </ul>
                {(c.campaigns ?? []).length > 0 && <span className="cell-sub">Campaign: {(c.campaigns ?? []).join(', ')}</span>}
              </td>
              <td>
                <span className="cell-title-plain">{formatDate(c.lastActivityAt)}</span>
                <span className="cell-sub">{relativeLabel(c.lastActivityAt, now)}</span>
              </td>
              <td>{c.nextInterviewAt ? formatDate(c.nextInterviewAt) : <span className="muted">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.total > rows.length && (
        <p className="table-note">
          Showing {rows.length} of {list.data.total}. Search to narrow the list.
        </p>
      )}
    </div>
  )
}

/** Up and down arrows move between the rows' links. */
function moveBetweenRows(e: KeyboardEvent<HTMLTableElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]'))
  const i = links.indexOf(document.activeElement as HTMLAnchorElement)
  if (i < 0) return
  e.preventDefault()
  const to = e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0)
  links[to]?.focus()
}
