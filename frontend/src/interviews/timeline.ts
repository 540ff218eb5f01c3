// Builds the interview timeline shown on the details page from the room's event
// log and the state it produced (GET /api/interviews/{id}/timeline). Pure: the
// caller passes how times are written, so tests need no locale or zone.

import type { InterviewerView, QuestionWindow, RoomActor, RoomEvent, RoomTopic } from '../api/types'

export type RowKind =
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

export type QuestionRow = {
  /** 0-based */
  index: number
  /** 1-based, for people */
  number: number
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

export type NoteRow = { author: string; text: string; savedAt: string }

export type TimelineRow = {
  key: string
  /** RFC 3339; the row's place in time. */
  at: string
  kind: RowKind
  /** One line, e.g. "Olivia Diaz (candidate) joined" or "Question 3/10 · 14:05–14:11 (6 min)". */
  title: string
  /** A second line of plain text, if any. */
  detail?: string
  question?: QuestionRow
  note?: NoteRow
}

export type TimelineOptions = {
  /** Writes a time of day, e.g. "14:05" (the viewer's zone and locale in the page). */
  time: (iso: string) => string
  /** Collapses "left" then "joined" by the same person within this many ms into "reconnected". */
  reconnectWithinMs?: number
}

/** Go writes a zero time.Time as "0001-01-01T00:00:00Z" even with omitempty. */
export function isSetTime(iso: string | undefined | null): iso is string {
  if (!iso || iso.startsWith('0001-01-01')) return false
  return !Number.isNaN(Date.parse(iso))
}

const ms = (iso: string) => Date.parse(iso)

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
export function actorLabel(a: RoomActor | undefined): string {
  const name = a?.name?.trim() || a?.email?.trim() || ''
  if (a?.role === 'candidate') return name ? `${name} (candidate)` : 'The candidate'
  if (a?.role === 'host') return name || 'InterviewDesk'
  return name || 'An interviewer'
}

const actorKey = (a: RoomActor) => `${a.role}\u0000${(a.email ?? '').toLowerCase()}\u0000${a.name ?? ''}`

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

/** A value of a map keyed by question index (JSON object keys are strings). */
function byIndex<T>(m: Record<string, T> | null | undefined, i: number): T | undefined {
  if (!m) return undefined
  return Object.prototype.hasOwnProperty.call(m, String(i)) ? m[String(i)] : undefined
}

function topicTitle(state: InterviewerView, id: string): string {
  const all: RoomTopic[] = [...(state.topics ?? []), ...(state.plan ?? [])]
  return all.find((t) => t.id === id)?.title ?? id
}

/**
 * Turns the event log and state into chronological rows: who joined and left,
 * start, topics, each question with its time window (plus its rephrasing,
 * rating and comment from the state), notes, finish and end.
 */
export function buildTimeline(events: readonly RoomEvent[], state: InterviewerView, opts: TimelineOptions): TimelineRow[] {
  const { time } = opts
  const reconnectWithin = opts.reconnectWithinMs ?? 30_000
  const windows: QuestionWindow[] = (state.windows ?? []).filter((w) => isSetTime(w.from))
  const used = new Set<number>()
  let nextWindow = 0
  const seen = new Set<number>()
  const total = state.questions || state.questionsContent?.length || 0

  /** The window a question_shown (or technical_started) event opened. */
  const windowFor = (index: number, at: string): QuestionWindow => {
    const w = windows[nextWindow]
    if (w && w.index === index && !used.has(nextWindow)) {
      used.add(nextWindow)
      nextWindow++
      return w
    }
    const found = windows.findIndex((x, k) => !used.has(k) && x.index === index && ms(x.from) === ms(at))
    if (found >= 0) {
      used.add(found)
      nextWindow = found + 1
      return windows[found]!
    }
    return { index, from: at }
  }

  const questionRow = (ev: RoomEvent, index: number): TimelineRow => {
    const w = windowFor(index, ev.at)
    const again = seen.has(index)
    seen.add(index)
    const to = isSetTime(w.to) ? w.to : undefined
    const q: QuestionRow = {
      index,
      number: index + 1,
      total,
      text: state.questionsContent?.[index]?.text ?? '',
      from: w.from,
      again,
      rephrased: !again && byIndex(state.rephrased, index) === true,
    }
    if (to) {
      q.to = to
      q.durationMs = Math.max(0, ms(to) - ms(w.from))
    }
    if (w.skipped) q.skipped = true
    if (!again) {
      const rating = byIndex(state.ratings, index)
      if (typeof rating === 'number' && rating >= 1 && rating <= 5) q.rating = rating
      const comment = byIndex(state.comments, index)
      if (typeof comment === 'string' && comment.trim() !== '') q.comment = comment
    }
    const span = to ? `${time(w.from)}–${time(to)} (${formatSpan(q.durationMs ?? 0)})` : `${time(w.from)}–now`
    const of = total > 0 ? `${q.number}/${total}` : String(q.number)
    return {
      key: `q-${ev.seq}`,
      at: w.from,
      kind: 'question',
      title: `Question ${of}${again ? ' again' : ''}${q.skipped ? ' (skipped)' : ''} · ${span}`,
      question: q,
    }
  }

  type Sortable = TimelineRow & { order: number }
  const rows: Sortable[] = []
  const push = (row: TimelineRow, order: number) => rows.push({ ...row, order })
  /** Actor → index in rows of their latest "left" not yet followed by a "joined". */
  const lastLeft = new Map<string, number>()

  for (const ev of events) {
    if (!isSetTime(ev.at)) continue
    const who = actorLabel(ev.actor)
    const data = record(ev.data)
    const base = { key: `e-${ev.seq}`, at: ev.at }
    switch (ev.type) {
      case 'joined': {
        // A reload or a dropped connection: "left" then "joined" again soon after.
        const k = actorKey(ev.actor)
        const pending = lastLeft.get(k)
        lastLeft.delete(k)
        const prev = pending === undefined ? undefined : rows[pending]
        if (prev && ms(ev.at) - ms(prev.at) <= reconnectWithin) {
          const away = formatSpan(ms(ev.at) - ms(prev.at))
          rows[pending!] = { ...prev, kind: 'reconnected', title: `${who} reconnected`, detail: `Away for ${away}` }
          break
        }
        push({ ...base, kind: 'joined', title: `${who} joined` }, ev.seq)
        break
      }
      case 'left':
        lastLeft.set(actorKey(ev.actor), rows.length)
        push({ ...base, kind: 'left', title: `${who} left` }, ev.seq)
        break
      case 'consented':
        push(
          {
            ...base,
            kind: 'consented',
            title: `${who} gave consent`,
            detail: 'Personal data processing, AI analysis of answers, and the recording notice.',
          },
          ev.seq,
        )
        break
      case 'locked':
        push({ ...base, kind: 'locked', title: `Room locked by ${who}` }, ev.seq)
        break
      case 'unlocked':
        push({ ...base, kind: 'unlocked', title: `Room unlocked by ${who}` }, ev.seq)
        break
      case 'started':
        push({ ...base, kind: 'started', title: 'Interview started', detail: `By ${who}` }, ev.seq)
        break
      case 'topic_checked': {
        const id = typeof data.topicId === 'string' ? data.topicId : ''
        const done = data.done === true
        push(
          {
            ...base,
            kind: done ? 'topic-checked' : 'topic-unchecked',
            title: `${done ? 'Topic covered' : 'Topic unchecked'}: ${topicTitle(state, id)}`,
          },
          ev.seq,
        )
        break
      }
      case 'topic_added': {
        const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : topicTitle(state, String(data.id ?? ''))
        push({ ...base, kind: 'topic-added', title: `Topic added: ${title}`, detail: `By ${who}` }, ev.seq)
        break
      }
      case 'technical_started':
        push({ ...base, kind: 'technical-started', title: 'Technical part started' }, ev.seq)
        if (total > 0 || windows.length > 0) push(questionRow(ev, 0), ev.seq + 0.5)
        break
      case 'question_shown': {
        const index = typeof data.index === 'number' ? data.index : -1
        if (index >= 0) push(questionRow(ev, index), ev.seq)
        break
      }
      case 'rephrase_shown': {
        const index = typeof data.index === 'number' ? data.index : -1
        if (index < 0) break
        const alternative = state.questionsContent?.[index]?.alternative ?? ''
        const row: TimelineRow = {
          ...base,
          kind: 'rephrased',
          title: `Rephrased question ${index + 1} shown to the candidate`,
        }
        if (alternative) row.detail = alternative
        push(row, ev.seq)
        break
      }
      case 'finish_started':
        push({ ...base, kind: 'finish-started', title: 'Finish stage started', detail: 'Candidate’s questions and wrap-up' }, ev.seq)
        break
      case 'ended': {
        const row: TimelineRow = { ...base, kind: 'ended', title: 'Interview ended' }
        if (isSetTime(state.startedAt) && ms(ev.at) >= ms(state.startedAt)) {
          row.detail = `Lasted ${formatSpan(ms(ev.at) - ms(state.startedAt))}`
        }
        push(row, ev.seq)
        break
      }
      // rated, commented: shown from the state on their question; note_saved:
      // the latest notes come from the state; other (newer) types are skipped.
    }
  }

  const notes = Object.entries(state.notes ?? {})
    .filter(([, n]) => n && typeof n.text === 'string' && n.text.trim() !== '' && isSetTime(n.savedAt))
    .sort(([a], [b]) => a.localeCompare(b))
  for (const [k, n] of notes) {
    const author = actorLabel(n.author)
    push(
      {
        key: `note-${k}`,
        at: n.savedAt,
        kind: 'note',
        title: `Notes by ${author}`,
        note: { author, text: n.text, savedAt: n.savedAt },
      },
      Number.MAX_SAFE_INTEGER,
    )
  }

  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ms(a.r.at) - ms(b.r.at) || a.r.order - b.r.order || a.i - b.i)
    .map(({ r }) => {
      const { order: _order, ...row } = r
      return row
    })
}
