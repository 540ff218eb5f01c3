import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contrastRatio, fnv1a32, labelTextColor, PARTICIPANT_COLORS, pickColor } from './colors'
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
  // The editor's background, light and dark (the caret and label sit on it).
  const [surfaceLight, surfaceDark] = token('color-surface')

  it('keep 3:1 against the light and the dark editor background, with a 4.5:1 label text', () => {
    const low = PARTICIPANT_COLORS.map((color) => ({
      color,
      ratio: worst(color, [surfaceLight, surfaceDark]),
      label: contrastRatio(color, labelTextColor(color)),
    })).filter((c) => c.ratio < 3 || c.label < 4.5)
    expect(low).toEqual([])
  })

  it('pickColor gives the colour the host gives (FNV-1a of the participant ID)', () => {
    // Computed with Go's hash/fnv and internal/workspace's palette.
    expect(fnv1a32('alex@example.com')).toBe(2570459880)
    expect(fnv1a32('ü-ñ-日本')).toBe(328252)
    expect(['p-1', 'alex@example.com', 'Olivia Diaz', 'ü-ñ-日本'].map(pickColor)).toEqual([
      '#0c8599',
      '#d9480f',
      '#1c7ed6',
      '#e8590c',
    ])
  })

  it('pickColor spreads people over the palette', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `participant-${i}`)
    expect(new Set(ids.map(pickColor)).size).toBe(PARTICIPANT_COLORS.length)
  })

  it('contrastRatio matches WCAG for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
