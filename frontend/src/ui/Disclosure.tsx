// Disclosures: a real button with aria-expanded that shows or hides a part of
// the page, a set of open items for lists (the template editor's questions), and
// a card whose open state is remembered in this browser (the interview page's
// sections).

import { useCallback, useId, useMemo, useState, type ReactNode } from 'react'
import './disclosure.css'

type ButtonProps = {
  expanded: boolean
  /** The id of the element shown or hidden. */
  controls: string
  onToggle: () => void
  children: ReactNode
  className?: string
  /** Ids of text read after the name (e.g. a collapsed item's summary). */
  describedBy?: string
  id?: string
}

/** The button of a disclosure: a chevron that turns, then its name. */
export function DisclosureButton({ expanded, controls, onToggle, children, className, describedBy, id }: ButtonProps) {
  return (
    <button
      type="button"
      id={id}
      className={`disclosure${className ? ` ${className}` : ''}`}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-describedby={describedBy}
      onClick={onToggle}
    >
      <span className="disclosure-chevron" aria-hidden="true" />
      {children}
    </button>
  )
}

/** Which items of a list are open, by their stable key. */
export type OpenSet = {
  isOpen: (key: string) => boolean
  toggle: (key: string) => void
  /** Opens or closes the given items (Expand all / Collapse all). */
  setOpen: (keys: readonly string[], open: boolean) => void
}

/** An OpenSet starting with `initial` open. */
export function useOpenSet(initial: () => Iterable<string> = () => []): OpenSet {
  const [open, setState] = useState<ReadonlySet<string>>(() => new Set(initial()))
  const toggle = useCallback(
    (key: string) =>
      setState((s) => {
        const next = new Set(s)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    [],
  )
  const setOpen = useCallback(
    (keys: readonly string[], value: boolean) =>
      setState((s) => {
        const next = new Set(s)
        for (const k of keys) {
          if (value) next.add(k)
          else next.delete(k)
        }
        return next
      }),
    [],
  )
  return useMemo(() => ({ isOpen: (key: string) => open.has(key), toggle, setOpen }), [open, toggle, setOpen])
}

type ExpandAllProps = {
  keys: readonly string[]
  set: OpenSet
  /** "questions": the buttons say "Expand all questions" to a screen reader. */
  noun: string
}

/** Expand all / Collapse all for a list; each is disabled when it would change nothing. */
export function ExpandAll({ keys, set, noun }: ExpandAllProps) {
  if (keys.length < 2) return null
  const allOpen = keys.every((k) => set.isOpen(k))
  const allClosed = keys.every((k) => !set.isOpen(k))
  return (
    <div className="expand-all">
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={`Expand all ${noun}`}
        disabled={allOpen}
        onClick={() => set.setOpen(keys, true)}
      >
        Expand all
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={`Collapse all ${noun}`}
        disabled={allClosed}
        onClick={() => set.setOpen(keys, false)}
      >
        Collapse all
      </button>
    </div>
  )
}

const STORAGE_PREFIX = 'interviewdesk.open.'

/** Whether the disclosure `name` was left open in this browser (default: open). */
export function storedOpen(name: string, fallback = true): boolean {
  try {
    const v = localStorage.getItem(STORAGE_PREFIX + name)
    return v === null ? fallback : v === 'true'
  } catch {
    return fallback
  }
}

/** An open state remembered in this browser under `name`. */
export function useStoredOpen(name: string, fallback = true): [boolean, (open: boolean) => void] {
  const [open, setState] = useState(() => storedOpen(name, fallback))
  const set = useCallback(
    (value: boolean) => {
      setState(value)
      try {
        localStorage.setItem(STORAGE_PREFIX + name, String(value))
      } catch {
        // storage unavailable: the state lasts while the page is open
      }
    },
    [name],
  )
  return [open, set]
}

type CardProps = {
  /** The heading's text; also the region's name. */
  title: string
  /** Remembers the open state across pages and reloads ("interview.timeline"). */
  storageName: string
  /** The heading's id (for aria-labelledby elsewhere, or focus after a change). */
  headingId?: string
  /** Shown beside the heading, open or closed (e.g. "3 files · 12 MB"). */
  meta?: ReactNode
  /** Buttons beside the heading, shown only while open (e.g. Refresh). */
  actions?: ReactNode
  className?: string
  busy?: boolean
  children: ReactNode
}

/**
 * A card that collapses to its heading. Its content stays mounted while
 * closed (live updates and typed input are kept) and is hidden from everyone.
 */
export function CollapsibleCard({ title, storageName, headingId, meta, actions, className, busy, children }: CardProps) {
  const [open, setOpen] = useStoredOpen(storageName)
  const auto = useId()
  const heading = headingId ?? `${auto}-heading`
  const body = `${auto}-body`
  return (
    <section
      className={`card collapsible${open ? '' : ' collapsible-closed'}${className ? ` ${className}` : ''}`}
      aria-labelledby={heading}
      aria-busy={busy}
    >
      <div className="card-head collapsible-head">
        <h2 id={heading} className="card-title" tabIndex={-1}>
          <DisclosureButton expanded={open} controls={body} onToggle={() => setOpen(!open)}>
            {title}
          </DisclosureButton>
        </h2>
        {meta !== undefined && <div className="card-meta collapsible-meta">{meta}</div>}
        {open && actions}
      </div>
      <div id={body} className="collapsible-body" hidden={!open}>
        {children}
      </div>
    </section>
  )
}
