import { describe, expect, it } from 'vitest'
import type { TranscriptLine } from '../api/analysis'
import { byQuestion, lineAt, search } from './transcript'

const line = (offsetMs: number, endMs: number, speaker: string, text: string, question?: number): TranscriptLine => ({
  at: new Date(Date.UTC(2026, 11, 1, 10) + offsetMs).toISOString(),
  offsetMs,
  endMs,
  speaker,
  role: speaker === 'Olivia' ? 'candidate' : 'interviewer',
  text,
  ...(question !== undefined ? { question } : {}),
})

const lines = [
  line(1000, 3000, 'Rita', 'welcome'),
  line(5000, 9000, 'Rita', 'what is a goroutine', 0),
  line(8000, 15000, 'Olivia', 'a lightweight thread', 0),
  line(20000, 24000, 'Olivia', 'a typed conduit', 1),
  line(30000, 31000, 'Rita', 'thank you'),
]

describe('the transcript', () => {
  it('is cut where the question on screen changes', () => {
    expect(byQuestion(search(lines, '')).map((s) => [s.question, s.lines.map((x) => x.index)])).toEqual([
      [undefined, [0]],
      [0, [1, 2]],
      [1, [3]],
      [undefined, [4]],
    ])
  })

  it('finds lines by their words or speaker, keeping their place', () => {
    expect(search(lines, 'THREAD').map((x) => x.index)).toEqual([2])
    expect(search(lines, 'olivia').map((x) => x.index)).toEqual([2, 3])
    expect(byQuestion(search(lines, 'ou')).map((s) => [s.question, s.lines.length])).toEqual([[0, 1], [undefined, 1]])
  })

  it('knows the line being said at a moment, overlaps included', () => {
    expect(lineAt(lines, 0)).toBe(-1)
    expect(lineAt(lines, 2000)).toBe(0)
    expect(lineAt(lines, 4000)).toBe(-1) // a pause
    expect(lineAt(lines, 8500)).toBe(2)
    expect(lineAt(lines, 12000)).toBe(2)
    expect(lineAt(lines, 30500)).toBe(4)
    expect(lineAt(lines, 99000)).toBe(-1)
  })
})
