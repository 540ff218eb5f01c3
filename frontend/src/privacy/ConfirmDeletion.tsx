// The confirmation before deleting something for good: it loads what would
// go, lists it, says why it cannot go when it cannot, and deletes only on
// its second button.
import { useState, type ReactNode } from 'react'
import { errorMessage } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { InlineError, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'

type Props<T> = {
  title: string
  description: string
  /** Loads what would be deleted (key: when to load again). */
  load: (signal: AbortSignal) => Promise<T>
  loadKey: string
  /** Names it in a load error ("what would be deleted"). */
  what: string
  /** What goes, one item each. */
  items: (data: T) => string[]
  /** Why it cannot be deleted now; undefined when it can. */
  blocked: (data: T) => string | undefined
  note: ReactNode
  keepLabel: string
  confirmLabel: string
  busyLabel: string
  /** Deletes; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>
  onClose: () => void
}

export function ConfirmDeletion<T>(p: Props<T>) {
  const data = useAsync(p.load, [p.loadKey])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const d = data.data
  const reason = d === undefined ? undefined : p.blocked(d)

  const confirm = async () => {
    setBusy(true)
    setError('')
    try {
      await p.onConfirm()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={p.title}
      description={p.description}
      onClose={p.onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={p.onClose} data-autofocus>
            {p.keepLabel}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={busy || d === undefined || !!reason}>
            {busy ? p.busyLabel : p.confirmLabel}
          </button>
        </>
      }
    >
      {data.error !== undefined ? (
        <InlineError what={p.what} error={data.error} onRetry={data.reload} />
      ) : d === undefined ? (
        <Skeleton lines={4} label={`Counting ${p.what}`} />
      ) : (
        <>
          <ul className="purge-list">
            {p.items(d).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="muted">{p.note}</p>
          {reason && (
            <p className="field-error" role="alert">
              {reason}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
