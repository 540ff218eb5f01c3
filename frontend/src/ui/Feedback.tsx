import type { ReactNode } from 'react'
import { ApiError, NetworkError, errorMessage } from '../api/client'
import { titleRef } from './titleFocus'

/** A failed load: says what happened and offers Retry. */
export function LoadError({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  if (error instanceof ApiError && error.code === 'unauthorized') return <SignedOut onRetry={onRetry} />
  const network = error instanceof NetworkError
  return (
    <div className="panel panel-error" role="alert">
      <h2 className="panel-title">{network ? 'Cannot reach the InterviewDesk host' : `Could not load ${what}`}</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className="btn" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

/** The console has no valid sign-in: how to get a new sign-in link. */
function SignedOut({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="panel panel-signin" role="alert">
      <h2 className="panel-title">This console is not signed in</h2>
      <p>
        Sign-in links come from the InterviewDesk host. For a new one, run this on the machine that runs the host and open
        the link it prints in this browser:
      </p>
      <pre className="panel-command">
        <code>interviewdesk console link</code>
      </pre>
      <p className="muted">
        Add <code>--data DIR</code> if the host uses another data folder. The sign-in then lasts 30 days in this browser.
      </p>
      <button type="button" className="btn" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

/** A part of a page that failed to load: "Could not load the timeline: …" and Retry. */
export function InlineError({ what, error, onRetry, className = 'inline-error' }: {
  /** "Could not load the timeline". */
  what: string
  error: unknown
  onRetry: () => void
  className?: string
}) {
  return (
    <div className={className} role="alert">
      <p>
        {what}: {errorMessage(error)}
      </p>
      <button type="button" className="btn btn-small" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  )
}

/** Grey placeholder lines with the size of the content to come (no layout jump). */
export function Skeleton({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </div>
  )
}

export function PageHeader({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-heading">
        <h1 className="page-title" tabIndex={-1} data-page-title ref={titleRef}>
          {title}
        </h1>
        {children}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  )
}
