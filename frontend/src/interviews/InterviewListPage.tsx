import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefCallback } from 'react'
import { earlyAnswer, errorMessage } from '../api/client'
import { listInterviews, listPath, listQuery } from '../api/interviews'
import { FIRST_LIST_PAGE } from '../api/contract.gen'
import { CampaignFilter, CampaignCell } from './CampaignFilter'
import type { InterviewSummary, Tense } from '../api/types'
import { currentLocale } from '../platform/locale'
import { formatDate, formatTime, relativeLabel } from '../platform/time'
import { href, navigate } from '../app/router'
import { useKeyShortcut } from '../ui/shortcuts'
import { EmptyState, LoadError, PageHeader } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { StatusBadge } from './status'
import { useNow } from '../ui/useNow'
import { usePainted } from '../ui/usePainted'
import { useRights } from '../account/AccountContext'

const TABS: { tense: Tense; label: string; empty: string }[] = [
  { tense: 'upcoming', label: 'Upcoming', empty: 'No upcoming interviews. Create one from a template.' },
  { tense: 'past', label: 'Past', empty: 'No past interviews yet.' },
  { tense: 'cancelled', label: 'Cancelled', empty: 'No cancelled interviews.' },
]

const TAB_KEY = 'interviewdesk.interviewTab'

function storedTab(): Tense {
  try {
    const v = sessionStorage.getItem(TAB_KEY)
    return v === 'past' || v === 'cancelled' ? v : 'upcoming'
  } catch {
    return 'upcoming'
  }
}

/** Debounces a changing value. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms)
    return () => window.clearTimeout(t)
  }, [value, ms])
  return v
}

/** Interviews on the first page: a screenful, so the list paints quickly however many there are. */
export const FIRST_PAGE = FIRST_LIST_PAGE

/**
 * Rows on the list's first frame: a screenful (about 10 rows of 4rem at
 * 1440×900) and a few more; the rest of the page follows right after it.
 */
export const FIRST_FRAME_ROWS = 12

/** Interviews per page after the first, as the list is scrolled or "Show more" is pressed. */
export const PAGE = 50

/** The path of the first page the list opens with (its stored tab, no search, every campaign). */
export const firstPagePath = (): string => listPath({ tense: storedTab(), limit: FIRST_PAGE })

type Page = { interviews: InterviewSummary[]; total: number }

/** The pages after the first, for the first page they follow. */
type More = { after: Page | undefined; rows: InterviewSummary[]; total: number; loading: boolean; error: unknown }

/**
 * A list tab's interviews a page at a time: the first comes with the tab and
 * search; `more` appends the next. Later pages belong to the first page they
 * follow, so a new tab, search or reload starts over and an answer for the old
 * one is dropped.
 */
function useInterviewPages(tense: Tense, q: string, campaign: string) {
  const first = useAsync((signal) => listInterviews({ tense, q, campaign, limit: FIRST_PAGE }, signal), [tense, q, campaign], () =>
    earlyAnswer('GET /api/interviews', { query: listQuery({ tense, q, campaign, limit: FIRST_PAGE }) }),
  )
  const [next, setNext] = useState<More>({ after: undefined, rows: [], total: 0, loading: false, error: undefined })
  const inFlight = useRef<Page | undefined>(undefined)
  const base = first.data
  const mine = base !== undefined && next.after === base
  const rows = base ? (mine ? [...base.interviews, ...next.rows] : base.interviews) : undefined

  const more = async () => {
    if (!base || !rows || inFlight.current === base) return
    inFlight.current = base
    const kept = mine ? next.rows : []
    const update = (patch: Partial<More>) => setNext((n) => (n.after === base ? { ...n, ...patch } : n))
    setNext({ after: base, rows: kept, total: mine ? next.total : base.total, loading: true, error: undefined })
    try {
      const page = await listInterviews({ tense, q, campaign, limit: PAGE, offset: rows.length })
      // A change between two pages shifts the rest: never show a row twice.
      const seen = new Set(rows.map((iv) => iv.id))
      update({ rows: [...kept, ...page.interviews.filter((iv) => !seen.has(iv.id))], total: page.total, loading: false })
    } catch (e) {
      update({ loading: false, error: e })
    } finally {
      if (inFlight.current === base) inFlight.current = undefined
    }
  }
  return {
    first,
    rows,
    total: base ? (mine ? next.total : base.total) : 0,
    more,
    loadingMore: mine && next.loading,
    moreError: mine ? next.error : undefined,
  }
}

/**
 * A ref for the Show more button that loads the next page when the button
 * comes near the viewport (the button stays for keyboards). It watches the
 * element itself rather than keeping it in state: a state update from a ref
 * would render the whole list a second time before its first frame.
 */
function useNearViewport(onNear: () => void): RefCallback<HTMLElement> {
  const latest = useRef(onNear)
  latest.current = onNear
  return useCallback((el: HTMLElement | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && latest.current(), {
      rootMargin: '0px 0px 400px 0px',
    })
    io.observe(el)
    return () => io.disconnect()
  }, [])
}

export function InterviewListPage() {
  const [tense, setTense] = useState<Tense>(storedTab)
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 250)
  const [campaign, setCampaign] = useState('')
  const { first: list, rows, total, more, loadingMore, moreError } = useInterviewPages(tense, q, campaign)
  const painted = usePainted()
  const shown = painted ? rows : rows?.slice(0, FIRST_FRAME_ROWS)
  const moreButton = useNearViewport(() => {
    if (!moreError) void more()
  })
  const searchRef = useRef<HTMLInputElement>(null)
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([])
  const now = useNow()
  // An interviewer's list holds only the interviews it is an interviewer of; it schedules none.
  const { recruit } = useRights()

  useKeyShortcut('/', () => searchRef.current?.focus())
  useKeyShortcut('n', () => {
    if (recruit) navigate('#/interviews/new')
  })

  const choose = (t: Tense) => {
    setTense(t)
    try {
      sessionStorage.setItem(TAB_KEY, t)
    } catch {
      // not kept
    }
  }

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = TABS.length - 1
    const to =
      e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
      : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : -1
    if (to < 0) return
    e.preventDefault()
    const tab = TABS[to]
    if (tab) choose(tab.tense)
    tabRefs.current[to]?.focus()
  }

  const current = TABS.find((t) => t.tense === tense) ?? TABS[0]!
  const count = (n: number) => n.toLocaleString(currentLocale())
  return (
    <>
      <PageHeader
        title="Interviews"
        actions={
          recruit && (
            <a className="btn btn-primary" href="#/interviews/new" aria-keyshortcuts="n">
              New interview
            </a>
          )
        }
      />

      <div className="toolbar">
        <div role="tablist" aria-label="Interviews by time" className="tabs">
          {TABS.map((t, i) => (
            <button
              key={t.tense}
              ref={(el) => {
                tabRefs.current[i] = el
              }}
              type="button"
              role="tab"
              id={`tab-${t.tense}`}
              aria-selected={t.tense === tense}
              aria-controls="interviews-panel"
              tabIndex={t.tense === tense ? 0 : -1}
              className="tab"
              onClick={() => choose(t.tense)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="search search-wide">
          <label htmlFor="interview-search" className="visually-hidden">
            Search by candidate, email, position or campaign
          </label>
          <input
            ref={searchRef}
            id="interview-search"
            type="search"
            className="input"
            placeholder="Search by candidate, email, position or campaign"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-keyshortcuts="/"
          />
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        {recruit && <CampaignFilter value={campaign} onChange={setCampaign} />}
      </div>

      <div id="interviews-panel" role="tabpanel" aria-labelledby={`tab-${tense}`} aria-busy={list.loading}>
        {list.error !== undefined ? (
          <LoadError error={list.error} onRetry={list.reload} what="interviews" />
        ) : rows === undefined ? (
          <div className="table-skeleton" aria-label="Loading interviews">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="skeleton-row" />
            ))}
          </div>
        ) : rows.length === 0 ? (
          <EmptyState
            title={
              recruit || q ? emptyTitle(current, q, campaign !== '')
              : `You are an interviewer of no ${current.label.toLowerCase()} interview. A recruiter adds you to one.`
            }
          >
            {campaign && !q ? (
              <button type="button" className="btn" onClick={() => setCampaign('')}>
                Show every campaign
              </button>
            ) : q ? (
              <button type="button" className="btn" onClick={() => setSearch('')}>
                Clear search
              </button>
            ) : tense === 'upcoming' && recruit ? (
              <a className="btn btn-primary" href="#/templates">
                Choose a template
              </a>
            ) : null}
          </EmptyState>
        ) : (
          <table className="table">
            <caption className="visually-hidden">
              {current.label} interviews{q ? ` matching “${q}”` : ''}, {total} in all
            </caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Position</th>
                <th scope="col">Template</th>
                <th scope="col">Campaign</th>
                <th scope="col">Date and time</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {(shown ?? rows).map((iv) => (
                <tr key={iv.id} className="row-link" onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return
                  navigate(href('interviews', iv.id))
                }}>
                  <td>
                    <a className="cell-title" href={href('interviews', iv.id)}>
                      {iv.candidate.name}
                    </a>
                    <span className="cell-sub">{iv.candidate.email}</span>
                  </td>
                  <td>{iv.position}</td>
                  <td>{iv.templateName}</td>
                  <td>
                    <CampaignCell name={iv.campaign} id={iv.campaignId} />
                  </td>
                  <td>
                    <span className="cell-title-plain">
                      {formatDate(iv.startsAt)}, {formatTime(iv.startsAt)}
                    </span>
                    <span className="cell-sub">{relativeLabel(iv.startsAt, now)}</span>
                  </td>
                  <td>
                    <StatusBadge status={iv.status} tense={iv.tense} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rows && rows.length > 0 && total > rows.length && (
          <div className="table-more">
            <p className="table-note" aria-live="polite">
              Showing {count(rows.length)} of {count(total)}. Search to narrow the list.
            </p>
            {moreError !== undefined && (
              <p className="field-error" role="alert">
                Could not load more interviews: {errorMessage(moreError)}
              </p>
            )}
            <button
              ref={moreButton}
              type="button"
              className="btn"
              onClick={() => void more()}
              aria-disabled={loadingMore}
              aria-busy={loadingMore}
            >
              {loadingMore ? 'Loading…' : moreError !== undefined ? 'Try again' : `Show ${count(Math.min(PAGE, total - rows.length))} more`}
            </button>
          </div>
        )}
      </div>
    </>
  )
}

// emptyTitle says why the list is empty: nothing yet, or nothing that matches
// the search and the campaign filter.
function emptyTitle(tab: { label: string; empty: string }, q: string, inCampaign: boolean): string {
  const kind = `${tab.label.toLowerCase()} interviews`
  if (!q && !inCampaign) return tab.empty
  if (!q) return `No ${kind} in this campaign.`
  return inCampaign ? `No ${kind} in this campaign match “${q}”.` : `No ${kind} match “${q}”.`
}
