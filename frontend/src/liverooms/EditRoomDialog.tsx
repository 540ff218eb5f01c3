import { useState } from 'react'
import { errorMessage } from '../api/client'
import { addInterviewer, getInterview, removeInterviewer, updateTools } from '../api/interviews'
import { knownInterviewersOrNone } from '../api/liverooms'
import type { Interview, Person, RoomTools } from '../api/types'
import { ToolSwitches } from '../interviews/RoomToolsPanel'
import { Dialog } from '../ui/Dialog'
import { LoadingDialog } from './LoadingDialog'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { LineupEditor } from './LineupEditor'
import { changesOf, lineupOf, type Lineup } from './lineup'

type Props = { id: string; onClose: () => void; onUpdated: (iv: Interview) => void }

/** "Edit Room": the room's interviewer list and tools, saved with Update. */
export function EditRoomDialog({ id, onClose, onUpdated }: Props) {
  const data = useAsync(
    async (signal) => {
      const [interview, known] = await Promise.all([getInterview(id, signal), knownInterviewersOrNone(signal)])
      return { interview, known }
    },
    [id],
  )
  if (!data.data) return <LoadingDialog title="Edit Room" state={data} what="the room" onClose={onClose} />
  return <EditRoomForm interview={data.data.interview} known={data.data.known} onClose={onClose} onUpdated={onUpdated} />
}

type FormProps = { interview: Interview; known: Person[]; onClose: () => void; onUpdated: (iv: Interview) => void }

function EditRoomForm({ interview, known, onClose, onUpdated }: FormProps) {
  const [lineup, setLineup] = useState<Lineup>(() => lineupOf(interview.interviewers))
  const [tools, setTools] = useState<RoomTools>(interview.tools)
  const [savedTools, setSavedTools] = useState<RoomTools>(interview.tools)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string>()
  const toast = useToast()
  const { remove, add } = changesOf(lineup)
  const toolsChanged = tools.liveCode !== savedTools.liveCode || tools.whiteboard !== savedTools.whiteboard
  const changed = remove.length > 0 || add.length > 0 || toolsChanged

  // Each change is its own request: what succeeded stays saved, and a
  // refusal leaves the rest pending with the host's reason.
  const update = async () => {
    if (!changed || saving) return
    setSaving(true)
    setFailure(undefined)
    let current = interview
    let step = ''
    try {
      for (const email of remove) {
        step = `remove ${lineup.find((e) => e.email === email)?.name ?? email}`
        current = await removeInterviewer(interview.id, email)
        setLineup((l) => l.filter((e) => e.email !== email))
      }
      for (const p of add) {
        step = `add ${p.name}`
        current = await addInterviewer(interview.id, p.name, p.email)
        setLineup((l) => l.map((e) => (e.email === p.email ? { ...e, change: 'kept' } : e)))
      }
      if (toolsChanged) {
        step = 'change the tools'
        current = await updateTools(interview.id, tools)
        setSavedTools(current.tools)
      }
      onUpdated(current)
      toast({ tone: 'success', message: `Room of ${interview.candidate.name} updated.` })
      onClose()
    } catch (e) {
      if (current !== interview) onUpdated(current)
      setFailure(`Could not ${step}: ${errorMessage(e)}`)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog
      title="Edit Room"
      size="wide"
      description={`${interview.candidate.name} · ${interview.position}`}
      onClose={onClose}
      onSubmit={() => void update()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!changed || saving}>
            {saving ? 'Updating…' : 'Update'}
          </button>
        </>
      }
    >
      <div className="edit-room">
        <section aria-labelledby="edit-room-people">
          <h3 id="edit-room-people" className="subsection-title">
            Interviewer List
          </h3>
          <LineupEditor
            lineup={lineup}
            onChange={setLineup}
            known={known}
            candidateEmail={interview.candidate.email}
            idPrefix="edit-room"
            disabled={saving}
          />
        </section>
        <section aria-labelledby="edit-room-tools">
          <h3 id="edit-room-tools" className="subsection-title">
            Tools
          </h3>
          <ToolSwitches
            tools={tools}
            idPrefix="edit-room-tool"
            disabled={saving}
            onToggle={(key) => setTools((t) => ({ ...t, [key]: !t[key] }))}
          />
        </section>
        <p className="field-hint" aria-live="polite">
          {pendingNote(remove.length, add.length)}
        </p>
        {failure && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </Dialog>
  )
}

/** What Update will do to people, in words. */
function pendingNote(removing: number, adding: number): string {
  const parts: string[] = []
  if (adding > 0) parts.push('Added interviewers get their own room link, by email when email is set up.')
  if (removing > 0)
    parts.push('Removed interviewers’ links stop working at once: anyone of them in the room now is disconnected.')
  return parts.join(' ')
}
