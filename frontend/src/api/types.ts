// Types of the console API (docs/api.md). Times are RFC 3339 UTC strings.

export type Topic = { id?: string; title: string; hint?: string }

export type Question = {
  id?: string
  text: string
  alternative: string
  expectedAnswer: string
  keyPoints?: string[]
}

/** The fields a client sends to create or replace a template. */
export type TemplateFields = {
  name: string
  specialization: string
  description: string
  durationMinutes: number
  plan: Topic[]
  questions: Question[]
}

export type Template = TemplateFields & {
  id: string
  technical: boolean
  builtIn: boolean
  createdAt: string
  updatedAt: string
}

export type TemplateSummary = {
  id: string
  name: string
  specialization: string
  description: string
  durationMinutes: number
  technical: boolean
  builtIn: boolean
  topicCount: number
  questionCount: number
  updatedAt: string
}

export type Person = { name: string; email: string }
export type Interviewer = Person & { link: string }

export type InterviewStatus = 'scheduled' | 'cancelled' | 'finished'
export type Tense = 'upcoming' | 'past' | 'cancelled'

export type RoomTools = { liveCode: boolean; whiteboard: boolean }

export type Interview = {
  id: string
  position: string
  candidate: Person
  campaign: string
  startsAt: string
  timeZone: string
  durationMinutes: number
  endsAt: string
  status: InterviewStatus
  tense: Tense
  template: {
    id: string
    name: string
    specialization: string
    technical: boolean
    topicCount: number
    questionCount: number
  }
  tools: RoomTools
  interviewers: Interviewer[]
  candidateLink: string
  interviewerLink: string
  createdAt: string
  updatedAt: string
  sequence: number
}

export type InterviewSummary = {
  id: string
  position: string
  candidate: Person
  campaign: string
  startsAt: string
  timeZone: string
  endsAt: string
  status: InterviewStatus
  tense: Tense
  templateName: string
}

export type NewInterview = {
  templateId: string
  position: string
  candidateName: string
  candidateEmail: string
  when: 'now' | 'later'
  /** Local wall time `YYYY-MM-DDTHH:MM` in `timeZone`. */
  startsAt?: string
  timeZone?: string
  campaign?: string
  durationMinutes?: number
}

export type Settings = { organizer: Person; publicUrl: string; defaultTimeZone: string }

export type Health = { version: string; dataDir: string; publicUrl: string }
