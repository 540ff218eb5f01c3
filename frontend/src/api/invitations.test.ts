import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client'
import { getIcs, getInvitation, getOutbox, interviewerRecipient, resendMessage } from './invitations'
import { json, stubFetch } from './testing'

type Call = [string, RequestInit]

afterEach(() => vi.unstubAllGlobals())

describe('invitation text', () => {
  it('asks for the candidate’s by default and an interviewer’s by email, encoded', async () => {
    const inv = { for: 'candidate', name: 'Olivia', email: 'o@example.com', link: 'https://h/join/t', subject: 'S', text: 'T' }
    const fetch = stubFetch(() => json(200, inv))
    expect(await getInvitation('iv 1', 'candidate')).toEqual(inv)
    await getInvitation('iv1', interviewerRecipient('sam+x@example.com'))
    expect((fetch.mock.calls[0] as Call)[0]).toBe('/api/interviews/iv%201/invitation?for=candidate')
    expect((fetch.mock.calls[1] as Call)[0]).toBe('/api/interviews/iv1/invitation?for=interviewer%3Asam%2Bx%40example.com')
  })

  it('rejects with the host’s message for an unknown interviewer', async () => {
    stubFetch(() => json(404, { error: { code: 'not_found', message: 'sam@example.com is not an interviewer of this interview.' } }))
    const err = await getInvitation('iv1', 'interviewer:sam@example.com').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).message).toBe('sam@example.com is not an interviewer of this interview.')
  })
})

describe('.ics file', () => {
  it('returns the calendar as text with the suggested file name', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n'
    const fetch = stubFetch(
      () =>
        new Response(ics, {
          status: 200,
          headers: {
            'Content-Type': 'text/calendar; method=REQUEST; charset=utf-8',
            'Content-Disposition': 'attachment; filename="interview-olivia-diaz.ics"',
          },
        }),
    )
    expect(await getIcs('iv1', 'candidate')).toEqual({ text: ics, filename: 'interview-olivia-diaz.ics' })
    const [url, init] = fetch.mock.calls[0] as Call
    expect(url).toBe('/api/interviews/iv1/ics?for=candidate')
    expect(init.method).toBe('GET')
    expect(init.body).toBeUndefined()
  })

  it('has no file name when the host sends none', async () => {
    stubFetch(() => new Response('BEGIN:VCALENDAR', { status: 200 }))
    expect((await getIcs('iv1', 'candidate')).filename).toBe('')
  })

  it('rejects on errors instead of saving an error page', async () => {
    stubFetch(() => json(404, { error: { code: 'not_found', message: 'No such interview.' } }))
    await expect(getIcs('gone', 'candidate')).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })
})

describe('outbox', () => {
  it('lists messages and tolerates a null list', async () => {
    stubFetch(() => json(200, { mailConfigured: false, messages: null }))
    expect(await getOutbox('iv1')).toEqual({ mailConfigured: false, messages: [] })
  })

  it('resends by message id', async () => {
    const m = { id: '42', to: { name: 'O', email: 'o@example.com' }, subject: 'S', kind: 'invite', state: 'queued', attempts: 0, createdAt: '2026-11-25T10:00:00Z' }
    const fetch = stubFetch(() => json(200, m))
    expect(await resendMessage('42')).toEqual(m)
    const [url, init] = fetch.mock.calls[0] as Call
    expect(url).toBe('/api/outbox/42/resend')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('a resend conflict keeps the host’s reason', async () => {
    stubFetch(() => json(409, { error: { code: 'conflict', message: 'The message is still queued.' } }))
    await expect(resendMessage('42')).rejects.toMatchObject({ code: 'conflict', message: 'The message is still queued.' })
  })
})
