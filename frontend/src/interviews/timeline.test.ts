import { describe, expect, it } from 'vitest'
import type { InterviewerView, RoomActor, RoomEvent } from '../api/types'
import { actorLabel, buildTimeline, formatSpan, isSetTime, type TimelineRow } from './timeline'

const ZERO = '0001-01-01T00:00:00Z'
/** UTC "HH:MM": deterministic, no locale. */
const time = (iso: string) => iso.slice(11, 16)

const alex: RoomActor = { role: 'interviewer', email: 'alex@example.com', name: 'Alex Recruiter' }
const sam: RoomActor = { role: 'interviewer', email: 'sam@example.com', name: 'Sam Lee' }
const olivia: RoomActor = { role: 'candidate', email: 'olivia@example.com', name: 'Olivia Diaz' }

const at = (hhmmss: string) => `2026-11-25T${hhmmss}Z`

function log(...items: [string, string, RoomActor, unknown?][]): RoomEvent[] {
  return items.map(([when, type, actor, data], i) => ({
    seq: i + 1,
    at: at(when),
    v: 1,
    type,
    actor,
    ...(data === undefined ? {} : { data }),
  }))
}

const questionsContent = Array.from({ length: 10 }, (_, i) => ({
  id: `q${i + 1}`,
  text: `Question text ${i + 1}`,
  alternative: `Alternative ${i + 1}`,
  expectedAnswer: `Expected ${i + 1}`,
}))

function view(over: Partial<InterviewerView> = {}): InterviewerView {
  return {
    phase: 'waiting',
    locked: false,
    consentAt: ZERO,
    startedAt: ZERO,
    endedAt: ZERO,
    topics: [
      { id: 't1', title: 'General information' },
      { id: 't2', title: 'Experience' },
      { id: 't3', title: 'Motivation' },
    ],
    done: {},
    questions: 10,
    question: -1,
    windows: [],
    rephrased: {},
    ratings: {},
    comments: {},
    notes: {},
    lastSeq: 0,
    plan: null,
    questionsContent,
    ...over,
  }
}

const titles = (rows: TimelineRow[]) => rows.map((r) => `${time(r.at)} ${r.title}`)

describe('buildTimeline', () => {
  it('is empty before anything happened', () => {
    expect(buildTimeline([], view(), { time })).toEqual([])
  })

  it('tells a whole technical interview in order, with question windows, ratings, comments and notes', () => {
    const events = log(
      ['14:00:00', 'joined', alex, { connection: 'c1' }],
      ['14:01:00', 'joined', olivia, { connection: 'c2' }],
      ['14:01:30', 'consented', olivia, { personalData: true, aiAnalysis: true, recordingNotice: true }],
      ['14:02:00', 'started', alex],
      ['14:03:00', 'topic_checked', alex, { topicId: 't2', done: true }],
      ['14:03:30', 'topic_checked', alex, { topicId: 't1', done: true }],
      ['14:03:40', 'topic_added', alex, { id: 'x1', title: 'Open source work' }],
      ['14:04:00', 'note_saved', alex, { text: 'draft' }],
      ['14:05:00', 'technical_started', alex],
      ['14:06:00', 'rephrase_shown', alex, { index: 0 }],
      ['14:11:00', 'question_shown', alex, { index: 1 }],
      ['14:12:00', 'rated', alex, { index: 1, rating: 2 }],
      ['14:14:30', 'question_shown', alex, { index: 0 }],
      ['14:15:00', 'rated', alex, { index: 0, rating: 4 }],
      ['14:15:10', 'commented', alex, { index: 0, comment: 'Clear on channels.' }],
      ['14:16:00', 'finish_started', alex],
      ['14:40:00', 'ended', alex],
    )
    const state = view({
      phase: 'ended',
      startedAt: at('14:02:00'),
      endedAt: at('14:40:00'),
      topics: [...view().topics!, { id: 'x1', title: 'Open source work', added: true }],
      done: { t1: true, t2: true },
      question: 0,
      windows: [
        { index: 0, from: at('14:05:00'), to: at('14:11:00') },
        { index: 1, from: at('14:11:00'), to: at('14:14:30') },
        { index: 0, from: at('14:14:30'), to: at('14:16:00') },
      ],
      rephrased: { '0': true },
      ratings: { '0': 4, '1': 2 },
      comments: { '0': 'Clear on channels.' },
      notes: {
        'alex@example.com': { author: alex, text: '# Olivia\n- knows **channels**', savedAt: at('14:39:00') },
      },
    })
    const rows = buildTimeline(events, state, { time })
    expect(titles(rows)).toEqual([
      '14:00 Alex Recruiter joined',
      '14:01 Olivia Diaz (candidate) joined',
      '14:01 Olivia Diaz (candidate) gave consent',
      '14:02 Interview started',
      '14:03 Topic covered: Experience',
      '14:03 Topic covered: General information',
      '14:03 Topic added: Open source work',
      '14:05 Technical part started',
      '14:05 Question 1/10 · 14:05–14:11 (6 min)',
      '14:06 Rephrased question 1 shown to the candidate',
      '14:11 Question 2/10 · 14:11–14:14 (4 min)',
      '14:14 Question 1/10 again · 14:14–14:16 (2 min)',
      '14:16 Finish stage started',
      '14:39 Notes by Alex Recruiter',
      '14:40 Interview ended',
    ])

    const q1 = rows.find((r) => r.title.startsWith('Question 1/10 ·'))!.question!
    expect(q1).toEqual({
      index: 0,
      number: 1,
      total: 10,
      text: 'Question text 1',
      from: at('14:05:00'),
      to: at('14:11:00'),
      durationMs: 6 * 60_000,
      again: false,
      rephrased: true,
      rating: 4,
      comment: 'Clear on channels.',
    })
    // The revisit carries no second copy of the rating and comment.
    const again = rows.find((r) => r.title.includes('again'))!.question!
    expect(again).toMatchObject({ again: true, rephrased: false })
    expect(again.rating).toBeUndefined()
    expect(again.comment).toBeUndefined()
    expect(rows.find((r) => r.title.startsWith('Question 2/10'))!.question).toMatchObject({ rating: 2, rephrased: false })
    expect(rows.find((r) => r.question?.index === 1)!.question!.comment).toBeUndefined()

    expect(rows.find((r) => r.kind === 'rephrased')!.detail).toBe('Alternative 1')
    expect(rows.find((r) => r.kind === 'started')!.detail).toBe('By Alex Recruiter')
    expect(rows.find((r) => r.kind === 'ended')!.detail).toBe('Lasted 38 min')
    expect(rows.find((r) => r.kind === 'note')!.note).toEqual({
      author: 'Alex Recruiter',
      text: '# Olivia\n- knows **channels**',
      savedAt: at('14:39:00'),
    })
    // Rated, commented and note_saved events are not rows of their own.
    expect(rows.some((r) => /rated|commented|note_saved/.test(r.title))).toBe(false)
    // Keys are unique (React lists).
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
  })

  it('shows the question on screen as running until now, also when Go sent a zero end time', () => {
    const events = log(
      ['09:00:00', 'started', alex],
      ['09:01:00', 'technical_started', alex],
      ['09:03:00', 'question_shown', alex, { index: 2 }],
    )
    const state = view({
      phase: 'technical',
      question: 2,
      windows: [
        { index: 0, from: at('09:01:00'), to: at('09:03:00') },
        { index: 2, from: at('09:03:00'), to: ZERO },
      ],
    })
    const rows = buildTimeline(events, state, { time })
    expect(titles(rows).slice(-2)).toEqual(['09:01 Question 1/10 · 09:01–09:03 (2 min)', '09:03 Question 3/10 · 09:03–now'])
    const open = rows[rows.length - 1]!.question!
    expect(open.to).toBeUndefined()
    expect(open.durationMs).toBeUndefined()
  })

  it('marks a question the interviewer skipped', () => {
    const events = log(
      ['10:00:00', 'technical_started', alex],
      ['10:01:00', 'question_shown', alex, { index: 1, skipped: true }],
    )
    const rows = buildTimeline(
      events,
      view({
        phase: 'technical',
        question: 1,
        windows: [
          { index: 0, from: at('10:00:00'), to: at('10:01:00'), skipped: true },
          { index: 1, from: at('10:01:00') },
        ],
      }),
      { time },
    )
    const questions = rows.filter((r) => r.kind === 'question')
    expect(questions.map((r) => r.title)).toEqual(['Question 1/10 (skipped) · 10:00–10:01 (1 min)', 'Question 2/10 · 10:01–now'])
    expect(questions[0]!.question?.skipped).toBe(true)
  })

  it('writes short and long windows readably', () => {
    const events = log(
      ['10:00:00', 'technical_started', alex],
      ['10:00:40', 'question_shown', alex, { index: 1 }],
      ['11:15:40', 'finish_started', alex],
    )
    const state = view({
      phase: 'finish',
      windows: [
        { index: 0, from: at('10:00:00'), to: at('10:00:40') },
        { index: 1, from: at('10:00:40'), to: at('11:15:40') },
      ],
    })
    const q = buildTimeline(events, state, { time }).filter((r) => r.kind === 'question')
    expect(q.map((r) => r.title)).toEqual(['Question 1/10 · 10:00–10:00 (40 s)', 'Question 2/10 · 10:00–11:15 (1 h 15 min)'])
  })

  it('finds each event’s window even when the state lists an extra or missing one', () => {
    const events = log(['10:00:00', 'technical_started', alex], ['10:05:00', 'question_shown', alex, { index: 3 }])
    // A window without its event (e.g. opened by a newer event type) before the one we want.
    const state = view({
      windows: [
        { index: 0, from: at('10:00:00'), to: at('10:04:00') },
        { index: 5, from: at('10:04:00'), to: at('10:05:00') },
        { index: 3, from: at('10:05:00'), to: at('10:07:00') },
      ],
    })
    expect(titles(buildTimeline(events, state, { time })).slice(1)).toEqual([
      '10:00 Question 1/10 · 10:00–10:04 (4 min)',
      '10:05 Question 4/10 · 10:05–10:07 (2 min)',
    ])
    // No windows at all: the question still shows, from its event's time.
    const bare = buildTimeline(events, view({ windows: null }), { time })
    expect(bare.filter((r) => r.kind === 'question').map((r) => r.title)).toEqual([
      'Question 1/10 · 10:00–now',
      'Question 4/10 · 10:05–now',
    ])
  })

  it('matches a window out of sequence by index and start time', () => {
    const events = log(['10:00:00', 'technical_started', alex], ['10:05:00', 'question_shown', alex, { index: 3 }])
    const state = view({
      windows: [
        { index: 3, from: at('10:05:00'), to: at('10:09:00') },
        { index: 0, from: at('10:00:00'), to: at('10:05:00') },
      ],
    })
    expect(buildTimeline(events, state, { time }).filter((r) => r.kind === 'question').map((r) => r.title)).toEqual([
      'Question 1/10 · 10:00–10:05 (5 min)',
      'Question 4/10 · 10:05–10:09 (4 min)',
    ])
  })

  it('collapses a quick leave-and-return into "reconnected", also with others acting in between', () => {
    const events = log(
      ['10:00:00', 'joined', olivia, { connection: 'a' }],
      ['10:00:05', 'joined', alex, { connection: 'b' }],
      ['10:10:00', 'left', olivia, { connection: 'a' }],
      ['10:10:03', 'topic_checked', alex, { topicId: 't1', done: true }],
      ['10:10:12', 'joined', olivia, { connection: 'c' }],
      ['10:20:00', 'left', alex, { connection: 'b' }],
      ['10:25:00', 'joined', alex, { connection: 'd' }],
      ['10:30:00', 'left', sam, { connection: 'e' }],
      ['10:30:10', 'joined', alex, { connection: 'f' }],
    )
    const rows = buildTimeline(events, view(), { time })
    expect(titles(rows)).toEqual([
      '10:00 Olivia Diaz (candidate) joined',
      '10:00 Alex Recruiter joined',
      '10:10 Olivia Diaz (candidate) reconnected',
      '10:10 Topic covered: General information',
      '10:20 Alex Recruiter left', // 5 minutes away: a real leave
      '10:25 Alex Recruiter joined',
      '10:30 Sam Lee left', // someone else's return is not Sam's
      '10:30 Alex Recruiter joined',
    ])
    expect(rows[2]!.detail).toBe('Away for 12 s')
  })

  it('honours a custom reconnect window', () => {
    const events = log(['10:00:00', 'left', olivia], ['10:00:50', 'joined', olivia])
    expect(buildTimeline(events, view(), { time }).map((r) => r.kind)).toEqual(['left', 'joined'])
    expect(buildTimeline(events, view(), { time, reconnectWithinMs: 60_000 }).map((r) => r.kind)).toEqual(['reconnected'])
  })

  it('names topics from the plan, falls back to the id, and tells unchecking apart', () => {
    const events = log(
      ['10:00:00', 'topic_checked', alex, { topicId: 't3', done: true }],
      ['10:01:00', 'topic_checked', alex, { topicId: 't3', done: false }],
      ['10:02:00', 'topic_checked', alex, { topicId: 'p9', done: true }],
      ['10:03:00', 'topic_checked', alex, { topicId: 'gone', done: true }],
    )
    const state = view({ plan: [{ id: 'p9', title: 'From the plan list' }] })
    expect(buildTimeline(events, state, { time }).map((r) => [r.kind, r.title])).toEqual([
      ['topic-checked', 'Topic covered: Motivation'],
      ['topic-unchecked', 'Topic unchecked: Motivation'],
      ['topic-checked', 'Topic covered: From the plan list'],
      ['topic-checked', 'Topic covered: gone'],
    ])
  })

  it('skips event types it does not know, and events without a time', () => {
    const events = log(
      ['10:00:00', 'code_changed', alex, { ops: [] }],
      ['10:01:00', 'locked', alex],
      ['10:02:00', 'unlocked', sam],
    )
    events.push({ seq: 4, at: ZERO, v: 1, type: 'started', actor: alex })
    expect(titles(buildTimeline(events, view(), { time }))).toEqual([
      '10:01 Room locked by Alex Recruiter',
      '10:02 Room unlocked by Sam Lee',
    ])
  })

  it('ignores ratings out of range and blank comments, and tolerates missing maps', () => {
    const events = log(['10:00:00', 'technical_started', alex])
    const state = view({
      windows: [{ index: 0, from: at('10:00:00'), to: at('10:03:00') }],
      ratings: { '0': 7 },
      comments: { '0': '   ' },
    })
    const q = buildTimeline(events, state, { time }).find((r) => r.kind === 'question')!.question!
    expect(q.rating).toBeUndefined()
    expect(q.comment).toBeUndefined()
    const nulls = view({ windows: null, ratings: null, comments: null, rephrased: null, notes: null, topics: null, done: null })
    expect(buildTimeline(events, nulls, { time }).map((r) => r.kind)).toEqual(['technical-started', 'question'])
  })

  it('counts questions from the content when the count is missing, and shows no total when unknown', () => {
    const events = log(['10:00:00', 'question_shown', alex, { index: 4 }])
    expect(buildTimeline(events, view({ questions: 0 }), { time })[0]!.title).toMatch(/^Question 5\/10 /)
    expect(buildTimeline(events, view({ questions: 0, questionsContent: null }), { time })[0]!.title).toMatch(
      /^Question 5 · /,
    )
  })

  it('places each interviewer’s notes at their save time and skips empty ones', () => {
    const events = log(['10:00:00', 'started', alex], ['10:30:00', 'ended', alex])
    const state = view({
      startedAt: at('10:00:00'),
      notes: {
        'sam@example.com': { author: sam, text: 'Sam’s notes', savedAt: at('10:10:00') },
        'alex@example.com': { author: alex, text: 'Alex’s notes', savedAt: at('10:30:00') },
        'name:Nobody': { author: { role: 'interviewer', name: 'Nobody' }, text: '  \n', savedAt: at('10:05:00') },
        'zero@example.com': { author: alex, text: 'never saved', savedAt: ZERO },
      },
    })
    expect(titles(buildTimeline(events, state, { time }))).toEqual([
      '10:00 Interview started',
      '10:10 Notes by Sam Lee',
      '10:30 Interview ended', // an event at the same moment comes first
      '10:30 Notes by Alex Recruiter',
    ])
  })

  it('says nothing about the length when the start time is unknown', () => {
    const events = log(['10:30:00', 'ended', alex])
    expect(buildTimeline(events, view(), { time })[0]!.detail).toBeUndefined()
  })
})

describe('helpers', () => {
  it('formatSpan rounds to seconds, minutes, hours', () => {
    expect(formatSpan(0)).toBe('0 s')
    expect(formatSpan(44_600)).toBe('45 s')
    expect(formatSpan(59_400)).toBe('59 s')
    expect(formatSpan(60_000)).toBe('1 min')
    expect(formatSpan(6 * 60_000 + 20_000)).toBe('6 min')
    expect(formatSpan(59 * 60_000 + 40_000)).toBe('1 h')
    expect(formatSpan(75 * 60_000)).toBe('1 h 15 min')
    expect(formatSpan(-5)).toBe('0 s')
  })

  it('actorLabel names people and roles', () => {
    expect(actorLabel(olivia)).toBe('Olivia Diaz (candidate)')
    expect(actorLabel({ role: 'candidate' })).toBe('The candidate')
    expect(actorLabel({ role: 'interviewer', email: 'x@example.com' })).toBe('x@example.com')
    expect(actorLabel({ role: 'interviewer' })).toBe('An interviewer')
    expect(actorLabel({ role: 'host' })).toBe('InterviewDesk')
  })

  it('isSetTime rejects Go zero times and junk', () => {
    expect(isSetTime(ZERO)).toBe(false)
    expect(isSetTime(undefined)).toBe(false)
    expect(isSetTime('soon')).toBe(false)
    expect(isSetTime('2026-11-25T10:00:00Z')).toBe(true)
  })
})
