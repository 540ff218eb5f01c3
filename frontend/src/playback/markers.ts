// Marks on the playback scrubber, from the interview's timeline rows: the
// questions, runs, pastes and time away from the tab.

import type { TimelineRow } from '../api/timeline'

export type Marker = { at: number; kind: 'question' | 'ran' | 'pasted' | 'tab-away'; label: string }

export function markersOf(rows: readonly TimelineRow[]): Marker[] {
  const out: Marker[] = []
  for (const r of rows) {
    const at = Date.parse(r.at)
    switch (r.kind) {
      case 'question':
        if (r.question && !r.question.again) out.push({ at, kind: 'question', label: `Question ${r.question.number}` })
        break
      case 'ran':
        out.push({ at, kind: 'ran', label: `Run: ${r.run?.status === 'ok' ? 'finished' : (r.run?.status ?? '')}` })
        break
      case 'pasted':
        out.push({
          at,
          kind: 'pasted',
          label: `Paste of ${(r.paste?.length ?? 0).toLocaleString('en-US')} characters${r.paste?.external ? ' from outside' : ''}`,
        })
        break
      case 'tab-away':
        out.push({ at, kind: 'tab-away', label: `Left the tab${r.awayMs ? ` for ${Math.round(r.awayMs / 1000)} s` : ''}` })
        break
    }
  }
  return out.sort((a, b) => a.at - b.at)
}
