import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, errorMessage } from './client'
import { getMailSettings, saveMailSettings, sendTestEmail } from './mail'
import type { MailSettingsInput } from './types'
import { json, stubFetch } from './testing'

type Call = [string, RequestInit]

const saved = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  username: 'alex',
  hasPassword: true,
  fromName: 'Hiring',
  fromAddress: 'hiring@example.com',
  replyTo: '',
  configured: true,
}

const input: MailSettingsInput = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  username: 'alex',
  fromName: 'Hiring',
  fromAddress: 'hiring@example.com',
  replyTo: '',
}

afterEach(() => vi.unstubAllGlobals())

describe('mail settings', () => {
  it('reads the settings', async () => {
    const fetch = stubFetch(() => json(200, saved))
    expect(await getMailSettings()).toEqual(saved)
    expect((fetch.mock.calls[0] as Call)[0]).toBe('/api/settings/mail')
  })

  it('fills the fields the host leaves out when empty', async () => {
    stubFetch(() => json(200, { host: '', port: 587, security: 'starttls', fromAddress: '', hasPassword: false, configured: false }))
    expect(await getMailSettings()).toEqual({
      host: '',
      port: 587,
      security: 'starttls',
      username: '',
      hasPassword: false,
      fromName: '',
      fromAddress: '',
      replyTo: '',
      configured: false,
    })
  })

  it('leaves an empty password out, so the stored one is kept', async () => {
    const fetch = stubFetch(() => json(200, saved))
    await saveMailSettings({ ...input, password: '', clearPassword: false })
    const [url, init] = fetch.mock.calls[0] as Call
    expect(url).toBe('/api/settings/mail')
    expect(init.method).toBe('PUT')
    const body = JSON.parse(init.body as string) as Record<string, unknown>
    expect(body).not.toHaveProperty('password')
    expect(body).not.toHaveProperty('clearPassword')
    expect(body).toMatchObject({ host: 'smtp.example.com', port: 587, security: 'starttls' })
  })

  it('sends a new password, and clearPassword without one', async () => {
    const fetch = stubFetch(() => json(200, saved))
    await saveMailSettings({ ...input, password: 's3cret' })
    await saveMailSettings({ ...input, password: 'ignored', clearPassword: true })
    const first = JSON.parse((fetch.mock.calls[0] as Call)[1].body as string) as Record<string, unknown>
    const second = JSON.parse((fetch.mock.calls[1] as Call)[1].body as string) as Record<string, unknown>
    expect(first.password).toBe('s3cret')
    expect(second).not.toHaveProperty('password')
    expect(second.clearPassword).toBe(true)
  })

  it('passes 422 field errors through', async () => {
    stubFetch(() =>
      json(422, {
        error: {
          code: 'invalid',
          message: 'Check the highlighted fields.',
          fields: { security: 'Without TLS … allowed only for a server on this machine.', port: 'Enter a port from 1 to 65535.' },
        },
      }),
    )
    const err = await saveMailSettings({ ...input, security: 'none' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(422)
    expect((err as ApiError).fields).toEqual({
      security: 'Without TLS … allowed only for a server on this machine.',
      port: 'Enter a port from 1 to 65535.',
    })
  })
})

describe('test email', () => {
  it('resolves with the address it was sent to', async () => {
    const fetch = stubFetch(() => json(200, { sentTo: 'alex@example.com' }))
    expect(await sendTestEmail('alex@example.com')).toBe('alex@example.com')
    const [url, init] = fetch.mock.calls[0] as Call
    expect(url).toBe('/api/settings/mail/test')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ to: 'alex@example.com' })
  })

  it('keeps the mail server’s exact error (502 smtp)', async () => {
    const exact = '535 5.7.8 Username and Password not accepted. Learn more at https://support.example.com/mail/?p=BadCredentials'
    stubFetch(() => json(502, { error: { code: 'smtp', message: exact } }))
    const err = await sendTestEmail('alex@example.com').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('smtp')
    expect((err as ApiError).status).toBe(502)
    expect(errorMessage(err)).toBe(exact)
  })

  it('says so when email is not set up (409)', async () => {
    stubFetch(() => json(409, { error: { code: 'conflict', message: 'Email is not set up yet.' } }))
    const err = await sendTestEmail('alex@example.com').catch((e: unknown) => e)
    expect((err as ApiError).code).toBe('conflict')
    expect(errorMessage(err)).toBe('Email is not set up yet.')
  })

  it('a 502 from a proxy (no JSON) is a host error, not an SMTP one', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    const err = await sendTestEmail('alex@example.com').catch((e: unknown) => e)
    expect((err as ApiError).code).toBe('internal')
  })
})
