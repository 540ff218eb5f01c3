import { useEffect, useId, useRef, type ReactNode } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons row; rendered after the body. */
  actions: ReactNode
  /** Extra description under the title, announced with it. */
  description?: ReactNode
  onSubmit?: () => void
  /** "wide" for dialogs that show a document (e.g. an invitation). */
  size?: 'normal' | 'wide'
  /** An extra class for the dialog element (its own layout). */
  className?: string
}

/**
 * A modal dialog: native <dialog>.showModal() makes the page behind inert; Tab
 * is kept inside, Escape closes, focus returns to where it was.
 */
export function Dialog({ title, onClose, children, actions, description, onSubmit, size = 'normal', className }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previous = document.activeElement as HTMLElement | null
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal()
    else dialog.setAttribute('open', '')
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close()
      previous?.focus()
    }
  }, [])

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      closeRef.current()
      return
    }
    if (e.key !== 'Tab') return
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
    if (items.length === 0) return
    const first = items[0]!
    const last = items[items.length - 1]!
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  const body = (
    <>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description && (
        <div id={descId} className="dialog-description">
          {description}
        </div>
      )}
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </>
  )

  return (
    <dialog
      ref={ref}
      className={`dialog${size === 'wide' ? ' dialog-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        closeRef.current()
      }}
    >
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit()
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  )
}
