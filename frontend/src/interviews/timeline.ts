// Writes the host's timeline rows (GET /api/interviews/{id}/timeline) as text
// for the details page. The host decides what happened; this only words it.
// Pure: the caller passes how times are written, so tests need no locale or zone.

import type { TimelinePerson, TimelineRow } from '../api/timeline'
import { isLanguage, LANGUAGE_NAMES } from '../validation/rules'

export type RowText = {
  /** One line, e.g. "Olivia Diaz (candidate) joined" or "Question 3/10 · 14:05–14:11 (6 min)". */
  title: string
  /** A second line of plain text, if any. */
  detail?: string
}

export type TextOptions = {
  /** Writes a time of day, e.g. "14:05" (the viewer's zone and locale in the page). */
  time: (iso: string) => string
}

/** "45 s", "6 min", "1 h 5 min": a short, rounded duration. */
export function formatSpan(durationMs: number): string {
  const seconds = Math.max(0, Math.round(durationMs / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "Olivia Diaz (candidate)", "Alex Recruiter", or the role when nameless. */
export function personLabel(p: TimelinePerson | undefined): string {
  const name = p?.name?.trim() ?? ''
  if (p?.role === 'candidate') return name ? `${name} (candidate)` : 'The candidate'
  if (p?.role === 'host') return name || 'InterviewDesk'
  return name || 'An interviewer'
}

/** "a", "a and b", "a, b, and c" */
function list(items: string[]): string {
  if (items.length <= 2) return items.join(' and ')
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function consentDetail(c: NonNullable<TimelineRow['consent']>): string {
  const items: [boolean, string][] = [
    [c.personalData, 'personal data processing'],
    [c.aiAnalysis, 'AI analysis of answers'],
    [c.recordingNotice, 'recording of the interview'],
  ]
  const given = items.filter(([yes]) => yes).map(([, what]) => what)
  const declined = items.filter(([yes]) => !yes).map(([, what]) => what)
  const parts: string[] = []
  if (given.length > 0) parts.push(`${capital(list(given))}.`)
  if (declined.length > 0) parts.push(`Declined: ${list(declined)}.`)
  const n = c.repeats ?? 0
  if (n > 0) parts.push(`Confirmed again on ${n} later ${n === 1 ? 'join' : 'joins'}.`)
  return parts.join(' ')
}

function questionTitle(q: NonNullable<TimelineRow['question']>, time: TextOptions['time']): string {
  const span =
    q.to !== undefined ? `${time(q.from)}–${time(q.to)} (${formatSpan(q.durationMs ?? 0)})` : `${time(q.from)}–now`
  const of = q.total > 0 ? `${q.number}/${q.total}` : String(q.number)
  return `Question ${of}${q.again ? ' again' : ''}${q.skipped ? ' (skipped)' : ''} · ${span}`
}


function languageName(id: string): string {
  return isLanguage(id) ? LANGUAGE_NAMES[id] : id
}

const RUN_OUTCOME: Record<string, string> = {
  ok: 'finished',
  error: 'failed',
  timeout: 'time limit reached',
  stopped: 'stopped',
  memory: 'out of memory',
  crashed: 'did not finish',
}

function runOutcome(r: NonNullable<TimelineRow['run']>): string {
  const code = r.status === 'ok' || r.status === 'error' ? ` (exit code ${r.exitCode})` : ''
  return `${languageName(r.language)} ${RUN_OUTCOME[r.status] ?? r.status}${code}`
}

function runDetail(r: NonNullable<TimelineRow['run']>, who: string): string {
  const where = r.runner === 'remote' ? 'on the code runner' : `in the ${r.runner}'s browser`
  return `Run by ${who}, ${where}, ${formatSpan(r.durationMs)}${r.doc === 'pad' ? ' (scratch pad)' : ''}`
}

/** The words for one row. */
export function rowText(row: TimelineRow, { time }: TextOptions): RowText {
  const who = personLabel(row.actor)
  switch (row.kind) {
    case 'joined':
      return { title: `${who} joined` }
    case 'left':
      return { title: `${who} left` }
    case 'reconnected':
      return { title: `${who} reconnected`, detail: `Away for ${formatSpan(row.awayMs ?? 0)}` }
    case 'consented':
      return { title: `${who} gave consent`, ...(row.consent ? { detail: consentDetail(row.consent) } : {}) }
    case 'locked':
      return { title: `Room locked by ${who}` }
    case 'unlocked':
      return { title: `Room unlocked by ${who}` }
    case 'started':
      return { title: 'Interview started', detail: `By ${who}` }
    case 'topic-checked':
      return { title: `Topic covered: ${row.topic?.title ?? ''}` }
    case 'topic-unchecked':
      return { title: `Topic unchecked: ${row.topic?.title ?? ''}` }
    case 'topic-added':
      return { title: `Topic added: ${row.topic?.title ?? ''}`, detail: `By ${who}` }
    case 'technical-started':
      return { title: 'Technical part started' }
    case 'question':
      return { title: row.question ? questionTitle(row.question, time) : 'Question' }
    case 'rephrased': {
      const r = row.rephrase
      const text: RowText = { title: `Rephrased question ${r?.number ?? ''} shown to the candidate` }
      if (r?.alternative) text.detail = r.alternative
      return text
    }
    case 'note':
      return { title: `Notes by ${personLabel(row.note?.author)}` }
    case 'finish-started':
      return { title: 'Finish stage started', detail: 'Candidate’s questions and wrap-up' }
    case 'ended':
      return row.lastedMs !== undefined
        ? { title: 'Interview ended', detail: `Lasted ${formatSpan(row.lastedMs)}` }
        : { title: 'Interview ended' }
    case 'pasted': {
      const p = row.paste
      return {
        title: `${who} pasted ${(p?.length ?? 0).toLocaleString('en-US')} characters`,
        detail: p?.external ? 'From outside the room' : 'Copied inside the editor',
      }
    }
    case 'tab-away':
      return row.awayMs !== undefined
        ? { title: `${who} left the interview tab`, detail: `Away for ${formatSpan(row.awayMs)}` }
        : { title: `${who} left the interview tab`, detail: 'Not back yet' }
    case 'ran': {
      const r = row.run
      return { title: `Code run: ${r ? runOutcome(r) : ''}`, detail: r ? runDetail(r, who) : '' }
    }
    case 'language':
      return { title: `Editor language set to ${languageName(row.language?.language ?? '')}`, detail: `By ${who}` }
    case 'starter-loaded':
      return { title: `Starter code of question ${row.question?.number ?? ''} loaded`, detail: `By ${who}` }
    default:
      // A kind from a newer host: say what it is called rather than nothing.
      return { title: String((row as { kind: string }).kind).replace(/-/g, ' ') }
  }
}
