// "Invite a candidate to a new live room": the form's rules and the interview
// it creates. The room starts now ("interview now", when: "now"); the host
// emails the candidate their link as it is created.

import type { NewInterview, OutboxMessage, RoomTools, TemplateSummary } from '../api/types'
import { MESSAGES, type FieldErrors } from '../interviews/validation'
import { checkEmail, checkText, LENGTHS } from '../validation/rules'

export type InviteForm = {
  candidateName: string
  candidateEmail: string
  /** Empty: the template's specialization (or its name). */
  position: string
  templateId: string
}

/** The host's field names (docs/api.md) the form shows. */
export type InviteField = 'candidateName' | 'candidateEmail' | 'position' | 'templateId'

export const INVITE_FIELDS: readonly InviteField[] = ['candidateName', 'candidateEmail', 'position', 'templateId']

const TEMPLATE_KEY = 'interviewdesk.liveRoomTemplate'

/** The template last used for a live room, if it still exists; else the first. */
export function defaultTemplate(templates: readonly TemplateSummary[], remembered = rememberedTemplate()): string {
  return templates.find((t) => t.id === remembered)?.id ?? templates[0]?.id ?? ''
}

function rememberedTemplate(): string {
  try {
    return localStorage.getItem(TEMPLATE_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberTemplate(id: string): void {
  try {
    localStorage.setItem(TEMPLATE_KEY, id)
  } catch {
    // not kept: the first template is offered next time
  }
}

/** The position a room gets when none is typed. */
export const positionFor = (t: TemplateSummary | undefined) => t?.specialization.trim() || t?.name.trim() || ''

/** The room's tools to begin with, as the host sets them: Live Code for a technical template. */
export const toolsFor = (t: TemplateSummary | undefined): RoomTools => ({ liveCode: !!t?.technical, whiteboard: false })

export function validateInvite(f: InviteForm, templates: readonly TemplateSummary[]): FieldErrors<InviteField> {
  const e: FieldErrors<InviteField> = {}
  const name = checkText(f.candidateName, LENGTHS.name, MESSAGES.candidateName)
  if (name) e.candidateName = name
  const email = checkEmail(f.candidateEmail, MESSAGES.emailMissing)
  if (email) e.candidateEmail = email
  if (f.position.trim().length > LENGTHS.name) e.position = MESSAGES.tooLong(LENGTHS.name)
  const t = templates.find((x) => x.id === f.templateId)
  if (!t) e.templateId = MESSAGES.template
  else if (f.position.trim() === '' && positionFor(t) === '') e.position = MESSAGES.position
  return e
}

/** The new interview: starting now, in the given zone. */
export function toNewRoom(f: InviteForm, templates: readonly TemplateSummary[], timeZone: string): NewInterview {
  const t = templates.find((x) => x.id === f.templateId)
  return {
    templateId: f.templateId,
    position: f.position.trim() || positionFor(t),
    candidateName: f.candidateName.trim(),
    candidateEmail: f.candidateEmail.trim(),
    when: 'now',
    ...(timeZone ? { timeZone } : {}),
  }
}

/** The candidate's invitation among the interview's emails (the latest). */
export function candidateInvitation(messages: readonly OutboxMessage[] | null | undefined, email: string): OutboxMessage | undefined {
  const to = email.trim().toLowerCase()
  return (messages ?? []).find((m) => m.kind === 'invite' && m.to.email.toLowerCase() === to)
}
