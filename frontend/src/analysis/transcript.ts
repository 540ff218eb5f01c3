// The transcript's lines for reading: found by a search, cut into the
// stretches each question was on screen, and the line being spoken at a
// moment of the recording. Offsets are ms from the interview's start.

import type { TranscriptLine } from '../api/analysis'
import { lastIndex } from '../playback/lastIndex'

/** A line with its place in the whole transcript. */
export type Numbered = { line: TranscriptLine; index: number }

/** A run of lines said while one question (or none) was on screen. */
export type Stretch = { question?: number; lines: Numbered[] }

/** The lines containing needle (any case), or all for an empty needle. */
export function search(lines: readonly TranscriptLine[], needle: string): Numbered[] {
  const n = needle.trim().toLowerCase()
  const all = lines.map((line, index) => ({ line, index }))
  return n ? all.filter((x) => x.line.text.toLowerCase().includes(n) || x.line.speaker.toLowerCase().includes(n)) : all
}

/** Cuts lines (in time order) where the question on screen changes. */
export function byQuestion(lines: readonly Numbered[]): Stretch[] {
  const out: Stretch[] = []
  for (const x of lines) {
    const last = out[out.length - 1]
    if (last && last.question === x.line.question) last.lines.push(x)
    else out.push({ ...(x.line.question !== undefined ? { question: x.line.question } : {}), lines: [x] })
  }
  return out
}

/** The index of the line being said at offset, or -1: the latest one started. */
export function lineAt(lines: readonly TranscriptLine[], offset: number): number {
  const found = lastIndex(lines.length, (i) => lines[i]!.offsetMs, offset)
  // Another speaker's line may have begun before and still run.
  for (let i = found; i >= 0 && i > found - 4; i--) if (offset < lines[i]!.endMs) return i
  return -1
}
