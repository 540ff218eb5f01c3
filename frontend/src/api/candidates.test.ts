import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client'
import { importResults, searchCandidates } from './candidates'
import { json, stubFetch } from './testing'

afterEach(() => vi.unstubAllGlobals())

describe('the candidates API', () => {
  it('sends the search and its time filter as the query', async () => {
    const fetch = stubFetch(() => json(200, { candidates: [], total: 0 }))
    await searchCandidates({ q: 'backend', since: 'all' })
    expect(fetch.mock.calls[0]![0]).toBe('/api/candidates?q=backend&since=all')
  })

  it('sends a results file as a JSON string and reads its problems in file order', async () => {
    const fetch = stubFetch(() =>
      json(422, {
        error: {
          code: 'invalid',
          message: 'Nothing was imported: the file has problems, each listed with its line.',
          fields: { 'results[0].score': 'line 10, results[0].score: too high' },
          problems: [
            { line: 10, field: 'results[0].score', message: 'The score (182) is more than the maximum score (100).' },
            { field: '', message: '…and 3 more problems. Fix these first.' },
          ],
        },
      }),
    )
    const err = await importResults('results.csv', 'a,b\n').catch((e: unknown) => e)
    expect(JSON.parse(fetch.mock.calls[0]![1].body as string)).toEqual({ name: 'results.csv', content: 'a,b\n' })
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).problems).toEqual([
      { line: 10, field: 'results[0].score', message: 'The score (182) is more than the maximum score (100).' },
      { field: '', message: '…and 3 more problems. Fix these first.' },
    ])
  })
})
