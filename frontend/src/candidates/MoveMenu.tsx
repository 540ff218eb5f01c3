// "Move to…": a menu button with the other stages, for the keyboard (and
// anyone who prefers it to dragging). Moves that are decisions ask first.

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { moveStage, type Candidate, type CandidateStage } from '../api/candidates'
import { errorMessage } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { useOutsidePointer } from '../ui/useOutsidePointer'
import { useToast } from '../ui/toasts'
import { confirmsMove, STAGE_LABEL, STAGES } from './stages'

export function MoveMenu({
  name,
  current,
  onChoose,
  disabled,
}: {
  /** Whose card it is, for the button's name. */
  name: string
  current: CandidateStage
  onChoose: (stage: CandidateStage) => void
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)
  const id = useId()
  const choices = STAGES.filter((s) => s !== current)

  useOutsidePointer(open, [menu, button], () => setOpen(false))
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
    const i = items.indexOf(document.activeElement as HTMLElement)
    const to =
      e.key === 'ArrowDown' ? (i + 1) % items.length
      : e.key === 'ArrowUp' ? (i - 1 + items.length) % items.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? items.length - 1
      : -1
    if (to >= 0) {
      e.preventDefault()
      items[to]?.focus()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close()
    } else if (e.key === 'Tab') setOpen(false)
  }

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="btn btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        Move to…<span className="visually-hidden"> ({name}, now {STAGE_LABEL[current]})</span>
      </button>
      {open && (
        <ul ref={menu} id={`${id}-menu`} role="menu" aria-label={`Move ${name} to`} className="popover move-menu-list" onKeyDown={onKey}>
          {choices.map((s) => (
            <li key={s} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="move-menu-item"
                onClick={() => {
                  close()
                  onChoose(s)
                }}
              >
                {STAGE_LABEL[s]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

type Pending = { id: string; name: string; position: string; stage: CandidateStage }

/**
 * Moves an application's stage, asking first for a decision (Rejected);
 * says what happened in a toast. `dialog` must be rendered.
 */
export function useStageMove(onMoved: (c: Candidate, stage: CandidateStage) => void) {
  const [pending, setPending] = useState<Pending | undefined>()
  const [busy, setBusy] = useState(false)
  const toast = useToast()
  const run = async (p: Pending) => {
    setPending(undefined)
    setBusy(true)
    try {
      const c = await moveStage(p.id, p.position, p.stage)
      toast({ tone: 'success', message: `${p.name} moved to ${STAGE_LABEL[p.stage]} for ${p.position}.` })
      onMoved(c, p.stage)
    } catch (e) {
      toast({ tone: 'error', message: `${p.name} was not moved: ${errorMessage(e)}` })
    } finally {
      setBusy(false)
    }
  }
  const request = (p: Pending) => (confirmsMove(p.stage) ? setPending(p) : void run(p))
  const dialog = pending && (
    <Dialog
      title={`Move ${pending.name} to ${STAGE_LABEL[pending.stage]}?`}
      description={`${pending.name} leaves the pipeline of ${pending.position}. You can move them back later.`}
      onClose={() => setPending(undefined)}
      actions={
        <>
          <button type="button" className="btn" data-autofocus onClick={() => setPending(undefined)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void run(pending)}>
            Move to {STAGE_LABEL[pending.stage]}
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  )
  return { request, dialog, busy }
}
