import { describe, expect, it } from 'vitest'
import type { TimelinePerson, TimelineQuestion, TimelineRow } from '../api/timeline'
import { formatSpan, personLabel, rowText } from './timeline'

/** UTC "HH:MM": deterministic, no locale. */
const time = (iso: string) => iso.slice(11, 16)

const alex: TimelinePerson = { role: 'interviewer', name: 'Alex Recruiter' }
const sam: TimelinePerson = { role: 'interviewer', name: 'Sam Lee' }
const olivia: TimelinePerson = { role: 'candidate', name: 'Olivia Diaz' }

const at = (hhmmss: string) => `2026-11-25T${hhmmss}Z`

let seq = 0
function row(hhmmss: string, kind: TimelineRow['kind'], more: Partial<TimelineRow> = {}): TimelineRow {
  return { key: `e-${++seq}`, at: at(hhmmss), kind, ...more }
}

function question(from: string, to: string | undefined, more: Partial<TimelineQuestion> = {}): TimelineRow {
  const q: TimelineQuestion = {
    index: 0,
    number: 1,
    total: 10,
    text: 'Question text 1',
    from: at(from),
    again: false,
    rephrased: false,
    ...more,
  }
  if (to !== undefined) {
    q.to = at(to)
    q.durationMs = Date.parse(q.to) - Date.parse(q.from)
  }
  return row(from, 'question', { actor: alex, question: q })
}

const titles = (rows: TimelineRow[]) => rows.map((r) => `${time(r.at)} ${rowText(r, { time }).title}`)
const detail = (r: TimelineRow) => rowText(r, { time }).detail

describe('rowText', () => {
  it('tells a whole technical interview, with question windows, notes and the end', () => {
    const rows = [
      row('14:00:00', 'joined', { actor: alex }),
      row('14:01:00', 'joined', { actor: olivia }),
      row('14:01:30', 'consented', { actor: olivia, consent: { personalData: true, aiAnalysis: true, recordingNotice: true } }),
      row('14:02:00', 'started', { actor: alex }),
      row('14:03:00', 'topic-checked', { actor: alex, topic: { id: 't2', title: 'Experience' } }),
      row('14:03:30', 'topic-checked', { actor: alex, topic: { id: 't1', title: 'General information' } }),
      row('14:03:40', 'topic-added', { actor: alex, topic: { id: 'x1', title: 'Open source work', added: true } }),
      row('14:05:00', 'technical-started', { actor: alex }),
      question('14:05:00', '14:11:00', { rephrased: true, rating: 4, comment: 'Clear on channels.' }),
      row('14:06:00', 'rephrased', { actor: alex, rephrase: { index: 0, number: 1, alternative: 'Alternative 1' } }),
      question('14:11:00', '14:14:30', { index: 1, number: 2, rating: 2 }),
      question('14:14:30', '14:16:00', { again: true }),
      row('14:16:00', 'finish-started', { actor: alex }),
      row('14:39:00', 'note', { note: { author: alex, text: '# Olivia', savedAt: at('14:39:00') } }),
      row('14:40:00', 'ended', { actor: alex, lastedMs: 38 * 60_000 }),
    ]
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
    const by = (kind: TimelineRow['kind']) => rows.find((r) => r.kind === kind)!
    expect(detail(by('consented'))).toBe('Personal data processing, AI analysis of answers, and recording of the interview.')
    expect(detail(by('rephrased'))).toBe('Alternative 1')
    expect(detail(by('started'))).toBe('By Alex Recruiter')
    expect(detail(by('topic-added'))).toBe('By Alex Recruiter')
    expect(detail(by('finish-started'))).toBe('Candidate’s questions and wrap-up')
    expect(detail(by('ended'))).toBe('Lasted 38 min')
    expect(detail(by('question'))).toBeUndefined()
  })

  it('shows the question on screen as running until now', () => {
    expect(titles([question('09:03:00', undefined, { index: 2, number: 3 })])).toEqual(['09:03 Question 3/10 · 09:03–now'])
  })

  it('marks a question the interviewer skipped', () => {
    expect(rowText(question('10:00:00', '10:01:00', { skipped: true }), { time }).title).toBe(
      'Question 1/10 (skipped) · 10:00–10:01 (1 min)',
    )
  })

  it('writes short and long windows readably', () => {
    const q = [question('10:00:00', '10:00:40'), question('10:00:40', '11:15:40', { index: 1, number: 2 })]
    expect(q.map((r) => rowText(r, { time }).title)).toEqual([
      'Question 1/10 · 10:00–10:00 (40 s)',
      'Question 2/10 · 10:00–11:15 (1 h 15 min)',
    ])
  })

  it('shows no total when the host knows none', () => {
    expect(rowText(question('10:00:00', undefined, { index: 4, number: 5, total: 0 }), { time }).title).toMatch(
      /^Question 5 · /,
    )
  })

  it('words presence: joins, leaves and a quick return', () => {
    const rows = [
      row('10:00:00', 'joined', { actor: olivia }),
      row('10:10:00', 'reconnected', { actor: olivia, awayMs: 12_000 }),
      row('10:20:00', 'left', { actor: alex }),
      row('10:30:00', 'left', { actor: sam }),
    ]
    expect(titles(rows)).toEqual([
      '10:00 Olivia Diaz (candidate) joined',
      '10:10 Olivia Diaz (candidate) reconnected',
      '10:20 Alex Recruiter left',
      '10:30 Sam Lee left',
    ])
    expect(detail(rows[1]!)).toBe('Away for 12 s')
  })

  it('tells unchecking apart and words the lock', () => {
    const rows = [
      row('10:00:00', 'topic-checked', { topic: { id: 't3', title: 'Motivation' } }),
      row('10:01:00', 'topic-unchecked', { topic: { id: 't3', title: 'Motivation' } }),
      row('10:02:00', 'locked', { actor: alex }),
      row('10:03:00', 'unlocked', { actor: sam }),
    ]
    expect(titles(rows)).toEqual([
      '10:00 Topic covered: Motivation',
      '10:01 Topic unchecked: Motivation',
      '10:02 Room locked by Alex Recruiter',
      '10:03 Room unlocked by Sam Lee',
    ])
  })

  it('says a consent given on every join once, and what was declined', () => {
    const all = { personalData: true, aiAnalysis: true, recordingNotice: true }
    expect(detail(row('10:00:00', 'consented', { actor: olivia, consent: { ...all, repeats: 2 } }))).toBe(
      'Personal data processing, AI analysis of answers, and recording of the interview. Confirmed again on 2 later joins.',
    )
    expect(detail(row('10:00:00', 'consented', { actor: olivia, consent: { ...all, repeats: 1 } }))).toMatch(/on 1 later join\.$/)
    expect(detail(row('10:00:00', 'consented', { actor: olivia, consent: { ...all, aiAnalysis: false } }))).toBe(
      'Personal data processing and recording of the interview. Declined: AI analysis of answers.',
    )
  })

  it('names each interviewer’s notes', () => {
    const note = (author: TimelinePerson) => row('10:10:00', 'note', { note: { author, text: 'x', savedAt: at('10:10:00') } })
    expect(rowText(note(sam), { time }).title).toBe('Notes by Sam Lee')
  })

  it('says nothing about the length when the start is unknown', () => {
    expect(detail(row('10:30:00', 'ended', { actor: alex }))).toBeUndefined()
  })

  it('names a kind from a newer host rather than nothing', () => {
    expect(rowText({ key: 'e-1', at: at('10:00:00'), kind: 'code-run' as TimelineRow['kind'] }, { time }).title).toBe('code run')
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

  it('personLabel names people and roles', () => {
    expect(personLabel(olivia)).toBe('Olivia Diaz (candidate)')
    expect(personLabel({ role: 'candidate' })).toBe('The candidate')
    expect(personLabel({ role: 'interviewer', name: 'x@example.com' })).toBe('x@example.com')
    expect(personLabel({ role: 'interviewer' })).toBe('An interviewer')
    expect(personLabel({ role: 'host' })).toBe('InterviewDesk')
    expect(personLabel(undefined)).toBe('An interviewer')
  })
})

describe('rowText for the workspace', () => {
  it('tells pastes, time away, runs, languages and starter code in words', () => {
    const rows = [
      row('14:10:00', 'language', { actor: alex, language: { doc: 'main', language: 'cpp' } }),
      row('14:10:05', 'starter-loaded', { actor: alex, question: { index: 1, number: 2, total: 3, text: '', from: at('14:10:05'), again: false, rephrased: false } }),
      row('14:11:00', 'pasted', { actor: olivia, paste: { doc: 'main', length: 4210, external: true } }),
      row('14:12:00', 'tab-away', { actor: olivia, awayMs: 42_000 }),
      row('14:13:00', 'ran', {
        actor: olivia,
        run: { doc: 'main', language: 'python', status: 'error', exitCode: 1, durationMs: 1500, runner: 'interviewer', by: olivia },
      }),
    ]
    expect(titles(rows)).toEqual([
      '14:10 Editor language set to C++',
      '14:10 Starter code of question 2 loaded',
      '14:11 Olivia Diaz (candidate) pasted 4,210 characters',
      '14:12 Olivia Diaz (candidate) left the interview tab',
      '14:13 Code run: Python failed (exit code 1)',
    ])
    expect(detail(rows[2]!)).toBe('From outside the room')
    expect(detail(rows[3]!)).toBe(`Away for ${formatSpan(42_000)}`)
    expect(detail(rows[4]!)).toContain("in the interviewer's browser")
  })
})
