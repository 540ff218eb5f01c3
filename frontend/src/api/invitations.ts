// Invitations: the "full invitation" text, the .ics file and the email outbox
// (docs/api.md, "Invitations and email").
import { request, requestFile, seg, type FileAnswer } from './client'
import type { Invitation, Outbox, OutboxMessage, Recipient } from './types'

export const interviewerRecipient = (email: string): Recipient => `interviewer:${email}`

const forQuery = (who: Recipient) => new URLSearchParams({ for: who }).toString()

export const getInvitation = (id: string, who: Recipient, signal?: AbortSignal) =>
  request<Invitation>('GET', `/api/interviews/${seg(id)}/invitation?${forQuery(who)}`, { signal })

/**
 * The calendar file for one recipient, as text (never a Blob: see PLATFORM.md),
 * with the file name the host suggests.
 */
export const getIcs = (id: string, who: Recipient): Promise<FileAnswer> =>
  requestFile('GET', `/api/interviews/${seg(id)}/ics?${forQuery(who)}`)

export async function getOutbox(id: string, signal?: AbortSignal): Promise<Outbox> {
  const r = await request<Outbox>('GET', `/api/interviews/${seg(id)}/outbox`, { signal })
  return { mailConfigured: r.mailConfigured, messages: r.messages ?? [] }
}

/** Queues everyone's invitation again (e.g. after email was set up). */
export const sendInvitations = (interviewId: string) =>
  request<Outbox>('POST', `/api/interviews/${seg(interviewId)}/invitations`)

export const resendMessage = (messageId: string) =>
  request<OutboxMessage>('POST', `/api/outbox/${seg(String(messageId))}/resend`)
