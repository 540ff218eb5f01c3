import { describe, expect, it } from 'vitest'
import type { OutboxMessage } from '../api/types'
import { attemptsLabel, canResend, kindLabel, outboxStatus, outboxSummary } from './outbox'

const when = (iso: string) => iso.slice(11, 16)

const msg = (over: Partial<OutboxMessage>): OutboxMessage => ({
  id: '1',
  to: { name: 'Olivia Diaz', email: 'olivia@example.com' },
  subject: 'Interview: Senior Go developer',
  kind: 'invite',
  state: 'queued',
  attempts: 0,
  createdAt: '2026-11-25T10:00:00Z',
  ...over,
})

describe('outboxStatus', () => {
  it('queued, first try pending', () => {
    expect(outboxStatus(msg({}), when)).toEqual({ label: 'Queued', tone: 'muted' })
  })

  it('queued after a failed attempt says why and when it retries', () => {
    const s = outboxStatus(
      msg({ attempts: 2, lastError: '421 4.7.0 Try again later', nextAttemptAt: '2026-11-25T10:04:00Z' }),
      when,
    )
    expect(s).toEqual({ label: 'Queued', tone: 'muted', detail: 'Attempt 2 failed: 421 4.7.0 Try again later. Next try at 10:04.' })
    expect(outboxStatus(msg({ attempts: 1, lastError: 'dial tcp: connection refused.', nextAttemptAt: '0001-01-01T00:00:00Z' }), when).detail).toBe(
      'Attempt 1 failed: dial tcp: connection refused.',
    )
  })

  it('sending', () => {
    expect(outboxStatus(msg({ state: 'sending', attempts: 1 }), when)).toEqual({ label: 'Sending', tone: 'accent' })
  })

  it('sent at a time', () => {
    expect(outboxStatus(msg({ state: 'sent', attempts: 1, sentAt: '2026-11-25T10:00:07Z' }), when)).toEqual({
      label: 'Sent at 10:00',
      tone: 'success',
    })
    expect(outboxStatus(msg({ state: 'sent', sentAt: '0001-01-01T00:00:00Z' }), when).label).toBe('Sent')
  })

  it('failed with the server’s reason', () => {
    expect(
      outboxStatus(msg({ state: 'failed', attempts: 1, lastError: '550 5.1.1 <olivia@example.com>: mailbox unavailable' }), when),
    ).toEqual({ label: 'Failed: 550 5.1.1 <olivia@example.com>: mailbox unavailable', tone: 'danger' })
    expect(outboxStatus(msg({ state: 'failed' }), when).label).toBe('Failed')
  })

  it('an unknown state shows as is', () => {
    expect(outboxStatus(msg({ state: 'bounced' as OutboxMessage['state'] }), when)).toEqual({ label: 'bounced', tone: 'muted' })
  })
})

describe('outbox helpers', () => {
  it('kind labels', () => {
    expect(['invite', 'reschedule', 'cancel', 'test', 'digest'].map(kindLabel)).toEqual([
      'Invitation',
      'Update',
      'Cancellation',
      'Test email',
      'digest',
    ])
  })

  it('attempts', () => {
    expect([0, 1, 3].map(attemptsLabel)).toEqual(['Not tried yet', '1 attempt', '3 attempts'])
  })

  it('offers Resend on failed and sent messages only', () => {
    expect(['queued', 'sending', 'sent', 'failed'].map((state) => canResend(msg({ state: state as OutboxMessage['state'] })))).toEqual([
      false,
      false,
      true,
      true,
    ])
  })

  it('shows a message that could not be written as not sent, with what to do, and no Resend', () => {
    const why =
      'InterviewDesk could not write this update, so it was not sent: Enter a valid email address. Correct the person’s details, then use “Send invitations again”.'
    const m = msg({ state: 'failed', uncomposed: true, lastError: why })
    expect(outboxStatus(m, (iso) => iso)).toEqual({ label: 'Not sent', tone: 'danger', detail: why })
    expect(canResend(m)).toBe(false)
  })

  it('summarises for the live region', () => {
    expect(outboxSummary([])).toBe('No emails.')
    expect(outboxSummary([msg({ state: 'sent' })])).toBe('1 email: 1 sent.')
    expect(outboxSummary([msg({ state: 'queued' }), msg({ state: 'sent' }), msg({ state: 'sent' }), msg({ state: 'failed' })])).toBe(
      '4 emails: 2 sent, 1 queued, 1 failed.',
    )
  })
})
