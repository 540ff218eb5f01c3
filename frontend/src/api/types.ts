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

// ---------- invitations and email (docs/api.md "Invitations and email") ----------

export type MailSecurity = 'starttls' | 'tls' | 'none'

export type MailSettings = {
  host: string
  port: number
  security: MailSecurity
  username: string
  /** A password is stored; it is never sent back. */
  hasPassword: boolean
  fromName: string
  fromAddress: string
  replyTo: string
  /** Email is set up: invitations are sent. */
  configured: boolean
}

/** PUT body: `password` empty or omitted keeps the stored one; `clearPassword` removes it. */
export type MailSettingsInput = Omit<MailSettings, 'hasPassword' | 'configured'> & {
  password?: string
  clearPassword?: boolean
}

/** Field names of a 422 answer to PUT /api/settings/mail. */
export type MailField = 'host' | 'port' | 'security' | 'username' | 'password' | 'fromName' | 'fromAddress' | 'replyTo'

/** "candidate" or "interviewer:EMAIL". */
export type Recipient = 'candidate' | `interviewer:${string}`

export type Invitation = {
  for: string
  name: string
  email: string
  link: string
  subject: string
  text: string
}

export type OutboxKind = 'invite' | 'reschedule' | 'cancel' | 'test'
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed'

export type OutboxMessage = {
  id: string
  to: Person
  subject: string
  kind: OutboxKind
  state: OutboxState
  attempts: number
  lastError?: string
  nextAttemptAt?: string
  createdAt: string
  sentAt?: string
}

export type Outbox = { mailConfigured: boolean; messages: OutboxMessage[] }

// ---------- interview room data (docs/api.md "Interview room data", docs/room-protocol.md) ----------

export type RoomActor = { role: 'candidate' | 'interviewer' | 'host' | string; email?: string; name?: string }

/** One entry of an interview's event log. `data` depends on `type`. */
export type RoomEvent = {
  seq: number
  at: string
  v: number
  type: string
  actor: RoomActor
  data?: unknown
}

export type RoomPhase = 'waiting' | 'plan' | 'technical' | 'finish' | 'ended'
export type RoomTopic = { id: string; title: string; added?: boolean }
export type QuestionWindow = { index: number; from: string; to?: string; skipped?: boolean }
export type RoomNote = { author: RoomActor; text: string; savedAt: string }

/**
 * The interviewer view of the room state (docs/room-protocol.md). Maps keyed by a
 * question index arrive with string keys ("0", "1", …) as JSON has no others.
 */
export type InterviewerView = {
  phase: RoomPhase
  locked: boolean
  consentAt?: string
  startedAt?: string
  endedAt?: string
  topics: RoomTopic[] | null
  done: Record<string, boolean> | null
  /** The number of technical questions. */
  questions: number
  /** The current question's index; -1 before the technical part. */
  question: number
  windows: QuestionWindow[] | null
  rephrased: Record<string, boolean> | null
  ratings: Record<string, number> | null
  comments: Record<string, string> | null
  /** By interviewer email (or "name:NAME" for an organizer without one). */
  notes: Record<string, RoomNote> | null
  lastSeq: number
  plan?: RoomTopic[] | null
  questionsContent?: Question[] | null
}

export type Timeline = { events: RoomEvent[]; state: InterviewerView }

export type RecordingSource = 'camera' | 'microphone' | 'screen' | 'screen-audio' | string

export type Recording = {
  name: string
  /** "candidate" or "interviewer-…" (as in the file name). */
  participant: string
  /** The person's name, when the host knows it. */
  participantName?: string
  source: RecordingSource
  kind: 'audio' | 'video' | string
  codec: string
  bytes: number
  durationMs: number
  started?: string
  /** Still being written. */
  active: boolean
  /** Remuxed with duration and cues, so players can seek. */
  finalised: boolean
  /** Same-origin playback URL (the console session authenticates it). */
  url: string
}

/** Who is in an interview's room now (GET /api/interviews/{id}/presence). */
export type RoomPresence = {
  phase: 'waiting' | 'plan' | 'technical' | 'finish' | 'ended'
  locked: boolean
  members: { id: string; participant: string; role: 'candidate' | 'interviewer'; name: string; ready: boolean; since: string }[]
}
