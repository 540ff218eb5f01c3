import { describe, expect, it } from 'vitest'
import type { SpeakerVoice } from '../api/analysis'
import { clockOf, speakingAt } from './speaking'

const voices: SpeakerVoice[] = [
  { participant: 'candidate', speaker: 'Olivia', role: 'candidate', spans: [{ fromMs: 5000, toMs: 9000 }, { fromMs: 12000, toMs: 20000 }, { fromMs: 19000, toMs: 22000 }] },
  { participant: 'p-rita', speaker: 'Rita', role: 'interviewer', spans: [{ fromMs: -2000, toMs: 5500 }] },
]

describe('who speaks', () => {
  it.each([
    [-3000, []],
    [-1000, ['p-rita']],
    [5200, ['candidate', 'p-rita']], // both at once
    [9500, []],
    [12000, ['candidate']],
    [21000, ['candidate']], // a span that overlaps the one before
    [22000, []],
  ])('at %i ms', (offset, want) => {
    expect([...speakingAt(voices, offset)].sort()).toEqual(want)
  })

  it('counts offsets from the interview’s start, the recording from its own', () => {
    const c = clockOf({ start: '2026-12-01T10:00:00Z', durationMs: 60000, width: 960, height: 540, layouts: [] }, '2026-12-01T10:00:20Z')
    expect(c.end - c.start).toBe(60000)
    expect(c.origin - c.start).toBe(20000)
    expect(clockOf({ start: '2026-12-01T10:00:00Z', durationMs: 1, width: 1, height: 1, layouts: [] }, undefined).origin).toBe(c.start)
  })
})
