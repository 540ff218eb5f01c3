// Email settings (docs/api.md, "Invitations and email").
import { request } from './client'
import type { MailSettings, MailSettingsInput } from './types'

/**
 * The host leaves empty optional fields out (username, fromName, replyTo are
 * `omitempty` in Go): the console always works with complete settings.
 */
export function normalizeMail(m: Partial<MailSettings>): MailSettings {
  return {
    host: m.host ?? '',
    port: typeof m.port === 'number' ? m.port : 0,
    security: m.security ?? 'starttls',
    username: m.username ?? '',
    hasPassword: m.hasPassword === true,
    fromName: m.fromName ?? '',
    fromAddress: m.fromAddress ?? '',
    replyTo: m.replyTo ?? '',
    configured: m.configured === true,
  }
}

export const getMailSettings = async (signal?: AbortSignal) =>
  normalizeMail(await request<Partial<MailSettings>>('GET', '/api/settings/mail', { signal }))

/**
 * Saves the SMTP settings. An empty `password` is left out, so the stored one is
 * kept; `clearPassword` removes it. A 422 ApiError carries `fields` keyed by
 * MailField.
 */
export function saveMailSettings(input: MailSettingsInput): Promise<MailSettings> {
  const { password, clearPassword, ...rest } = input
  const body: MailSettingsInput = { ...rest }
  if (clearPassword) body.clearPassword = true
  else if (password) body.password = password
  return request<Partial<MailSettings>>('PUT', '/api/settings/mail', { json: body }).then(normalizeMail)
}

/**
 * Sends a test email with the saved settings. Resolves with the address it went
 * to; rejects with an ApiError whose `code` is "smtp" (502, the mail server's
 * exact error as the message) or "conflict" (409, email is not set up).
 */
export async function sendTestEmail(to: string): Promise<string> {
  const r = await request<{ sentTo: string }>('POST', '/api/settings/mail/test', { json: { to } })
  return r.sentTo
}
