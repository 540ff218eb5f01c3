// The Overview's pure parts: filtering, sorting and the score distribution.

import type { OverviewRow } from '../api/overview'

export type SortKey = 'date' | 'candidate' | 'position' | 'score' | 'rating'
export type Filters = { position: string; campaign: string; from: string; to: string }

export const NO_FILTERS: Filters = { position: '', campaign: '', from: '', to: '' }

export function filterRows(rows: readonly OverviewRow[], f: Filters): OverviewRow[] {
  return rows.filter((r) => {
    const day = r.interview.startsAt.slice(0, 10)
    return (
      (!f.position || r.interview.position === f.position) &&
      (!f.campaign || r.interview.campaign === f.campaign) &&
      (!f.from || day >= f.from) &&
      (!f.to || day <= f.to)
    )
  })
}

const score = (r: OverviewRow) => (r.analysis?.status === 'done' ? r.analysis.score : -1)
const rating = (r: OverviewRow) => r.analysis?.rating ?? -1

export function sortRows(rows: readonly OverviewRow[], key: SortKey, descending: boolean): OverviewRow[] {
  const by: Record<SortKey, (a: OverviewRow, b: OverviewRow) => number> = {
    date: (a, b) => a.interview.startsAt.localeCompare(b.interview.startsAt),
    candidate: (a, b) => a.interview.candidate.name.localeCompare(b.interview.candidate.name),
    position: (a, b) => a.interview.position.localeCompare(b.interview.position),
    score: (a, b) => score(a) - score(b),
    rating: (a, b) => rating(a) - rating(b),
  }
  const out = [...rows].sort(by[key])
  return descending ? out.reverse() : out
}

/** Analysed interviews per score band (0–1, 1–2, … 4–5), per position. */
export function distribution(rows: readonly OverviewRow[]): { position: string; bands: number[] }[] {
  const byPosition = new Map<string, number[]>()
  for (const r of rows) {
    if (r.analysis?.status !== 'done') continue
    const bands = byPosition.get(r.interview.position) ?? [0, 0, 0, 0, 0]
    bands[Math.min(4, Math.floor(r.analysis.score))]! += 1
    byPosition.set(r.interview.position, bands)
  }
  return [...byPosition.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([position, bands]) => ({ position, bands }))
}

export const uniqueValues = (rows: readonly OverviewRow[], pick: (r: OverviewRow) => string): string[] =>
  [...new Set(rows.map(pick).filter(Boolean))].sort((a, b) => a.localeCompare(b))
