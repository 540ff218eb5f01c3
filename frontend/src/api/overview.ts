// Finished interviews with their analysis at a glance (docs/api.md, GET /api/overview).
import { call } from './client'
import type { OverviewRow } from './contract.gen'

export type { OverviewRow } from './contract.gen'

export async function getOverview(signal?: AbortSignal): Promise<OverviewRow[]> {
  const r = await call('GET /api/overview', { signal })
  return r.rows ?? []
}
