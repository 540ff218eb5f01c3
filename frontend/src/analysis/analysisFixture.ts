// A finished analysis for the components' tests: one answer, half covered.
import type { Analysis } from '../api/analysis'

export const done: Analysis = {
  interviewId: 'iv1',
  status: 'done',
  step: 'Done',
  progress: 1,
  engines: { transcription: 'PocketSphinx', transcriptionQuality: 'Expect many wrong words.', scoring: 'offline' },
  transcript: [{ at: '2026-12-01T10:00:15Z', offsetMs: 15000, endMs: 20000, speaker: 'Olivia Diaz', role: 'candidate', text: 'a lightweight thread', question: 0 }],
  talkTime: [{ speaker: 'Olivia Diaz', role: 'candidate', ms: 20000 }],
  answers: [
    {
      index: 0,
      question: 'What is a goroutine?',
      answer: 'a lightweight thread',
      score: 2.5,
      covered: [{ text: 'lightweight thread', evidence: 'a lightweight thread' }],
      missed: [{ text: 'scheduled by the runtime' }],
      comment: 'Half of the key points.',
      rating: 3,
    },
  ],
  overall: { score: 2.5, rating: 3, answered: 1, strengths: [], concerns: ['Question 1: missed scheduled by the runtime'] },
  voice: [],
}
