// A finished interview's report and timeline for the report's component
// tests: two questions (the first analysed and rated, the second skipped),
// a combined recording that starts 5 s before the interview, two voices.
import type { Report } from '../api/report'
import type { Timeline } from '../api/types'
import { done } from '../analysis/analysisFixture'

export const T0 = Date.parse('2026-12-01T10:00:00Z') // the interview's start

const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString()

export function sampleReport(over: Partial<Report> = {}): Report {
  return {
    interviewId: 'iv1',
    candidate: { name: 'Olivia Diaz', email: 'olivia@example.com' },
    position: 'Backend engineer',
    template: 'Go backend',
    interviewers: [{ name: 'Rita Reyes', email: 'rita@example.com' }],
    timeZone: 'Europe/Berlin',
    scheduledAt: at(0),
    plannedMinutes: 45,
    startedAt: at(0),
    endedAt: at(120_000),
    durationMs: 120_000,
    ended: true,
    declined: false,
    analysisStatus: 'done',
    notices: [],
    score: { scale: 5, ai: 2.5, answered: 1, overridden: 0, rating: 3, rated: 1 },
    strengths: [],
    concerns: ['Question 1: missed scheduled by the runtime'],
    questions: [
      { number: 1, text: 'What is a goroutine?', keyPoints: ['lightweight thread', 'scheduled by the runtime'], asked: true,
        onScreenMs: 50_000, rating: 3, comment: 'Knew the basics.', ai: done.answers[0]!, score: 2.5, talkTime: [],
        expectedAnswer: 'A lightweight thread managed by the Go runtime.' },
      { number: 2, text: 'What is a channel?', keyPoints: ['typed conduit'], asked: true, skipped: true, onScreenMs: 5000, talkTime: [] },
    ],
    notes: [{ author: 'Rita Reyes', text: 'Calm, clear answers.', savedAt: at(118_000) }],
    talkTime: [
      { speaker: 'Olivia Diaz', role: 'candidate', ms: 30_000 },
      { speaker: 'Rita Reyes', role: 'interviewer', ms: 10_000 },
    ],
    transcript: [
      { at: at(2000), offsetMs: 2000, endMs: 5000, speaker: 'Rita Reyes', role: 'interviewer', text: 'welcome' },
      { at: at(15_000), offsetMs: 15_000, endMs: 20_000, speaker: 'Olivia Diaz', role: 'candidate', text: 'a lightweight thread', question: 0 },
    ],
    timeline: [
      { at: at(0), offsetMs: 0, kind: 'started', text: 'Rita Reyes started the interview' },
      { at: at(10_000), offsetMs: 10_000, kind: 'question', text: 'Question 1 of 2 shown' },
    ],
    engines: { transcription: 'pocketsphinx', transcriptionQuality: 'Expect many wrong words.', scoring: 'offline key-point coverage' },
    recording: { start: at(-5000), durationMs: 130_000, width: 960, height: 540, layouts: [{ name: 'pip', status: 'ready', progress: 1 }] },
    voice: [
      { participant: 'candidate', speaker: 'Olivia Diaz', role: 'candidate', spans: [{ fromMs: 15_000, toMs: 20_000 }] },
      { participant: 'p-rita', speaker: 'Rita Reyes', role: 'interviewer', spans: [{ fromMs: 2000, toMs: 5000 }] },
    ],
    files: { html: 'Report – Olivia Diaz – 2026-12-01.html', pdf: 'Report – Olivia Diaz – 2026-12-01.pdf', recording: 'Recording – Olivia Diaz – 2026-12-01.webm' },
    ...over,
  }
}

export function sampleTimeline(): Timeline {
  return {
    rows: [
      { key: 'q-1', at: at(10_000), kind: 'question', question: { index: 0, number: 1, total: 2, text: 'What is a goroutine?', from: at(10_000), again: false, rephrased: false } },
      { key: 't-1', at: at(40_000), kind: 'topic-checked', topic: { id: 't1', title: 'Experience' } },
      { key: 'q-2', at: at(60_000), kind: 'question', question: { index: 1, number: 2, total: 2, text: 'What is a channel?', from: at(60_000), again: false, rephrased: false, skipped: true } },
      { key: 'note-rita', at: at(118_000), kind: 'note', note: { author: { name: 'Rita Reyes', role: 'interviewer' }, text: 'Calm, clear answers.', savedAt: at(118_000) } },
    ],
    state: {} as Timeline['state'],
  }
}
