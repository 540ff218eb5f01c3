import { useEffect, useState } from 'react'
import { errorMessage } from '../api/client'
import { updateTools } from '../api/interviews'
import type { Interview, RoomTools } from '../api/types'
import { CollapsibleCard } from '../ui/Disclosure'
import { useToast } from '../ui/toasts'

const TOOLS: { key: keyof RoomTools; label: string; description: string }[] = [
  { key: 'liveCode', label: 'Live Code', description: 'A shared code editor for the candidate and interviewers.' },
  { key: 'whiteboard', label: 'Whiteboard', description: 'A shared drawing board for diagrams.' },
]

type Props = { interview: Interview; readOnly: boolean; onChange: (iv: Interview) => void }

/** "Edit room": the tools of the live room, saved with an explicit Update. */
export function RoomToolsPanel({ interview, readOnly, onChange }: Props) {
  const [tools, setTools] = useState<RoomTools>(interview.tools)
  const [saving, setSaving] = useState(false)
  const toast = useToast()
  const { liveCode, whiteboard } = interview.tools
  // Follow the saved state when it changes (after Update), not on every re-render.
  useEffect(() => setTools({ liveCode, whiteboard }), [liveCode, whiteboard])
  const changed = TOOLS.some((t) => tools[t.key] !== interview.tools[t.key])

  const update = async () => {
    setSaving(true)
    try {
      onChange(await updateTools(interview.id, tools))
      toast({ tone: 'success', message: 'Room updated.' })
    } catch (e) {
      toast({ tone: 'error', message: `Could not update the room: ${errorMessage(e)}` })
    } finally {
      setSaving(false)
    }
  }

  return (
    <CollapsibleCard
      title={readOnly ? 'Room tools' : 'Edit room'}
      storageName="interview.tools"
      headingId="room-heading"
      meta={toolsSummary(interview.tools)}
    >
      <ToolSwitches tools={tools} disabled={readOnly} onToggle={(key) => setTools((x) => ({ ...x, [key]: !x[key] }))} />
      {!readOnly && (
        <div className="card-actions">
          <button type="button" className="btn btn-primary" disabled={!changed || saving} onClick={update}>
            {saving ? 'Updating…' : 'Update'}
          </button>
          {changed && <span className="field-hint">Unsaved room changes</span>}
        </div>
      )}
    </CollapsibleCard>
  )
}

type SwitchesProps = {
  tools: RoomTools
  onToggle: (key: keyof RoomTools) => void
  disabled?: boolean
  /** Makes the description ids unique when two lists are on one page. */
  idPrefix?: string
}

/** The room's tools as switches (Live Code, Whiteboard), each with what it does. */
export function ToolSwitches({ tools, onToggle, disabled = false, idPrefix = 'tool' }: SwitchesProps) {
  return (
    <ul className="switch-list">
      {TOOLS.map((t) => (
        <li key={t.key} className="switch-row">
          <button
            type="button"
            role="switch"
            className="switch"
            aria-checked={tools[t.key]}
            aria-describedby={`${idPrefix}-${t.key}-desc`}
            disabled={disabled}
            onClick={() => onToggle(t.key)}
          >
            <span className="switch-track" aria-hidden="true">
              <span className="switch-thumb" />
            </span>
            <span className="switch-label">{t.label}</span>
          </button>
          <span id={`${idPrefix}-${t.key}-desc`} className="switch-desc">
            {t.description}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** "Live Code, Whiteboard", or "No tools": what the room offers, for the closed card. */
export function toolsSummary(tools: RoomTools): string {
  const on = TOOLS.filter((t) => tools[t.key]).map((t) => t.label)
  return on.length === 0 ? 'No tools' : on.join(', ')
}
