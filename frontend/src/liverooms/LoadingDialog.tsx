import { Dialog } from '../ui/Dialog'
import { LoadError, Skeleton } from '../ui/Feedback'
import type { AsyncState } from '../ui/useAsync'

type Props = { title: string; state: Pick<AsyncState<unknown>, 'error' | 'reload'>; what: string; onClose: () => void }

/** A dialog while what it edits loads, or why it could not be loaded, with Retry. */
export function LoadingDialog({ title, state, what, onClose }: Props) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      {state.error !== undefined ? (
        <LoadError error={state.error} onRetry={state.reload} what={what} />
      ) : (
        <Skeleton lines={6} label={`Loading ${what}`} />
      )}
    </Dialog>
  )
}
