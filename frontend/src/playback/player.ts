// The playback model: an interview's workspace at any moment, rebuilt from
// the host's recording (every code step and whiteboard change in order).
// Keyframes every KEYFRAME_EVERY steps make a seek apply at most that many
// steps, whatever the length of the log.

import { ChangeSet, Text } from '@codemirror/state'
import type { PlaybackRecording } from '../api/contract.gen'
import { lastIndex } from './lastIndex'

export const KEYFRAME_EVERY = 256
const BOARD_KEYFRAME_EVERY = 64

type Step = { at: number; changes: ChangeSet[]; language?: string; question?: number; by: string }
type Keyframe = { index: number; text: Text; language: string }

/** One document's history with its keyframes. */
class DocTrack {
  readonly steps: Step[] = []
  private keyframes: Keyframe[] = []

  constructor(
    readonly doc: string,
    language: string,
    raw: PlaybackRecording['docs'][number]['steps'],
  ) {
    let text = Text.empty
    let lang = language
    this.keyframes.push({ index: -1, text, language: lang })
    for (const s of raw) {
      const step: Step = { at: Date.parse(s.at), changes: [], by: s.by.name || s.by.role }
      if (s.language) step.language = s.language
      if (s.question !== undefined) step.question = s.question
      for (const c of s.changes ?? []) step.changes.push(ChangeSet.fromJSON(c))
      text = apply(text, step)
      if (step.language) lang = step.language
      this.steps.push(step)
      if (this.steps.length % KEYFRAME_EVERY === 0) this.keyframes.push({ index: this.steps.length - 1, text, language: lang })
    }
  }

  /** The text and language after every step at or before t (ms). */
  at(t: number): { text: Text; language: string; step: number } {
    const last = lastAtOrBefore(this.steps, t)
    const kf = this.keyframes[lastKeyframe(this.keyframes, last)]!
    let text = kf.text
    let language = kf.language
    for (let i = kf.index + 1; i <= last; i++) {
      const s = this.steps[i]!
      text = apply(text, s)
      if (s.language) language = s.language
    }
    return { text, language, step: last }
  }
}

function apply(text: Text, s: Step): Text {
  let t = text
  for (const c of s.changes) t = c.apply(t)
  return t
}

/** Index of the last item with at ≤ t, or -1. */
function lastAtOrBefore(items: readonly { at: number }[], t: number): number {
  return lastIndex(items.length, (i) => items[i]!.at, t)
}

function lastKeyframe(kfs: readonly { index: number }[], step: number): number {
  let lo = 0
  let hi = kfs.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (kfs[mid]!.index <= step) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

type Element = { id: string; version: number; versionNonce: number }

function isElement(v: unknown): v is Element {
  const e = v as Element
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.version === 'number'
}

/** Excalidraw's rule, as the host applies it: higher version wins, then lower nonce. */
function wins(incoming: Element, current: Element | undefined): boolean {
  if (!current) return true
  if (incoming.version !== current.version) return incoming.version > current.version
  return (incoming.versionNonce ?? 0) < (current.versionNonce ?? 0)
}

/** The whiteboard's history with keyframes of its element set. */
class BoardTrack {
  readonly steps: { at: number; elements: Element[] }[]
  private keyframes: { index: number; elements: Map<string, Element> }[] = [{ index: -1, elements: new Map() }]

  constructor(raw: PlaybackRecording['board']) {
    this.steps = raw.map((s) => ({ at: Date.parse(s.at), elements: (s.elements as unknown[]).filter(isElement) }))
    let m = new Map<string, Element>()
    this.steps.forEach((s, i) => {
      m = merge(m, s.elements)
      if ((i + 1) % BOARD_KEYFRAME_EVERY === 0) this.keyframes.push({ index: i, elements: m })
    })
  }

  at(t: number): Element[] {
    const last = lastAtOrBefore(this.steps, t)
    const kf = this.keyframes[lastKeyframe(this.keyframes, last)]!
    let m = kf.elements
    for (let i = kf.index + 1; i <= last; i++) m = merge(m, this.steps[i]!.elements)
    return [...m.values()]
  }
}

function merge(m: Map<string, Element>, elements: Element[]): Map<string, Element> {
  const next = new Map(m)
  for (const e of elements) if (wins(e, next.get(e.id))) next.set(e.id, e)
  return next
}

export type Moment = {
  docs: Record<string, { text: string; language: string; step: number }>
  board: unknown[]
}

export class Player {
  private docs: DocTrack[]
  private board: BoardTrack
  /** Every step's time, all tracks together, sorted. */
  readonly times: number[]
  readonly start: number
  readonly end: number

  constructor(rec: PlaybackRecording) {
    this.docs = rec.docs.map((d) => new DocTrack(d.doc, d.language, d.steps))
    this.board = new BoardTrack(rec.board)
    this.times = [...this.docs.flatMap((d) => d.steps.map((s) => s.at)), ...this.board.steps.map((s) => s.at)].sort((a, b) => a - b)
    this.start = this.times[0] ?? 0
    this.end = this.times[this.times.length - 1] ?? 0
  }

  /** The documents that were ever written, in the recording's order. */
  get docIds(): string[] {
    return this.docs.filter((d) => d.steps.length > 0).map((d) => d.doc)
  }

  get hasBoard(): boolean {
    return this.board.steps.length > 0
  }

  get stepCount(): number {
    return this.times.length
  }

  /** Everything as it was at t (ms since the epoch). */
  at(t: number): Moment {
    const docs: Moment['docs'] = {}
    for (const d of this.docs) {
      const m = d.at(t)
      docs[d.doc] = { text: m.text.toString(), language: m.language, step: m.step }
    }
    return { docs, board: this.board.at(t) }
  }

  /** Text of one document at t, without building strings of the others. */
  textAt(doc: string, t: number): Text | undefined {
    return this.docs.find((d) => d.doc === doc)?.at(t).text
  }

  /**
   * Where playback goes next from t when idle time is skipped: the next
   * step's time less `lead` when the gap to it is longer than `idle`.
   */
  skipIdle(t: number, idle: number, lead: number): number {
    const i = lastIndex(this.times.length, (k) => this.times[k]!, t) + 1
    const next = this.times[i]
    if (next === undefined || next - t <= idle) return t
    return next - lead
  }
}
