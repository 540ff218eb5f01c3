import { afterEach, describe, expect, it, vi } from 'vitest'
import { NetworkError } from './client'
import { listRecordings } from './room'
import { json, stubFetch } from './testing'

afterEach(() => vi.unstubAllGlobals())

describe('room data', () => {
  it('lists recordings; null is none', async () => {
    stubFetch(() => json(200, { recordings: null }))
    expect(await listRecordings('iv1')).toEqual([])
  })

  it('reports a missing interview and an unreachable host', async () => {
    stubFetch(() => json(404, { error: { code: 'not_found', message: 'No such interview.' } }))
    await expect(listRecordings('gone')).rejects.toMatchObject({ status: 404, message: 'No such interview.' })
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(listRecordings('iv1')).rejects.toBeInstanceOf(NetworkError)
  })
})
