import type { ReactNode } from 'react'
import { DisclosureButton } from '../ui/Disclosure'

type Props = {
  itemKey: string
  /** "Question 3": the group's name and the disclosure button's. */
  legend: string
  open: boolean
  onToggle: () => void
  /** What a closed item shows of itself (its title or question text). */
  title: string
  /** Said after the title, muted, on the same line (a topic's hint). */
  detail?: string
  /** Short facts shown open or closed ("Coding · Go", "3 key points"). */
  facts: string[]
  /** How many of its fields have a message. */
  problems: number
  /** Move up / Move down / Remove, usable open or closed. */
  controls: ReactNode
  children: ReactNode
}

/** The id of an item's disclosure button, for focus from elsewhere (the outline). */
export const itemToggleId = (itemKey: string) => `${itemKey}-toggle`

/**
 * One topic or question of the template editor: a group that collapses to a
 * one-line summary. Its fields stay mounted while closed, so nothing typed is lost.
 */
export function EditorItem({ itemKey, legend, open, onToggle, title, detail, facts, problems, controls, children }: Props) {
  const body = `${itemKey}-body`
  const summary = `${itemKey}-summary`
  return (
    <fieldset className={`item${open ? '' : ' item-closed'}${problems > 0 ? ' item-invalid' : ''}`}>
      <legend className="item-legend">
        <DisclosureButton id={itemToggleId(itemKey)} expanded={open} controls={body} onToggle={onToggle} describedBy={summary}>
          {legend}
        </DisclosureButton>
      </legend>
      <div className="item-head">
        <p id={summary} className="item-summary">
          {!open && (
            <span className="item-title">
              {title}
              {detail && <span className="item-detail"> — {detail}</span>}
            </span>
          )}
          {facts.map((f) => (
            <span key={f} className="item-fact">
              {f}
            </span>
          ))}
          {problems > 0 && (
            <span className="item-problem">
              <span aria-hidden="true">⚠ </span>
              {problems} {problems === 1 ? 'problem' : 'problems'}
            </span>
          )}
        </p>
        {controls}
      </div>
      <div id={body} className="item-fields" hidden={!open}>
        {children}
      </div>
    </fieldset>
  )
}
