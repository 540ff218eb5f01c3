// Labels for the emails an interview sent (GET /api/interviews/{id}/outbox).

import type { OutboxKind, OutboxMessage } from '../api/types'

export const KIND_LABEL: Record<OutboxKind, string> = {
  invite: 'Invitation',
  reschedule: 'Update',
  cancel: 'Cancellation',
  test: 'Test email',
}

export const kindLabel = (kind: string): string => KIND_LABEL[kind as OutboxKind] ?? kind

export type StateTone = 'muted' | 'accent' | 'success' | 'danger'

export type OutboxStatus = {
  /** "Queued", "Sending", "Sent at 2:05 PM", "Failed: 550 mailbox unavailable" */
  label: string
  tone: StateTone
  /** A second line: why a queued message waits, for example. */
  detail?: string
}

const set = (iso: string | undefined): iso is string =>
  !!iso && !iso.startsWith('0001-01-01') && !Number.isNaN(Date.parse(iso))

/** The state badge of one message. `when` writes a moment, e.g. "2:05 PM". */
export function outboxStatus(m: OutboxMessage, when: (iso: string) => string): OutboxStatus {
  switch (m.state) {
    case 'queued': {
      const s: OutboxStatus = { label: 'Queued', tone: 'muted' }
      if (m.lastError) {
        const next = set(m.nextAttemptAt) ? ` Next try at ${when(m.nextAttemptAt)}.` : ''
        const attempt = m.attempts > 0 ? `Attempt ${m.attempts}` : 'The last attempt'
        s.detail = `${attempt} failed: ${sentence(m.lastError)}${next}`
      }
      return s
    }
    case 'sending':
      return { label: 'Sending', tone: 'accent' }
    case 'sent':
      return { label: set(m.sentAt) ? `Sent at ${when(m.sentAt)}` : 'Sent', tone: 'success' }
    case 'failed':
      // A message that could not be written: the host says why and what to do.
      if (m.uncomposed) return { label: 'Not sent', tone: 'danger', detail: m.lastError || undefined }
      return { label: m.lastError ? `Failed: ${m.lastError}` : 'Failed', tone: 'danger' }
    default:
      return { label: String(m.state), tone: 'muted' }
  }
}

/** Ends a message with a full stop unless it has one. */
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

export function attemptsLabel(n: number): string {
  if (n <= 0) return 'Not tried yet'
  return n === 1 ? '1 attempt' : `${n} attempts`
}

/** Sent and failed messages can go again; one that could not be written cannot. */
export const canResend = (m: OutboxMessage) => !m.uncomposed && (m.state === 'failed' || m.state === 'sent')

/** "2 sent, 1 queued, 1 failed" — a summary for the live region. */
export function outboxSummary(ms: readonly OutboxMessage[]): string {
  if (ms.length === 0) return 'No emails.'
  const order = ['sent', 'sending', 'queued', 'failed'] as const
  const parts = order
    .map((st) => [st, ms.filter((m) => m.state === st).length] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${n} ${st}`)
  return `${ms.length} ${ms.length === 1 ? 'email' : 'emails'}: ${parts.join(', ')}.`
}
