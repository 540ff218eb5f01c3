// fetch is replaced here: these tests are about which calls reach the
// network, which no host can tell from the outside.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, earlyAnswer, onSignedOut, request } from './client'
import { EARLY_FOR_MS, earlyAnswersIn, peekEarly, requestEarly } from './early'

function stubFetch() {
  const calls: string[] = []
  const impl = vi.fn((url: string) => {
    calls.push(url)
    if (url === '/api/health?v=old') return Promise.resolve(new Response('{"version":1}', { status: 200 }))
    if (url === '/api/health') return Promise.resolve(new Response('{"version":"1.2.3","dataDir":"/d","publicUrl":"http://h"}', { status: 200 }))
    if (url === '/api/account') return Promise.resolve(new Response('{"error":{"code":"unauthorized","message":"Sign in."}}', { status: 401 }))
    return Promise.resolve(new Response(JSON.stringify({ url, n: calls.length }), { status: 200 }))
  })
  vi.stubGlobal('fetch', impl)
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('early answers', () => {
  it('serve the first GET of their path once, and later ones go to the host', async () => {
    const calls = stubFetch()
    requestEarly(['/api/settings', '/api/interviews?tense=upcoming&limit=50'])
    expect(calls).toEqual(['/api/settings', '/api/interviews?tense=upcoming&limit=50'])
    expect(await request('GET', '/api/settings')).toEqual({ url: '/api/settings', n: 1 })
    expect(calls).toHaveLength(2)
    expect(await request('GET', '/api/settings')).toEqual({ url: '/api/settings', n: 3 })
    expect(calls).toHaveLength(3)
  })

  it('never answer another method or another path', async () => {
    const calls = stubFetch()
    requestEarly(['/api/settings'])
    await request('GET', '/api/settings?x=1')
    await request('HEAD', '/api/settings')
    expect(calls).toEqual(['/api/settings', '/api/settings?x=1', '/api/settings'])
  })

  it('are dropped by any call that changes something (a sign-in makes an early 401 stale)', async () => {
    const calls = stubFetch()
    requestEarly(['/api/account', '/api/settings'])
    await request('POST', '/api/session', { json: {} })
    expect(await request('GET', '/api/settings')).toEqual({ url: '/api/settings', n: 4 })
    expect(calls).toEqual(['/api/account', '/api/settings', '/api/session', '/api/settings'])
  })

  it('are dropped when nobody takes them in time, so nothing is served stale', async () => {
    vi.useFakeTimers()
    const calls = stubFetch()
    requestEarly(['/api/settings'])
    vi.advanceTimersByTime(EARLY_FOR_MS + 1)
    await request('GET', '/api/settings')
    expect(calls).toEqual(['/api/settings', '/api/settings'])
  })

  it('give the same errors as a call of their own: a 401 signs the console out', async () => {
    stubFetch()
    const signedOut = vi.fn()
    const stop = onSignedOut(signedOut)
    requestEarly(['/api/account'])
    const err = await request('GET', '/api/account').catch((e: unknown) => e)
    stop()
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('unauthorized')
    expect(signedOut).toHaveBeenCalledOnce()
  })

  it('honour the call’s abort signal', async () => {
    stubFetch()
    requestEarly(['/api/settings'])
    const ctrl = new AbortController()
    ctrl.abort()
    await expect(request('GET', '/api/settings', { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('early answers read at once', () => {
  it('give an arrived answer, checked against the contract, once', async () => {
    const calls = stubFetch()
    requestEarly(['/api/health'])
    expect(earlyAnswer('GET /api/health', {})).toBeUndefined() // still on its way
    await earlyAnswersIn(1_000)
    expect(earlyAnswer('GET /api/health', {})).toEqual({ version: '1.2.3', dataDir: '/d', publicUrl: 'http://h' })
    expect(earlyAnswer('GET /api/health', {})).toBeUndefined()
    await request('GET', '/api/health')
    expect(calls).toEqual(['/api/health', '/api/health'])
  })

  it('leave an error, or an answer of the wrong shape, to the call that follows', async () => {
    const calls = stubFetch()
    requestEarly(['/api/account', '/api/health?v=old'])
    await earlyAnswersIn(1_000)
    expect(earlyAnswer('GET /api/account', {})).toBeUndefined()
    expect(earlyAnswer('GET /api/health', { query: { v: 'old' } })).toBeUndefined() // a number is no version
    await expect(request('GET', '/api/account')).rejects.toBeInstanceOf(ApiError)
    expect(calls).toEqual(['/api/account', '/api/health?v=old'])
    expect(peekEarly('/api/nothing')).toBeUndefined()
  })

  it('stop waiting for a slow host', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})))
    requestEarly(['/api/slow'])
    let done = false
    void earlyAnswersIn(300).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(299)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
    expect(peekEarly('/api/slow')).toBeUndefined()
  })
})
