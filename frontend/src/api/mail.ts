// Email settings (docs/api.md, "Invitations and email").
import { call } from './client'
import type { MailSettings, MailSettingsInput } from './types'

/** Complete settings: an older host left empty optional fields out. */
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

export const getMailSettings = async (signal?: AbortSignal): Promise<MailSettings> =>
  normalizeMail(await call('GET /api/settings/mail', { signal }))

/**
 * Saves the SMTP settings. An empty `password` is left out, so the stored one is
 * kept; `clearPassword` removes it. A 422 ApiError carries `fields` keyed by
 * MailField.
 */
export async function saveMailSettings(input: MailSettingsInput): Promise<MailSettings> {
  const { password, clearPassword, ...rest } = input
  const body: MailSettingsInput = { ...rest }
  if (clearPassword) body.clearPassword = true
  else if (password) body.password = password
  return normalizeMail(await call('PUT /api/settings/mail', { body }))
}

/**
 * Sends a test email with the saved settings. Resolves with the address it went
 * to; rejects with an ApiError whose `code` is "smtp" (502, the mail server's
 * exact error as the message) or "conflict" (409, email is not set up).
 */
export async function sendTestEmail(to: string): Promise<string> {
  const r = await call('POST /api/settings/mail/test', { body: { to } })
  return r.sentTo
}
