// The candidate search's time filter: a button showing the range ("Last 3
// months" by default) that opens the ranges, with Clear all (no time
// constraint) and Apply, as the reference product has it.

import { useEffect, useId, useRef, useState } from 'react'
import type { Since } from '../api/candidates'
import { useOutsidePointer } from '../ui/useOutsidePointer'
import { SINCE_LABEL, SINCES } from './stages'

const RANGES = SINCES.filter((s) => s !== 'all')

export function TimeFilter({ value, onApply }: { value: Since; onApply: (since: Since) => void }) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<Since>(value)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const id = useId()

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useOutsidePointer(open, [panel, button], () => setOpen(false))
  useEffect(() => {
    if (open) (panel.current?.querySelector<HTMLElement>('input:checked') ?? panel.current?.querySelector<HTMLElement>('input'))?.focus()
  }, [open])

  return (
    <div className="time-filter">
      <button
        ref={button}
        type="button"
        className="btn time-filter-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => {
          setDraft(value)
          setOpen((o) => !o)
        }}
      >
        <span className="visually-hidden">Time filter: </span>
        {SINCE_LABEL[value]}
        <span aria-hidden="true" className="time-filter-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={panel}
          id={`${id}-panel`}
          role="dialog"
          aria-label="Time filter"
          className="popover time-filter-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault()
              close(true)
            }
          }}
        >
          <fieldset className="radio-group">
            <legend className="field-label">Candidates active in</legend>
            {RANGES.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name={`${id}-since`} value={s} checked={draft === s} onChange={() => setDraft(s)} />
                <span>{SINCE_LABEL[s]}</span>
              </label>
            ))}
          </fieldset>
          <p className="field-hint">{draft === 'all' ? 'No time constraint: every candidate.' : '\u00a0'}</p>
          <div className="popover-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setDraft('all')}>
              Clear all
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                onApply(draft)
                close(true)
              }}
            >
              Apply
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
