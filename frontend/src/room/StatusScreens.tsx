// Whole-page messages: connecting, the end, another tab, a dead link, left.

import type { ReactNode } from 'react'
import { useNow } from '../ui/useNow'
import type { ConnectionStatus } from './connection/client'

function Message({ title, children, tone = 'info' }: { title: string; children?: ReactNode; tone?: 'info' | 'success' | 'warn' }) {
  return (
    <section className={`card message-card message-${tone}`} aria-labelledby="message-title">
      <h1 id="message-title" className="page-title" tabIndex={-1} data-screen-title>
        {title}
      </h1>
      {children}
    </section>
  )
}

export function Connecting() {
  return (
    <div className="message-wrap">
      <div className="card message-card" role="status" aria-label="Connecting to the interview">
        <div className="skeleton">
          <div className="skeleton-line" />
          <div className="skeleton-line" />
          <div className="skeleton-line" />
        </div>
        <p className="muted">Connecting to the interview…</p>
      </div>
    </div>
  )
}

export function Completed({
  role,
  token,
  children,
}: {
  role: 'candidate' | 'interviewer'
  /**
   * The interviewer's room link token: its results link leads to the
   * interview in the console for a signed-in browser, else to the
   * interviewer's own read-only results page.
   */
  token?: string
  children?: ReactNode
}) {
  return (
    <div className="message-wrap">
      <Message title="Interview completed" tone="success">
        {role === 'candidate' ? (
          <>
            <p className="message-lead" role="status">
              Thank you for your time. You can close this page now.
            </p>
            <p className="muted">The company that invited you will be in touch about the next steps.</p>
          </>
        ) : (
          <>
            <p className="message-lead" role="status">
              Thank you. The recording and your notes are saved with the interview.
            </p>
            <p>
              You can <a href={token ? `/room/${encodeURIComponent(token)}/results` : '/'}>view the interview results here</a>.
            </p>
          </>
        )}
      </Message>
      {children}
    </div>
  )
}

export function Replaced({ onTakeOver }: { onTakeOver: () => void }) {
  return (
    <div className="message-wrap">
      <Message title="This interview is open in another tab or window" tone="warn">
        <p>The same link was opened somewhere else, so this page stepped aside. Only one tab can be in the interview.</p>
        <div className="message-actions">
          <button type="button" className="btn btn-primary" onClick={onTakeOver}>
            Use it here
          </button>
        </div>
      </Message>
    </div>
  )
}

export function Gone() {
  return (
    <div className="message-wrap">
      <Message title="This interview link does not work any more" tone="warn">
        <p>The interview may have ended or been cancelled. Reload the page to see why.</p>
        <div className="message-actions">
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </Message>
    </div>
  )
}

export function Left({ onRejoin }: { onRejoin: () => void }) {
  return (
    <div className="message-wrap">
      <Message title="You left the interview">
        <p>You can rejoin with the same link while the interview is running.</p>
        <div className="message-actions">
          <button type="button" className="btn btn-primary" onClick={onRejoin}>
            Rejoin
          </button>
        </div>
      </Message>
    </div>
  )
}

export function InvalidLink() {
  return (
    <div className="message-wrap">
      <Message title="This link does not work" tone="warn">
        <p>Check that you copied the whole link from your invitation, or ask the person who invited you to send it again.</p>
      </Message>
    </div>
  )
}

/** The line under the header while the room channel is down. */
export function ConnectionBanner({ status, retryAt, onRetry }: { status: ConnectionStatus; retryAt: number | undefined; onRetry: () => void }) {
  const now = useNow(500, status === 'reconnecting').getTime()
  const seconds = retryAt ? Math.max(0, Math.ceil((retryAt - now) / 1000)) : 0
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {status === 'reconnecting' && (
        <>
          <span>
            <strong>Connection lost.</strong> Reconnecting
            <span aria-hidden="true">{seconds > 0 ? ` in ${seconds} s` : ''}</span>… Nothing you typed is lost.
          </span>
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Retry now
          </button>
        </>
      )}
    </div>
  )
}
