// Synthetic recordings for the player's tests and its seek benchmark: random
// typing, deletions and pastes as CodeMirror change sets, one step a second.

import { ChangeSet, Text } from '@codemirror/state'
import type { PlaybackRecording } from '../api/contract.gen'

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['let ', 'x', ' = ', '1', ';\n', 'def f():\n', '  return', ' 🙂', '\n', '{}', '()']

/** n steps of random edits; texts[i] is the document after step i (kept only when keepTexts). */
export function typing(n: number, seed = 1, keepTexts = true, startMs = Date.UTC(2026, 11, 1, 9)): {
  recording: PlaybackRecording
  texts: string[]
  times: number[]
} {
  const r = random(seed)
  let doc = Text.empty
  const steps: PlaybackRecording['docs'][number]['steps'] = []
  const texts: string[] = []
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const len = doc.length
    const from = Math.floor(r() * (len + 1))
    let cs: ChangeSet
    if (len > 50 && r() < 0.3) {
      const to = Math.min(len, from + 1 + Math.floor(r() * 5))
      cs = ChangeSet.of({ from, to }, len)
    } else {
      const ins = r() < 0.01 ? WORDS.join('').repeat(20) : WORDS[Math.floor(r() * WORDS.length)]!
      cs = ChangeSet.of({ from, insert: ins }, len)
    }
    doc = cs.apply(doc)
    const at = startMs + i * 1000
    steps.push({ at: new Date(at).toISOString(), by: { role: 'candidate', name: 'Olivia' }, changes: [cs.toJSON()] })
    if (keepTexts) texts.push(doc.toString())
    times.push(at)
  }
  const recording: PlaybackRecording = {
    docs: [
      { doc: 'main', language: 'python', steps, final: doc.toString(), version: n },
      { doc: 'pad', language: 'python', steps: [], final: '', version: 0 },
    ],
    board: [],
  }
  return { recording, texts, times }
}
