// Invitations: the "full invitation" text, the .ics file and the email outbox
// (docs/api.md, "Invitations and email").
import { call, callFile, type FileAnswer } from './client'
import type { Invitation, Outbox, OutboxMessage, Recipient } from './types'

export const interviewerRecipient = (email: string): Recipient => `interviewer:${email}`

export const getInvitation = (id: string, who: Recipient, signal?: AbortSignal): Promise<Invitation> =>
  call('GET /api/interviews/{id}/invitation', { params: { id }, query: { for: who }, signal })

/**
 * The calendar file for one recipient, as text (never a Blob: see PLATFORM.md),
 * with the file name the host suggests.
 */
export const getIcs = (id: string, who: Recipient): Promise<FileAnswer> =>
  callFile('GET /api/interviews/{id}/ics', { params: { id }, query: { for: who } })

export const getOutbox = (id: string, signal?: AbortSignal): Promise<Outbox> =>
  call('GET /api/interviews/{id}/outbox', { params: { id }, signal })

/** Queues everyone's invitation again (e.g. after email was set up). */
export const sendInvitations = (interviewId: string): Promise<Outbox> =>
  call('POST /api/interviews/{id}/invitations', { params: { id: interviewId } })

export const resendMessage = (messageId: string): Promise<OutboxMessage> =>
  call('POST /api/outbox/{id}/resend', { params: { id: String(messageId) } })
