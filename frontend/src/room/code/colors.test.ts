import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contrastRatio, labelTextColor, PARTICIPANT_COLORS, pickColor } from './colors'
import { SYNTAX_COLORS } from './theme'

// The editor's surfaces as tokens.css defines them: [light, dark] per token.
const tokens = readFileSync(resolve(import.meta.dirname, '../../styles/tokens.css'), 'utf8')
function token(name: string): [string, string] {
  const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(tokens)
  if (!m?.[1] || !m[2]) throw new Error(`token --${name} not found as light-dark(#hex, #hex)`)
  return [m[1], m[2]]
}
// Background (surface), active line (surface-2), selection (accent-soft).
const surfaces = ['color-surface', 'color-surface-2', 'color-accent-soft'].map(token)
const light = surfaces.map(([l]) => l)
const dark = surfaces.map(([, d]) => d)

function worst(color: string, backgrounds: string[]): number {
  return Math.min(...backgrounds.map((b) => contrastRatio(color, b)))
}

describe('syntax colours', () => {
  for (const [theme, backgrounds] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`read at 4.5:1 or more on every ${theme} editor surface`, () => {
      const low = Object.entries(SYNTAX_COLORS[theme])
        .map(([tag, color]) => ({ tag, color, ratio: worst(color, backgrounds) }))
        .filter((c) => c.ratio < 4.5)
      expect(low).toEqual([])
    })
  }
})

describe('participant colours', () => {
  it('keep 3:1 against light and dark editor surfaces, with a 4.5:1 label text', () => {
    const low = PARTICIPANT_COLORS.map((color) => ({
      color,
      ratio: worst(color, [...light, ...dark]),
      label: contrastRatio(color, labelTextColor(color)),
    })).filter((c) => c.ratio < 3 || c.label < 4.5)
    expect(low).toEqual([])
  })

  it('pickColor is deterministic, from the palette, and spreads people over it', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `participant-${i}`)
    for (const id of ids) {
      expect(pickColor(id)).toBe(pickColor(id))
      expect(PARTICIPANT_COLORS).toContain(pickColor(id))
    }
    expect(new Set(ids.map(pickColor)).size).toBeGreaterThanOrEqual(PARTICIPANT_COLORS.length - 1)
  })

  it('contrastRatio matches WCAG for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
