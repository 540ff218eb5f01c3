// Client-side checks for the create-interview and interviewer forms, built on
// the shared rules (validation/rules.ts) so most mistakes show at once; the host
// stays the authority: its 422 `fields` are shown the same way.

import type { NewInterview } from '../api/types'
import { isValidTimeZone, joinWall, parseWall, wallTimeToInstant } from '../platform/time'
import { checkDuration, checkEmail, checkText, isValidEmail, LENGTHS, RULE_MESSAGES } from '../validation/rules'

export { isValidEmail }

export type CreateForm = {
  templateId: string
  position: string
  candidateName: string
  candidateEmail: string
  when: 'now' | 'later'
  date: string
  time: string
  timeZone: string
  durationMinutes: string
  campaign: string
  /** The candidate's take-home result to bring into the room; "" or absent for none. */
  takehomeId?: string
}

/** Keys are the host's field names (docs/api.md). */
export type CreateField =
  | 'templateId'
  | 'position'
  | 'candidateName'
  | 'candidateEmail'
  | 'startsAt'
  | 'timeZone'
  | 'durationMinutes'
  | 'campaign'
  | 'takehomeId'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

/** Form order: the first invalid one gets focus. */
export const CREATE_FIELDS: CreateField[] = [
  'templateId',
  'position',
  'candidateName',
  'candidateEmail',
  'startsAt',
  'timeZone',
  'durationMinutes',
  'campaign',
  'takehomeId',
]

export const MESSAGES = {
  template: 'Choose a template.',
  position: 'Enter the position, for example “Senior Go developer”.',
  candidateName: 'Enter the candidate’s name.',
  emailMissing: 'Enter the candidate’s email address.',
  email: RULE_MESSAGES.email,
  when: 'Choose the date and time.',
  badWhen: 'Enter a real date and a time like 14:30.',
  past: 'This time has already passed. Choose a time in the future, or conduct the interview now.',
  tooFar: 'Choose a time within the next two years.',
  timeZone: 'Choose a time zone.',
  duration: RULE_MESSAGES.duration,
  tooLong: RULE_MESSAGES.tooLong,
  interviewerName: 'Enter the interviewer’s name.',
  interviewerEmailMissing: 'Enter the interviewer’s email address.',
} as const


/** Checks a wall date + time in a zone for a scheduled start. */
export function validateStart(date: string, time: string, zone: string, now: Date): string | undefined {
  if (date === '' || time === '') return MESSAGES.when
  if (!parseWall(joinWall(date, time))) return MESSAGES.badWhen
  if (!isValidTimeZone(zone)) return undefined // reported on the zone field
  const at = wallTimeToInstant(joinWall(date, time), zone)
  if (!at) return MESSAGES.badWhen
  // Like the host: a minute of grace for "the current minute", at most two years ahead.
  if (at.getTime() < now.getTime() - 60_000) return MESSAGES.past
  const limit = new Date(now)
  limit.setUTCFullYear(limit.getUTCFullYear() + 2)
  if (at.getTime() > limit.getTime()) return MESSAGES.tooFar
  return undefined
}

/** Empty is allowed: the template's duration applies. */
export const validateDuration = checkDuration

export function validateCreate(f: CreateForm, now: Date): FieldErrors<CreateField> {
  const e: FieldErrors<CreateField> = {}
  if (f.templateId === '') e.templateId = MESSAGES.template
  const position = checkText(f.position, LENGTHS.name, MESSAGES.position)
  if (position) e.position = position
  const name = checkText(f.candidateName, LENGTHS.name, MESSAGES.candidateName)
  if (name) e.candidateName = name
  const email = checkEmail(f.candidateEmail, MESSAGES.emailMissing)
  if (email) e.candidateEmail = email
  if (f.when === 'later') {
    if (!isValidTimeZone(f.timeZone)) e.timeZone = MESSAGES.timeZone
    const start = validateStart(f.date, f.time, f.timeZone, now)
    if (start) e.startsAt = start
  }
  const duration = validateDuration(f.durationMinutes)
  if (duration) e.durationMinutes = duration
  if (f.campaign.trim().length > LENGTHS.name) e.campaign = MESSAGES.tooLong(LENGTHS.name)
  return e
}

/** The request body: startsAt as local wall time "YYYY-MM-DDTHH:MM" plus its zone. */
export function toNewInterview(f: CreateForm): NewInterview {
  const body: NewInterview = {
    templateId: f.templateId,
    position: f.position.trim(),
    candidateName: f.candidateName.trim(),
    candidateEmail: f.candidateEmail.trim(),
    when: f.when,
  }
  if (f.when === 'later') body.startsAt = joinWall(f.date, f.time)
  if (f.timeZone) body.timeZone = f.timeZone
  if (f.campaign.trim() !== '') body.campaign = f.campaign.trim()
  if (f.durationMinutes.trim() !== '') body.durationMinutes = Number(f.durationMinutes)
  if (f.takehomeId) body.takehomeId = f.takehomeId
  return body
}

export function firstInvalid<K extends string>(order: readonly K[], errors: FieldErrors<K>): K | undefined {
  return order.find((k) => errors[k] !== undefined)
}

export type InterviewerField = 'name' | 'email'

export function validateInterviewer(name: string, email: string): FieldErrors<InterviewerField> {
  const e: FieldErrors<InterviewerField> = {}
  const n = checkText(name, LENGTHS.name, MESSAGES.interviewerName)
  if (n) e.name = n
  const m = checkEmail(email, MESSAGES.interviewerEmailMissing)
  if (m) e.email = m
  return e
}
