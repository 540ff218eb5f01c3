// The interview's timeline as the host builds it (docs/api.md, "Interview room
// data"): rows of data, not text; src/interviews/timeline.ts writes them. The
// types are the host's (internal/timeline), generated into contract.gen.ts.
import { call } from './client'
import type { Timeline } from './types'

export type {
  Timeline,
  TimelineConsent,
  TimelineKind,
  TimelineNote,
  TimelinePerson,
  TimelineQuestion,
  TimelineRephrase,
  TimelineRow,
} from './contract.gen'

export async function getTimeline(id: string, signal?: AbortSignal): Promise<Timeline> {
  const r = await call('GET /api/interviews/{id}/timeline', { params: { id }, signal })
  if (typeof r.state !== 'object' || r.state === null) throw new Error('The host answered no timeline.')
  return { rows: r.rows ?? [], state: r.state }
}
