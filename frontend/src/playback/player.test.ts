import { describe, expect, it } from 'vitest'
import { KEYFRAME_EVERY, Player } from './player'
import { random, typing } from './recordingFixture'

describe('Player', () => {
  it('gives the text after every step at or before any moment, across keyframes', () => {
    const n = KEYFRAME_EVERY * 3 + 17
    const { recording, texts, times } = typing(n, 7)
    const p = new Player(recording)
    expect(p.at(times[0]! - 1).docs.main!.text).toBe('')
    expect(p.at(times[n - 1]!).docs.main!.text).toBe(recording.docs[0]!.final)
    const r = random(3)
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(r() * n)
      const between = times[i]! + Math.floor(r() * 999) // before the next step
      expect(p.at(between).docs.main!.text).toBe(texts[i])
    }
    expect(p.docIds).toEqual(['main'])
  })

  it('follows the language and skips idle time', () => {
    const { recording, times } = typing(3, 2)
    recording.docs[0]!.steps.push({ at: new Date(times[2]! + 60_000).toISOString(), by: { role: 'interviewer' }, language: 'go' })
    const p = new Player(recording)
    expect(p.at(times[2]!).docs.main!.language).toBe('python')
    expect(p.at(times[2]! + 60_000).docs.main!.language).toBe('go')
    expect(p.skipIdle(times[2]!, 3000, 1000)).toBe(times[2]! + 59_000)
    expect(p.skipIdle(times[0]!, 3000, 1000)).toBe(times[0]!)
  })

  it('merges whiteboard elements by version, then the lower nonce', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, s)).toISOString()
    const by = { role: 'candidate' as const }
    const p = new Player({
      docs: [],
      board: [
        { at: at(1), by, elements: [{ id: 'a', version: 2, versionNonce: 9, x: 1 }] },
        { at: at(2), by, elements: [{ id: 'a', version: 1, versionNonce: 1, x: 2 }] },
        { at: at(3), by, elements: [{ id: 'a', version: 2, versionNonce: 3, x: 3 }, { id: 'b', version: 1, versionNonce: 1 }] },
      ],
    })
    const xOfA = (t: string) => (p.at(Date.parse(t)).board.find((e) => (e as { id: string }).id === 'a') as { x: number }).x
    expect(xOfA(at(2))).toBe(1)
    expect(xOfA(at(3))).toBe(3)
    expect(p.at(Date.parse(at(3))).board).toHaveLength(2)
    expect(p.hasBoard).toBe(true)
  })
})
