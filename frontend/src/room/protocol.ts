// The room channel's messages (docs/room-protocol.md; internal/web/room.go is the
// truth). Everything that arrives is checked here before the app sees it, so a
// malformed frame is dropped with a reason instead of breaking a screen.

import type { ConsentTexts } from '../api/contract.gen'
import {
  parseWorkspaceMessage,
  WORKSPACE_TYPES,
  type WorkspaceClientMessage,
  type WorkspaceMessage,
} from './workspace/messages'

export type Role = 'candidate' | 'interviewer'
export type Phase = 'waiting' | 'plan' | 'technical' | 'finish' | 'ended'

export type IceServer = { urls: string[]; username?: string; credential?: string }

export type InterviewInfo = {
  position: string
  candidate: string
  interviewers: string[]
  startsAt: string
  durationMinutes: number
  technical: boolean
  questionCount: number
  tools: { liveCode: boolean; whiteboard: boolean }
}

export type Welcome = {
  type: 'welcome'
  role: Role
  /** This tab's connection ID (the `id` of our own presence entry). */
  connection: string
  /** Our participant ID in the call (track-info's participantId). */
  participant?: string
  you: string
  /** Interviewers only: their email and the interview's ID (for the console link). */
  email?: string
  interviewId?: string
  interview: InterviewInfo
  iceServers: IceServer[]
  /** The call's backend: "embedded" (signal with the host) or "livekit" (the call's config brings a LiveKit address and token). */
  media?: 'embedded' | 'livekit'
  /** Candidates only: the consent step's words, as the host keeps them (their version goes back in ready). */
  consent?: ConsentTexts
}

/** The consent step's texts (internal/consent). */
export type { ConsentTexts }

export type CandidateQuestion = { number: number; total: number; text: string; rephrased?: string }

/** What a candidate connection receives as `state`. */
export type CandidateView = {
  phase: Phase
  locked: boolean
  consented?: boolean
  /** Whether the call is recorded: false once the candidate declined recording. */
  recorded: boolean
  question?: CandidateQuestion
}

/** A plan topic; hint (the template's guidance) reaches interviewers only. */
export type Topic = { id: string; title: string; added?: boolean; hint?: string }
export type QuestionWindow = { index: number; from: string; to?: string; skipped?: boolean }
export type Actor = { role: string; email?: string; name?: string }
export type Note = { author: Actor; text: string; savedAt?: string }
export type QuestionContent = {
  id?: string
  text: string
  alternative: string
  expectedAnswer: string
  keyPoints: string[]
  /** Code the interviewer may load into the editor, in `language`. */
  starterCode?: string
  language?: string
}

/** A signal from the candidate's browser (interviewers only). */
export type Activity = {
  kind: 'paste' | 'left' | 'returned'
  at: string
  length?: number
  external?: boolean
  awayMs?: number
}

/** What an interviewer connection receives as `state`. */
export type InterviewerView = {
  phase: Phase
  locked: boolean
  consentAt?: string
  startedAt?: string
  endedAt?: string
  topics: Topic[]
  done: Record<string, boolean>
  questions: number
  /** Current question index; -1 before the technical part. */
  question: number
  windows: QuestionWindow[]
  rephrased: Record<string, boolean>
  ratings: Record<string, number>
  comments: Record<string, string>
  /** By interviewer email; only our own until the interview has ended. */
  notes: Record<string, Note>
  lastSeq: number
  lastEventAt?: string
  questionsContent: QuestionContent[]
  activity: Activity[]
  /** What the candidate agreed to (AI analysis and recording may be declined). */
  consent?: Consent
  /** Preliminary AI assessments by question index (interviewers only). */
  assessments: Record<string, Assessment>
  /** Whether the call is recorded: false once the candidate declined recording. */
  recorded: boolean
}

export type Assessment = { index: number; score: number; covered: string[]; missed: string[]; comment?: string; heard: string }

export type RoomView = CandidateView | InterviewerView

export type Member = { id: string; role: Role; name: string; ready: boolean; since?: string }

export type ServerMessage =
  | Welcome
  | { type: 'state'; state: RoomView }
  | { type: 'presence'; members: Member[] }
  | { type: 'ack'; id: number; error?: string }
  | { type: 'signal'; signal: unknown }
  | { type: 'closed'; reason: string }
  | WorkspaceMessage

export type Consent = {
  personalData: boolean
  aiAnalysis: boolean
  recordingNotice: boolean
  /** The version of the texts the candidate was shown (ConsentTexts.version). */
  textsVersion?: string
}

/** Interviewer actions and the data each carries. */
export type ActionData = {
  started: undefined
  locked: undefined
  unlocked: undefined
  topic_checked: { topicId: string; done: boolean }
  topic_added: { id: string; title: string }
  technical_started: undefined
  question_shown: { index: number; skipped?: boolean }
  rephrase_shown: { index: number }
  rated: { index: number; rating: number }
  commented: { index: number; comment: string }
  note_saved: { text: string; topicId?: string; questionIndex?: number }
  finish_started: undefined
  ended: undefined
}
export type ActionName = keyof ActionData

export type ClientMessage =
  | { type: 'ready'; consent: Consent }
  | { [A in ActionName]: { type: 'action'; action: A; data?: ActionData[A] } }[ActionName]
  | { type: 'call'; prepare?: boolean }
  | { type: 'signal'; signal: unknown }
  | WorkspaceClientMessage

/** Server limits (internal/room/state.go). */
export const LIMITS = { noteChars: 50_000, commentChars: 2_000, topicTitleChars: 120 } as const

// ---------- parsing ----------

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback)
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
const bool = (v: unknown): boolean => v === true
const PHASES: readonly Phase[] = ['waiting', 'plan', 'technical', 'finish', 'ended']

/** Go's zero time.Time marshals as year 1: treat it as absent. */
export function optionalTime(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '' || v.startsWith('0001-01-01')) return undefined
  return Number.isNaN(Date.parse(v)) ? undefined : v
}

function phaseOf(v: unknown): Phase | undefined {
  return PHASES.includes(v as Phase) ? (v as Phase) : undefined
}

function record<T>(v: unknown, item: (x: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {}
  if (!isObj(v)) return out
  for (const [k, x] of Object.entries(v)) {
    const parsed = item(x)
    if (parsed !== undefined) out[k] = parsed
  }
  return out
}

function list<T>(v: unknown, item: (x: unknown) => T | undefined): T[] {
  if (!Array.isArray(v)) return []
  const out: T[] = []
  for (const x of v) {
    const parsed = item(x)
    if (parsed !== undefined) out.push(parsed)
  }
  return out
}

const topicOf = (x: unknown): Topic | undefined =>
  isObj(x) && typeof x.id === 'string' && typeof x.title === 'string'
    ? {
        id: x.id,
        title: x.title,
        ...(x.added === true ? { added: true } : {}),
        ...(typeof x.hint === 'string' && x.hint !== '' ? { hint: x.hint } : {}),
      }
    : undefined

function parseWelcome(m: Obj): Parsed<Welcome> {
  if (m.role !== 'candidate' && m.role !== 'interviewer') return { ok: false, error: 'welcome without a valid role' }
  const iv = isObj(m.interview) ? m.interview : {}
  const tools = isObj(iv.tools) ? iv.tools : {}
  return {
    ok: true,
    value: {
      type: 'welcome',
      role: m.role,
      connection: str(m.connection),
      you: str(m.you),
      ...(typeof m.participant === 'string' ? { participant: m.participant } : {}),
      ...(typeof m.email === 'string' ? { email: m.email } : {}),
      ...(typeof m.interviewId === 'string' ? { interviewId: m.interviewId } : {}),
      interview: {
        position: str(iv.position),
        candidate: str(iv.candidate),
        interviewers: list(iv.interviewers, (x) => (typeof x === 'string' ? x : undefined)),
        startsAt: optionalTime(iv.startsAt) ?? '',
        durationMinutes: num(iv.durationMinutes),
        technical: bool(iv.technical),
        questionCount: num(iv.questionCount),
        tools: { liveCode: bool(tools.liveCode), whiteboard: bool(tools.whiteboard) },
      },
      ...(consentTextsOf(m.consent) ? { consent: consentTextsOf(m.consent)! } : {}),
      ...(m.media === 'livekit' || m.media === 'embedded' ? { media: m.media } : {}),
      iceServers: list(m.iceServers, (x) => {
        if (!isObj(x)) return undefined
        const urls = typeof x.urls === 'string' ? [x.urls] : list(x.urls, (u) => (typeof u === 'string' ? u : undefined))
        if (urls.length === 0) return undefined
        const s: IceServer = { urls }
        if (typeof x.username === 'string') s.username = x.username
        if (typeof x.credential === 'string') s.credential = x.credential
        return s
      }),
    },
  }
}

const CONSENT_TEXT_KEYS = ['version', 'noticeTitle', 'notice', 'personalData', 'aiAnalysis', 'aiAnalysisHint', 'recording', 'recordingHint'] as const

/** The consent texts of a welcome, when every one of them is there. */
function consentTextsOf(v: unknown): ConsentTexts | undefined {
  if (!isObj(v) || CONSENT_TEXT_KEYS.some((k) => typeof v[k] !== 'string' || v[k] === '')) return undefined
  return Object.fromEntries(CONSENT_TEXT_KEYS.map((k) => [k, v[k]])) as ConsentTexts
}

/** The candidate view: only the fields a candidate may see are kept. */
export function parseCandidateView(v: unknown): Parsed<CandidateView> {
  if (!isObj(v)) return { ok: false, error: 'state is not an object' }
  const phase = phaseOf(v.phase)
  if (!phase) return { ok: false, error: `unknown phase ${JSON.stringify(v.phase)}` }
  const out: CandidateView = {
    phase,
    locked: bool(v.locked),
    recorded: v.recorded !== false,
    ...(v.consented === true ? { consented: true } : {}),
  }
  if (isObj(v.question) && typeof v.question.text === 'string') {
    const q: CandidateQuestion = { number: num(v.question.number, 1), total: num(v.question.total, 1), text: v.question.text }
    if (typeof v.question.rephrased === 'string' && v.question.rephrased !== '') q.rephrased = v.question.rephrased
    out.question = q
  }
  return { ok: true, value: out }
}

export function parseInterviewerView(v: unknown): Parsed<InterviewerView> {
  if (!isObj(v)) return { ok: false, error: 'state is not an object' }
  const phase = phaseOf(v.phase)
  if (!phase) return { ok: false, error: `unknown phase ${JSON.stringify(v.phase)}` }
  const topics = list(v.topics ?? v.plan, topicOf)
  const out: InterviewerView = {
    phase,
    locked: bool(v.locked),
    topics,
    done: record(v.done, (x) => (x === true ? true : undefined)),
    questions: num(v.questions),
    question: num(v.question, -1),
    windows: list(v.windows, (x) =>
      isObj(x) && typeof x.index === 'number' && optionalTime(x.from)
        ? { index: x.index, from: optionalTime(x.from)!, ...(optionalTime(x.to) ? { to: optionalTime(x.to)! } : {}) }
        : undefined,
    ),
    rephrased: record(v.rephrased, (x) => (x === true ? true : undefined)),
    ratings: record(v.ratings, (x) => (typeof x === 'number' ? x : undefined)),
    comments: record(v.comments, (x) => (typeof x === 'string' ? x : undefined)),
    notes: record(v.notes, (x) => {
      if (!isObj(x) || typeof x.text !== 'string') return undefined
      const a = isObj(x.author) ? x.author : {}
      const note: Note = { author: { role: str(a.role), email: str(a.email), name: str(a.name) }, text: x.text }
      const at = optionalTime(x.savedAt)
      if (at) note.savedAt = at
      return note
    }),
    lastSeq: num(v.lastSeq),
    questionsContent: list(v.questionsContent, (x) =>
      isObj(x) && typeof x.text === 'string'
        ? {
            ...(typeof x.id === 'string' ? { id: x.id } : {}),
            text: x.text,
            alternative: str(x.alternative),
            expectedAnswer: str(x.expectedAnswer),
            keyPoints: list(x.keyPoints, (k) => (typeof k === 'string' ? k : undefined)),
            ...(typeof x.starterCode === 'string' && x.starterCode !== '' ? { starterCode: x.starterCode } : {}),
            ...(typeof x.language === 'string' && x.language !== '' ? { language: x.language } : {}),
          }
        : undefined,
    ),
    activity: list(v.activity, activityOf),
    recorded: v.recorded !== false,
    assessments: record(v.assessments, (x) =>
      isObj(x) && typeof x.index === 'number' && typeof x.score === 'number'
        ? {
            index: x.index,
            score: x.score,
            covered: list(x.covered, (k) => (typeof k === 'string' ? k : undefined)),
            missed: list(x.missed, (k) => (typeof k === 'string' ? k : undefined)),
            heard: str(x.heard),
            ...(typeof x.comment === 'string' && x.comment ? { comment: x.comment } : {}),
          }
        : undefined,
    ),
  }
  if (isObj(v.consent)) {
    out.consent = { personalData: bool(v.consent.personalData), aiAnalysis: bool(v.consent.aiAnalysis), recordingNotice: bool(v.consent.recordingNotice) }
  }
  for (const key of ['consentAt', 'startedAt', 'endedAt', 'lastEventAt'] as const) {
    const t = optionalTime(v[key])
    if (t) out[key] = t
  }
  return { ok: true, value: out }
}

const ACTIVITY_KINDS: readonly Activity['kind'][] = ['paste', 'left', 'returned']

function activityOf(x: unknown): Activity | undefined {
  if (!isObj(x) || !ACTIVITY_KINDS.includes(x.kind as Activity['kind'])) return undefined
  const at = optionalTime(x.at)
  if (!at) return undefined
  const a: Activity = { kind: x.kind as Activity['kind'], at }
  if (typeof x.length === 'number') a.length = x.length
  if (x.external === true) a.external = true
  if (typeof x.awayMs === 'number') a.awayMs = x.awayMs
  return a
}

function parseMember(x: unknown): Member | undefined {
  if (!isObj(x) || typeof x.id !== 'string') return undefined
  if (x.role !== 'candidate' && x.role !== 'interviewer') return undefined
  const m: Member = { id: x.id, role: x.role, name: str(x.name), ready: bool(x.ready) }
  const since = optionalTime(x.since)
  if (since) m.since = since
  return m
}

/**
 * Parses one text frame from the host. `role` (known once `welcome` arrived)
 * picks the shape of `state`.
 */
export function parseServerMessage(raw: string, role: Role | undefined): Parsed<ServerMessage> {
  let m: unknown
  try {
    m = JSON.parse(raw)
  } catch {
    return { ok: false, error: 'not JSON' }
  }
  if (!isObj(m) || typeof m.type !== 'string') return { ok: false, error: 'message without a type' }
  switch (m.type) {
    case 'welcome':
      return parseWelcome(m)
    case 'state': {
      if (!role) return { ok: false, error: 'state before welcome' }
      const s = role === 'candidate' ? parseCandidateView(m.state) : parseInterviewerView(m.state)
      return s.ok ? { ok: true, value: { type: 'state', state: s.value } } : s
    }
    case 'presence':
      return { ok: true, value: { type: 'presence', members: list(m.members, parseMember) } }
    case 'ack': {
      if (typeof m.id !== 'number') return { ok: false, error: 'ack without an id' }
      const ack: ServerMessage = { type: 'ack', id: m.id }
      if (typeof m.error === 'string' && m.error !== '') ack.error = m.error
      return { ok: true, value: ack }
    }
    case 'signal':
      return { ok: true, value: { type: 'signal', signal: m.signal } }
    case 'closed':
      return { ok: true, value: { type: 'closed', reason: str(m.reason, 'closed') } }
    default:
      if (WORKSPACE_TYPES.has(m.type)) return parseWorkspaceMessage(m)
      return { ok: false, error: `unknown message type ${JSON.stringify(m.type)}` }
  }
}

export const isInterviewerView = (v: RoomView | undefined): v is InterviewerView =>
  v !== undefined && 'questionsContent' in v

/** Where this page's link points: /join/TOKEN is the candidate, /room/TOKEN an interviewer. */
export function linkFromPath(pathname: string): { role: Role; token: string } | undefined {
  const m = /^\/(join|room)\/([A-Za-z0-9_-]{8,128})\/?$/.exec(pathname)
  if (!m) return undefined
  return { role: m[1] === 'join' ? 'candidate' : 'interviewer', token: m[2]! }
}

/** The room channel's address for a token, on the page's own host. */
export function socketURL(loc: { protocol: string; host: string }, token: string): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws/${encodeURIComponent(token)}`
}
