// Marks on a recording's or a playback's scrubber, from the interview's
// timeline rows: the questions, the topics covered and the notes, the code
// runs, pastes and time away from the tab. Each scrubber shows the kinds it
// is about (Playback: the workspace; the report's player: the conversation).

import type { TimelineRow } from '../api/timeline'

export type MarkerKind = 'question' | 'topic' | 'note' | 'ran' | 'pasted' | 'tab-away'

export type Marker = { at: number; kind: MarkerKind; label: string }

/** What each kind of marker is, for a legend. */
export const MARKER_NAMES: Record<MarkerKind, string> = {
  question: 'Question',
  topic: 'Topic covered',
  note: 'Notes',
  ran: 'Code run',
  pasted: 'Paste',
  'tab-away': 'Left the tab',
}

/** The markers of the given kinds (all when omitted), in time order. */
export function markersOf(rows: readonly TimelineRow[], kinds?: readonly MarkerKind[]): Marker[] {
  const out: Marker[] = []
  for (const r of rows) {
    const m = markerOf(r)
    if (m && (!kinds || kinds.includes(m.kind))) out.push(m)
  }
  return out.sort((a, b) => a.at - b.at)
}

function markerOf(r: TimelineRow): Marker | undefined {
  const at = Date.parse(r.at)
  switch (r.kind) {
    case 'question':
      return r.question && !r.question.again ? { at, kind: 'question', label: `Question ${r.question.number}` } : undefined
    case 'topic-checked':
      return r.topic ? { at, kind: 'topic', label: `Topic covered: ${r.topic.title}` } : undefined
    case 'note':
      return { at, kind: 'note', label: `Notes by ${r.note?.author.name || 'an interviewer'}` }
    case 'ran':
      return { at, kind: 'ran', label: `Run: ${r.run?.status === 'ok' ? 'finished' : (r.run?.status ?? '')}` }
    case 'pasted':
      return {
        at,
        kind: 'pasted',
        label: `Paste of ${(r.paste?.length ?? 0).toLocaleString('en-US')} characters${r.paste?.external ? ' from outside' : ''}`,
      }
    case 'tab-away':
      return { at, kind: 'tab-away', label: `Left the tab${r.awayMs ? ` for ${Math.round(r.awayMs / 1000)} s` : ''}` }
  }
  return undefined
}
