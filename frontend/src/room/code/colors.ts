// Participants' colours for remote cursors and selections: the host's palette and
// choice (internal/workspace colorOf: FNV-1a of the participant ID), so a colour
// picked here matches the one the host puts in cursor messages. Every colour keeps
// at least 3:1 contrast (WCAG 1.4.11) against the light and the dark editor
// background, and each name label gets a text colour that reads at 4.5:1 on it;
// colors.test.ts checks both against tokens.css.

export const PARTICIPANT_COLORS: readonly string[] = [
  '#d9480f',
  '#1c7ed6',
  '#2f9e44',
  '#ae3ec9',
  '#e8590c',
  '#0c8599',
  '#e64980',
  '#9775fa',
]

/** FNV-1a (32 bits) of the UTF-8 bytes of `s`, as Go's hash/fnv New32a. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** A participant's colour: the same as the host gives them, on every page. */
export function pickColor(participantId: string): string {
  return PARTICIPANT_COLORS[fnv1a32(participantId) % PARTICIPANT_COLORS.length] ?? '#1c7ed6'
}

const HEX = /^#[0-9a-f]{6}$/i

/** `color` when it is a #rrggbb colour, else the fallback (colours arrive from the network). */
export function safeColor(color: unknown, fallback: string): string {
  return typeof color === 'string' && HEX.test(color) ? color : fallback
}

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const x = luminance(a)
  const y = luminance(b)
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

/** Black or white, whichever reads better on `background`. */
export function labelTextColor(background: string): string {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff'
}

/** `hex` with an alpha, as a CSS colour. */
export function translucent(hex: string, alpha: number): string {
  const [r, g, b] = channels(hex)
  return `rgb(${r} ${g} ${b} / ${alpha})`
}
