// The campaign form's state and what it sends: one slot generator ("weekdays
// 10:00–16:00, 45 min"), the slots a campaign already has (kept on edit),
// and the campaign's rules for registering and changing.

import type { Campaign, CampaignInput, CampaignMode, CampaignSlot } from '../api/campaigns'
import type { Person } from '../api/types'
import { instantToWall, joinWall } from '../platform/time'

export type Generator = {
  from: string
  to: string
  /** 0 Sunday … 6 Saturday. */
  weekdays: number[]
  start: string
  end: string
  minutes: string
  capacity: string
}

export type CampaignForm = {
  name: string
  position: string
  templateId: string
  interviewers: Person[]
  timeZone: string
  mode: CampaignMode
  /** Whether the generator adds slots (always on a new campaign in slots mode). */
  generate: boolean
  generator: Generator
  /** The slots the campaign has; an edit keeps them unless removed. */
  kept: CampaignSlot[]
  deadline: string
  maxCandidates: string
  candidateChanges: boolean
  changeHours: string
}

export const WEEKDAYS: { day: number; short: string; long: string }[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
]

const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A new campaign: weekdays 10:00–16:00, 45 min, one seat, the next two weeks. */
export function newForm(zone: string, templateId: string, now = new Date()): CampaignForm {
  const today = instantToWall(now, zone).date
  const from = addDays(today, 1)
  return {
    name: '',
    position: '',
    templateId,
    interviewers: [],
    timeZone: zone,
    mode: 'slots',
    generate: true,
    generator: { from, to: addDays(from, 13), weekdays: [1, 2, 3, 4, 5], start: '10:00', end: '16:00', minutes: '45', capacity: '1' },
    kept: [],
    deadline: '',
    maxCandidates: '',
    candidateChanges: true,
    changeHours: '24',
  }
}

/** The form of a stored campaign: its slots kept, the generator off. */
export function formOf(c: Campaign, now = new Date()): CampaignForm {
  const base = newForm(c.timeZone, c.templateId, now)
  const deadline = c.deadline ? instantToWall(c.deadline, c.timeZone) : undefined
  return {
    ...base,
    name: c.name,
    position: c.position,
    interviewers: c.interviewers ?? [],
    mode: c.mode,
    generate: false,
    generator: { ...base.generator, minutes: String(c.durationMinutes) },
    kept: c.slots ?? [],
    deadline: deadline ? joinWall(deadline.date, deadline.time) : '',
    maxCandidates: c.maxCandidates > 0 ? String(c.maxCandidates) : '',
    candidateChanges: c.candidateChanges,
    changeHours: String(c.changeHours),
  }
}

const int = (s: string): number => (s.trim() === '' ? 0 : Number.parseInt(s, 10) || 0)

/** What the host gets: the generator as a rule, the kept slots listed. */
export function inputOf(f: CampaignForm): CampaignInput {
  const slots = f.mode === 'slots'
  const g = f.generator
  return {
    name: f.name,
    position: f.position,
    templateId: f.templateId,
    interviewers: f.interviewers.filter((p) => p.name.trim() !== '' || p.email.trim() !== ''),
    timeZone: f.timeZone,
    mode: f.mode,
    ...(int(g.minutes) > 0 ? { durationMinutes: int(g.minutes) } : {}),
    rules:
      slots && f.generate
        ? [{ from: g.from, to: g.to, weekdays: g.weekdays, start: g.start, end: g.end, minutes: int(g.minutes), capacity: int(g.capacity) }]
        : [],
    slots: slots ? f.kept.map((s) => ({ startsAt: s.startsAt, durationMinutes: s.durationMinutes, capacity: s.capacity })) : [],
    ...(f.deadline.trim() ? { deadline: f.deadline.trim() } : {}),
    maxCandidates: int(f.maxCandidates),
    candidateChanges: f.candidateChanges,
    changeHours: f.candidateChanges ? int(f.changeHours) : 0,
  }
}

/** "Weekdays 10:00–16:00, 45 min" for the generator as set. */
export function generatorSummary(g: Generator): string {
  const days = [...g.weekdays].sort()
  const label =
    days.join() === '1,2,3,4,5' ? 'Weekdays'
    : days.length === 7 ? 'Every day'
    : days.length === 0 ? 'No days'
    : WEEKDAYS.filter((w) => days.includes(w.day)).map((w) => w.short).join(', ')
  return `${label} ${g.start}–${g.end}, ${g.minutes} min`
}

/** The host's field names the form shows next to its own fields. */
export type FormField =
  | 'name'
  | 'position'
  | 'templateId'
  | 'timeZone'
  | 'mode'
  | 'rules'
  | 'slots'
  | 'deadline'
  | 'maxCandidates'
  | 'changeHours'
  | 'interviewers'

export const FORM_FIELDS: FormField[] = [
  'name',
  'position',
  'templateId',
  'interviewers',
  'timeZone',
  'mode',
  'rules',
  'slots',
  'deadline',
  'maxCandidates',
  'changeHours',
]

/** "rules[0]" → rules, "slots[3]" → slots, "interviewers[1].email" → interviewers. */
export function fieldOf(host: string): FormField | undefined {
  const base = host.replace(/\[.*$/, '')
  return (FORM_FIELDS as string[]).includes(base) ? (base as FormField) : undefined
}
