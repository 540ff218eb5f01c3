import { useState } from 'react'
import { errorMessage } from '../api/client'
import { addInterviewer, createInterview, updateTools } from '../api/interviews'
import { knownInterviewersOrNone } from '../api/liverooms'
import { getSettings } from '../api/settings'
import { listTemplates } from '../api/templates'
import type { Interview, Person, RoomTools, Settings, TemplateSummary } from '../api/types'
import { CopyField } from '../interviews/CopyField'
import { shortMoment, useOutbox } from '../interviews/OutboxPanel'
import { outboxStatus } from '../interviews/outbox'
import { ToolSwitches } from '../interviews/RoomToolsPanel'
import { openURL } from '../platform/native'
import { defaultTimeZone } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { LoadingDialog } from './LoadingDialog'
import { Field } from '../ui/Field'
import { useAsync } from '../ui/useAsync'
import { among, useFieldErrors } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import { firstInvalid } from '../interviews/validation'
import {
  candidateInvitation,
  defaultTemplate,
  INVITE_FIELDS,
  positionFor,
  rememberTemplate,
  toNewRoom,
  toolsFor,
  validateInvite,
  type InviteField,
  type InviteForm,
} from './invite'
import { LineupEditor } from './LineupEditor'
import { changesOf, lineupOf, type Lineup } from './lineup'

const TITLE = 'Invite a candidate to a new live room'

type Props = { onClose: () => void; onCreated: (iv: Interview) => void }

/**
 * One dialog that opens a live room for a candidate without any assessment
 * ("Open Live Room"): it starts now, the candidate is emailed their link at
 * once, and the link is shown to copy.
 */
export function InviteDialog({ onClose, onCreated }: Props) {
  const data = useAsync(async (signal) => {
    const [templates, settings, known] = await Promise.all([
      listTemplates(signal),
      getSettings(signal),
      knownInterviewersOrNone(signal),
    ])
    return { templates, settings, known }
  }, [])
  const [created, setCreated] = useState<{ interview: Interview; problems: string[] }>()

  if (created) return <RoomReady {...created} onClose={onClose} />
  if (!data.data) return <LoadingDialog title={TITLE} state={data} what="the templates" onClose={onClose} />
  return (
    <InviteFormDialog
      {...data.data}
      onClose={onClose}
      onCreated={(interview, problems) => {
        onCreated(interview)
        setCreated({ interview, problems })
      }}
    />
  )
}

type FormProps = {
  templates: TemplateSummary[]
  settings: Settings
  known: Person[]
  onClose: () => void
  onCreated: (iv: Interview, problems: string[]) => void
}

const FOCUS: Record<InviteField, string> = {
  candidateName: 'invite-name',
  candidateEmail: 'invite-email',
  position: 'invite-position',
  templateId: 'invite-template',
}

function InviteFormDialog({ templates, settings, known, onClose, onCreated }: FormProps) {
  const [form, setForm] = useState<InviteForm>(() => ({
    candidateName: '',
    candidateEmail: '',
    position: '',
    templateId: defaultTemplate(templates),
  }))
  const template = templates.find((t) => t.id === form.templateId)
  const [tools, setTools] = useState<RoomTools>(() => toolsFor(template))
  const [toolsTouched, setToolsTouched] = useState(false)
  const [lineup, setLineup] = useState<Lineup>(() => lineupOf([settings.organizer]))
  const fieldErrors = useFieldErrors<InviteField>((errs) => {
    const f = firstInvalid(INVITE_FIELDS, errs)
    return document.getElementById(f ? FOCUS[f] : 'invite-summary')
  })
  const { errors, message, clear } = fieldErrors
  const { saving, submit: save } = useSaveForm(fieldErrors)

  const set = (patch: Partial<InviteForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    clear(...(Object.keys(patch) as InviteField[]))
  }

  const send = async () => {
    let iv = await createInterview(toNewRoom(form, templates, defaultTimeZone(settings.defaultTimeZone)))
    rememberTemplate(form.templateId)
    // The room exists and the candidate is invited; what follows can fail
    // on its own and is reported, not undone.
    const problems: string[] = []
    for (const p of changesOf(lineup).add) {
      try {
        iv = await addInterviewer(iv.id, p.name, p.email)
      } catch (e) {
        problems.push(`${p.name} was not added: ${errorMessage(e)} Add them with Edit Room.`)
      }
    }
    if (tools.liveCode !== iv.tools.liveCode || tools.whiteboard !== iv.tools.whiteboard) {
      try {
        iv = await updateTools(iv.id, tools)
      } catch (e) {
        problems.push(`The tools were not changed: ${errorMessage(e)} Change them with Edit Room.`)
      }
    }
    return { iv, problems }
  }

  // The messages stay while it is sent: the ready room takes the dialog's place.
  const submit = () =>
    save({
      check: () => validateInvite(form, templates),
      send,
      onSaved: ({ iv, problems }) => onCreated(iv, problems),
      field: among(INVITE_FIELDS),
      keepMessages: true,
    })

  return (
    <Dialog
      title={TITLE}
      size="wide"
      description="The room opens now. The candidate is emailed their link at once, and you can copy it too."
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Creating the room…' : 'Create room and invite'}
          </button>
        </>
      }
    >
      <div className="invite">
        {message && (
          <p id="invite-summary" className="inline-error" role="alert" tabIndex={-1}>
            {message}
          </p>
        )}
        <div className="form-grid">
          <Field id="invite-name" label="Candidate name" required error={errors.candidateName}>
            <input
              className="input"
              autoComplete="off"
              value={form.candidateName}
              data-autofocus
              onChange={(e) => set({ candidateName: e.target.value })}
            />
          </Field>
          <Field id="invite-email" label="Candidate email" required error={errors.candidateEmail}>
            <input
              className="input"
              type="email"
              autoComplete="off"
              value={form.candidateEmail}
              onChange={(e) => set({ candidateEmail: e.target.value })}
            />
          </Field>
          <Field
            id="invite-position"
            label="Position"
            error={errors.position}
            hint={positionFor(template) ? `Optional. Left empty: “${positionFor(template)}”.` : 'The role the candidate applies for.'}
          >
            <input className="input" autoComplete="off" value={form.position} onChange={(e) => set({ position: e.target.value })} />
          </Field>
          <Field id="invite-template" label="Template" error={errors.templateId} hint="The plan and questions of the interview.">
            <select
              className="input"
              value={form.templateId}
              onChange={(e) => {
                set({ templateId: e.target.value })
                if (!toolsTouched) setTools(toolsFor(templates.find((t) => t.id === e.target.value)))
              }}
            >
              {templates.length === 0 && <option value="">No templates yet</option>}
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.specialization ? ` — ${t.specialization}` : ''}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <details className="invite-more">
          <summary>Interviewers and tools (optional)</summary>
          <h3 className="subsection-title">Interviewer List</h3>
          <LineupEditor
            lineup={lineup}
            onChange={setLineup}
            known={known}
            candidateEmail={form.candidateEmail}
            idPrefix="invite-interviewer"
            disabled={saving}
          />
          <h3 className="subsection-title">Tools</h3>
          <ToolSwitches
            tools={tools}
            idPrefix="invite-tool"
            disabled={saving}
            onToggle={(key) => {
              setToolsTouched(true)
              setTools((t) => ({ ...t, [key]: !t[key] }))
            }}
          />
        </details>
      </div>
    </Dialog>
  )
}

type ReadyProps = { interview: Interview; problems: string[]; onClose: () => void }

/** The room was created: whether the invitation went out, the link to copy, and the way in. */
function RoomReady({ interview: iv, problems, onClose }: ReadyProps) {
  const outbox = useOutbox(iv.id, iv.updatedAt)
  const invite = candidateInvitation(outbox.data?.messages, iv.candidate.email)
  let mail: { text: string; tone: '' | ' invite-mail-error' }
  if (!outbox.data) mail = { text: 'Checking the invitation email…', tone: '' }
  else if (!outbox.data.mailConfigured)
    mail = { text: 'Email is not set up, so no invitation was sent. Copy the link below and send it to the candidate.', tone: '' }
  else if (!invite) mail = { text: `No invitation to ${iv.candidate.email} was queued.`, tone: ' invite-mail-error' }
  else {
    const s = outboxStatus(invite, (iso) => shortMoment(iso))
    mail = {
      text: `Invitation to ${iv.candidate.email}: ${s.label}.${s.detail ? ` ${s.detail}` : ''}`,
      tone: s.tone === 'danger' ? ' invite-mail-error' : '',
    }
  }
  return (
    <Dialog
      title={`Live room ready for ${iv.candidate.name}`}
      size="wide"
      description={`${iv.position} · ${iv.template.name}. The room is open now.`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Done
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => void openURL(iv.interviewerLink)}>
            Open interviewer room
          </button>
        </>
      }
    >
      <div className="invite">
        <p className={`invite-mail${mail.tone}`} role="status">
          {mail.text}
        </p>
        {outbox.data && !outbox.data.mailConfigured && (
          <p className="field-hint">
            <a href="#/settings" onClick={onClose}>
              Set up email in Settings
            </a>{' '}
            to send invitations from here.
          </p>
        )}
        <CopyField label="Candidate link" value={iv.candidateLink} copyLabel="Copy candidate link" />
        {problems.map((p) => (
          <p key={p} className="inline-error" role="alert">
            {p}
          </p>
        ))}
      </div>
    </Dialog>
  )
}
