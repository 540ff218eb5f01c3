import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, dispositionFilename, errorMessage, NetworkError, parseApiError, request, requestText } from './client'

describe('parseApiError', () => {
  it('reads the documented error body with fields', () => {
    const e = parseApiError(
      422,
      JSON.stringify({
        error: {
          code: 'invalid',
          message: 'Check the highlighted fields.',
          fields: { candidateEmail: 'Enter a valid email address, like name@example.com.', bogus: 42 },
        },
      }),
    )
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.code).toBe('invalid')
    expect(e.message).toBe('Check the highlighted fields.')
    expect(e.fields).toEqual({ candidateEmail: 'Enter a valid email address, like name@example.com.' })
  })

  it.each([
    [404, '{"error":{"code":"not_found","message":"No such interview."}}', 'not_found', 'No such interview.'],
    [409, '{"error":{"code":"conflict","message":"The interview is cancelled."}}', 'conflict', 'The interview is cancelled.'],
    [401, '', 'unauthorized', 'This console is not signed in to the host. Sign in again; the host’s owner can also run “interviewdesk console link” where it runs.'],
    [502, '<html>Bad gateway</html>', 'internal', 'Something went wrong on the host. Try again; if it persists, check the host log.'],
    [418, '{"message":"teapot"}', 'unknown', 'The host answered with an unexpected error.'],
    [400, '{"error":{"code":"weird","message":""}}', 'bad_request', 'The host did not understand the request.'],
  ])('status %i body %j → %s', (status, body, code, message) => {
    const e = parseApiError(status, body)
    expect(e.code).toBe(code)
    expect(e.message).toBe(message)
    expect(e.fields).toEqual({})
  })
})

type FetchCall = [string, RequestInit]

function stubFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl)
  vi.stubGlobal('fetch', fn)
  return fn
}

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends JSON as a string body with same-origin credentials and no auth header', async () => {
    const fetch = stubFetch(async () => new Response('{"id":"i1"}', { status: 201 }))
    const got = await request<{ id: string }>('POST', '/api/interviews', { json: { position: 'Go dev' } })
    expect(got).toEqual({ id: 'i1' })
    const [url, init] = fetch.mock.calls[0] as FetchCall
    expect(url).toBe('/api/interviews')
    expect(init.method).toBe('POST')
    expect(typeof init.body).toBe('string')
    expect(init.body).toBe('{"position":"Go dev"}')
    expect(init.credentials).toBe('same-origin')
    const headers = init.headers as Record<string, string>
    expect(headers['Content-Type']).toBe('application/json')
    expect(headers.Authorization).toBeUndefined()
  })

  it('sends text bodies unchanged (template import)', async () => {
    const fetch = stubFetch(async () => new Response('{"templates":[]}', { status: 201 }))
    const file = '{"format":"interviewdesk.templates/v1","templates":[]}'
    await request('POST', '/api/templates/import', { text: file })
    const [, init] = fetch.mock.calls[0] as FetchCall
    expect(init.body).toBe(file)
  })

  it('declares JSON on body-less mutations and not on GET', async () => {
    const fetch = stubFetch(async () => new Response(null, { status: 204 }))
    expect(await request('DELETE', '/api/templates/t1')).toBeUndefined()
    await request('GET', '/api/templates')
    const del = (fetch.mock.calls[0] as FetchCall)[1]
    const get = (fetch.mock.calls[1] as FetchCall)[1]
    expect((del.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    expect(del.body).toBeUndefined()
    expect((get.headers as Record<string, string>)['Content-Type']).toBeUndefined()
  })

  it('throws ApiError with fields on a 422', async () => {
    stubFetch(
      async () =>
        new Response('{"error":{"code":"invalid","message":"Check the highlighted fields.","fields":{"position":"Required."}}}', {
          status: 422,
        }),
    )
    const err = await request('POST', '/api/interviews', { json: {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).fields).toEqual({ position: 'Required.' })
    expect(errorMessage(err)).toBe('Check the highlighted fields.')
  })

  it('turns a failed connection into a NetworkError with a clear message', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch')
    })
    const err = await request('GET', '/api/templates').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect(errorMessage(err)).toMatch(/^Cannot reach the InterviewDesk host/)
  })

  it('passes aborts through', async () => {
    stubFetch(async () => {
      throw new DOMException('aborted', 'AbortError')
    })
    const err = await request('GET', '/api/templates').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DOMException)
  })

  it('returns text answers for downloads', async () => {
    stubFetch(async () => new Response('{"format":"interviewdesk.templates/v1"}', { status: 200 }))
    expect(await requestText('GET', '/api/templates/t1/export')).toBe('{"format":"interviewdesk.templates/v1"}')
  })
})

describe('dispositionFilename', () => {
  it.each([
    ['attachment; filename="interview-olivia.ics"', 'interview-olivia.ics'],
    ['attachment; filename=interview.ics', 'interview.ics'],
    ["attachment; filename=\"x.ics\"; filename*=UTF-8''interview-%C3%B6zil.ics", 'interview-özil.ics'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="a\\"b.ics"', 'a"b.ics'],
    ['attachment; filename="interview-\u00c3\u00b8yvind.ics"', 'interview-øyvind.ics'], // raw UTF-8 read as Latin-1
    ['attachment; filename="caf\u00e9.ics"', 'café.ics'], // real Latin-1 stays
    ['attachment', ''],
    [null, ''],
  ])('%s → %s', (header, name) => {
    expect(dispositionFilename(header)).toBe(name)
  })
})
