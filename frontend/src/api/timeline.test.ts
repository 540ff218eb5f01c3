import { afterEach, describe, expect, it, vi } from 'vitest'
import { NetworkError } from './client'
import { getTimeline } from './timeline'
import { json, stubFetch } from './testing'

afterEach(() => vi.unstubAllGlobals())

describe('getTimeline', () => {
  const state = { phase: 'waiting', locked: false, topics: [], questions: 0, question: -1, lastSeq: 0 }

  it('reads the host’s rows and state; a null row list is empty', async () => {
    const fetch = stubFetch(() => json(200, { rows: null, state }))
    expect(await getTimeline('iv/1')).toEqual({ rows: [], state })
    expect(fetch.mock.calls[0]![0]).toBe('/api/interviews/iv%2F1/timeline')
    const row = { key: 'e-1', at: '2026-11-25T10:00:00Z', kind: 'started', actor: { name: 'Alex', role: 'interviewer' } }
    stubFetch(() => json(200, { rows: [row], state }))
    expect((await getTimeline('iv1')).rows).toEqual([row])
  })

  it('refuses an answer without a state', async () => {
    stubFetch(() => json(200, { events: [] }))
    await expect(getTimeline('iv1')).rejects.toThrow('no timeline')
  })

  it('reports a missing interview and an unreachable host', async () => {
    stubFetch(() => json(404, { error: { code: 'not_found', message: 'No such interview.' } }))
    await expect(getTimeline('gone')).rejects.toMatchObject({ status: 404, message: 'No such interview.' })
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(getTimeline('iv1')).rejects.toBeInstanceOf(NetworkError)
  })
})
