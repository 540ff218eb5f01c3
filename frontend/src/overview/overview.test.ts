import { describe, expect, it } from 'vitest'
import type { OverviewRow } from '../api/overview'
import { distribution, filterRows, NO_FILTERS, sortRows } from './overview'

const row = (name: string, position: string, day: string, score?: number, rating?: number): OverviewRow => ({
  interview: {
    id: name,
    position,
    candidate: { name, email: `${name}@example.com` },
    campaign: position === 'Go' ? 'Autumn' : '',
    startsAt: `${day}T10:00:00Z`,
    timeZone: 'UTC',
    endsAt: `${day}T11:00:00Z`,
    status: 'finished',
    tense: 'past',
    templateName: 'T',
  },
  ...(score !== undefined ? { analysis: { status: 'done', score, answered: 3, ...(rating ? { rating } : {}) } } : {}),
})

const rows = [row('Ana', 'Go', '2026-11-02', 4.2, 4), row('Bo', 'Go', '2026-11-20', 1.5), row('Cy', 'Java', '2026-11-10'), row('Di', 'Java', '2026-10-01', 3.1, 2)]

describe('overview', () => {
  it('filters by position, campaign and date range', () => {
    expect(filterRows(rows, { ...NO_FILTERS, position: 'Go' }).map((r) => r.interview.id)).toEqual(['Ana', 'Bo'])
    expect(filterRows(rows, { ...NO_FILTERS, campaign: 'Autumn' })).toHaveLength(2)
    expect(filterRows(rows, { ...NO_FILTERS, from: '2026-11-01', to: '2026-11-15' }).map((r) => r.interview.id)).toEqual(['Ana', 'Cy'])
  })

  it('sorts by score with unanalysed interviews last when descending', () => {
    expect(sortRows(rows, 'score', true).map((r) => r.interview.id)).toEqual(['Ana', 'Di', 'Bo', 'Cy'])
    expect(sortRows(rows, 'date', false).map((r) => r.interview.id)).toEqual(['Di', 'Ana', 'Cy', 'Bo'])
    expect(sortRows(rows, 'rating', true)[0]!.interview.id).toBe('Ana')
  })

  it('counts analysed interviews per score band and position', () => {
    expect(distribution(rows)).toEqual([
      { position: 'Go', bands: [0, 1, 0, 0, 1] },
      { position: 'Java', bands: [0, 0, 0, 1, 0] },
    ])
  })
})
