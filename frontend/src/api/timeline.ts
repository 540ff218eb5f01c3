// The interview's timeline as the host builds it (docs/api.md, "Interview room
// data"): rows of data, not text; src/interviews/timeline.ts writes them.
import { request, seg } from './client'
import type { InterviewerView } from './types'

export type TimelineKind =
  | 'joined'
  | 'left'
  | 'reconnected'
  | 'consented'
  | 'locked'
  | 'unlocked'
  | 'started'
  | 'topic-checked'
  | 'topic-unchecked'
  | 'topic-added'
  | 'technical-started'
  | 'question'
  | 'rephrased'
  | 'note'
  | 'finish-started'
  | 'ended'

/** Someone in a row: the name (or the email when nameless), and the role. */
export type TimelinePerson = { name?: string; role: 'candidate' | 'interviewer' | 'host' | string }

export type TimelineConsent = {
  personalData: boolean
  aiAnalysis: boolean
  recordingNotice: boolean
  /** Later consents with the same answers (one per join), merged into this row. */
  repeats?: number
}

export type TimelineQuestion = {
  /** 0-based */
  index: number
  /** 1-based, for people */
  number: number
  /** 0 when unknown. */
  total: number
  text: string
  from: string
  /** Absent while the question is still on screen. */
  to?: string
  durationMs?: number
  /** Shown before: a later visit to the same question. */
  again: boolean
  /** The rephrased wording was shown to the candidate (first visit only). */
  rephrased: boolean
  /** The interviewer moved on without an answer. */
  skipped?: boolean
  /** 1–5 (first visit only). */
  rating?: number
  comment?: string
}

export type TimelineRow = {
  /** Unique, stable as the log grows. */
  key: string
  /** RFC 3339; the row's place in time. */
  at: string
  kind: TimelineKind
  /** Who caused it (not on notes: see note.author). */
  actor?: TimelinePerson
  /** reconnected: how long the person was gone. */
  awayMs?: number
  consent?: TimelineConsent
  topic?: { id: string; title: string; added?: boolean }
  question?: TimelineQuestion
  rephrase?: { index: number; number: number; alternative?: string }
  note?: { author: TimelinePerson; text: string; savedAt: string }
  /** ended: from the start, when it is known. */
  lastedMs?: number
}

export type Timeline = { rows: TimelineRow[]; state: InterviewerView }

export async function getTimeline(id: string, signal?: AbortSignal): Promise<Timeline> {
  const r = await request<Partial<Timeline> | null>('GET', `/api/interviews/${seg(id)}/timeline`, { signal })
  if (!r || typeof r.state !== 'object' || r.state === null) throw new Error('The host answered no timeline.')
  return { rows: Array.isArray(r.rows) ? r.rows : [], state: r.state }
}
