import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/client'
import { getOutbox, resendMessage, sendInvitations } from '../api/invitations'
import type { Outbox, OutboxMessage } from '../api/types'
import { dateTimeFormat } from '../platform/locale'
import { usePush } from '../platform/push'
import { useToast } from '../ui/toasts'
import { CollapsibleCard } from '../ui/Disclosure'
import { InlineError, Skeleton } from '../ui/Feedback'
import { attemptsLabel, canResend, kindLabel, outboxStatus, outboxSummary, type StateTone } from './outbox'

const TONE_CLASS: Record<StateTone, string> = {
  muted: 'badge-muted',
  accent: '',
  success: 'badge-success',
  danger: 'badge-danger',
}

export type OutboxState = {
  data: Outbox | undefined
  /** The last load failed (data keeps the previous answer, if any). */
  error: unknown
  reload: () => void
  /** Puts one message's new state in place (after Resend). */
  replace: (m: OutboxMessage) => void
}

/**
 * The interview's emails, reloaded when the host says one was queued, sent or
 * failed. `refreshKey` changes when the interview does (a reschedule sends updates).
 */
export function useOutbox(id: string, refreshKey: string, initial?: Outbox): OutboxState {
  const [data, setData] = useState<Outbox | undefined>(initial)
  const [error, setError] = useState<unknown>(undefined)
  const [nonce, setNonce] = useState(0)
  const haveInitial = useRef(initial !== undefined)

  useEffect(() => {
    if (haveInitial.current) {
      haveInitial.current = false // loaded with the page: no second request
      return
    }
    const ctrl = new AbortController()
    getOutbox(id, ctrl.signal).then(
      (d) => {
        if (ctrl.signal.aborted) return
        setData(d)
        setError(undefined)
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setError(e)
      },
    )
    return () => ctrl.abort()
  }, [id, refreshKey, nonce])

  const reload = useCallback(() => setNonce((n) => n + 1), [])
  usePush(id, ['outbox'], reload)
  const replace = useCallback(
    (m: OutboxMessage) =>
      setData((d) => d && { ...d, messages: d.messages.map((x) => (String(x.id) === String(m.id) ? m : x)) }),
    [],
  )
  return { data, error, reload, replace }
}

/** "2:05 PM" today, "Nov 24, 2:05 PM" on another day, in the viewer's zone. */
export function shortMoment(iso: string, now = new Date()): string {
  const d = new Date(iso)
  const day = (x: Date) => dateTimeFormat({ year: 'numeric', month: 'numeric', day: 'numeric' }).format(x)
  const sameDay = day(d) === day(now)
  return dateTimeFormat(
    sameDay ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  ).format(d)
}

/** The notice on the details page when no email goes out. */
export function MailNotConfiguredNotice() {
  return (
    <div className="banner banner-info">
      <p>
        Email is not set up, so invitations were not sent. Copy the invitation or save the .ics file — or{' '}
        <a href="#/settings">set up email in Settings</a>.
      </p>
    </div>
  )
}

/** "Invitations": every email this interview sent, its state, and Resend. */
export function OutboxPanel({ outbox, interviewId, canSend }: { outbox: OutboxState; interviewId?: string; canSend?: boolean }) {
  const { data, error, reload, replace } = outbox
  const [resending, setResending] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const toast = useToast()

  const sendAll = async () => {
    if (!interviewId) return
    setSending(true)
    try {
      await sendInvitations(interviewId)
      reload()
      toast({ tone: 'success', message: 'Invitations queued for the candidate and every interviewer.' })
    } catch (e) {
      toast({ tone: 'error', message: `Could not send the invitations: ${errorMessage(e)}` })
    } finally {
      setSending(false)
    }
  }

  const resend = async (m: OutboxMessage) => {
    setResending(String(m.id))
    try {
      const r = await resendMessage(String(m.id))
      replace(r)
      toast({ tone: 'success', message: `${kindLabel(m.kind)} to ${m.to.name || m.to.email} queued again.` })
    } catch (e) {
      toast({ tone: 'error', message: `Could not resend: ${errorMessage(e)}` })
    } finally {
      setResending(null)
    }
  }

  return (
    <CollapsibleCard
      title="Invitations"
      storageName="interview.invitations"
      headingId="outbox-heading"
      meta={<span role="status">{data && data.messages.length > 0 ? outboxSummary(data.messages) : ''}</span>}
      actions={
        canSend &&
        interviewId &&
        data?.mailConfigured && (
          <button type="button" className="btn btn-small" disabled={sending} onClick={() => void sendAll()}>
            {sending ? 'Sending…' : data.messages.length === 0 ? 'Send invitations' : 'Send invitations again'}
          </button>
        )
      }
    >
      {error !== undefined && (
        <InlineError
          what={data ? 'Could not refresh the email states' : 'Could not load the emails'}
          error={error}
          onRetry={reload}
        />
      )}
      {!data ? (
        error === undefined && <Skeleton lines={3} label="Loading emails" />
      ) : data.messages.length === 0 ? (
        <p className="empty-inline">
          {data.mailConfigured
            ? 'No emails for this interview yet.'
            : 'No emails were sent for this interview: email is not set up.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table table-flat outbox-table">
            <colgroup>
              <col className="col-recipient" />
              <col />
              <col className="col-state" />
              <col className="col-attempts" />
              <col className="col-action" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Email</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.messages.map((m) => {
                const st = outboxStatus(m, (iso) => shortMoment(iso))
                return (
                  <tr key={String(m.id)}>
                    <td>
                      <span className="cell-title-plain">{m.to.name || m.to.email}</span>
                      {m.to.name && <span className="cell-sub">{m.to.email}</span>}
                    </td>
                    <td>
                      <span className="cell-title-plain">{m.subject}</span>
                      <span className="cell-sub">{kindLabel(m.kind)}</span>
                    </td>
                    <td>
                      <span className={`badge badge-state ${TONE_CLASS[st.tone]}`}>{st.label}</span>
                      {st.detail && <span className="cell-sub">{st.detail}</span>}
                    </td>
                    <td>{attemptsLabel(m.attempts)}</td>
                    <td className="cell-action">
                      {canResend(m) && (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Resend ${kindLabel(m.kind).toLowerCase()} to ${m.to.name || m.to.email}`}
                          disabled={resending === String(m.id)}
                          onClick={() => void resend(m)}
                        >
                          Resend
                        </button>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </CollapsibleCard>
  )
}
