// Campaigns: mass interviewing through one shared link (docs/api.md, "Campaigns").
import { call } from './client'
import type { CampaignInput, CampaignSlot, CampaignSummary, CampaignView } from './contract.gen'

export type {
  Campaign,
  CampaignInput,
  CampaignMode,
  CampaignRegistration,
  CampaignSlot,
  CampaignState,
  CampaignSummary,
  CampaignView,
  SlotRule,
} from './contract.gen'

export async function listCampaigns(signal?: AbortSignal): Promise<CampaignSummary[]> {
  const r = await call('GET /api/campaigns', { signal })
  return r.campaigns ?? []
}

export const getCampaign = (id: string, signal?: AbortSignal): Promise<CampaignView> =>
  call('GET /api/campaigns/{id}', { params: { id }, signal })

export const createCampaign = (body: CampaignInput): Promise<CampaignView> => call('POST /api/campaigns', { body })

export const updateCampaign = (id: string, body: CampaignInput): Promise<CampaignView> =>
  call('PUT /api/campaigns/{id}', { params: { id }, body })

/** The slots the input's rules and list make; the host stores nothing. */
export async function previewSlots(body: CampaignInput, signal?: AbortSignal): Promise<CampaignSlot[]> {
  const r = await call('POST /api/campaigns/preview', { body, signal })
  return r.slots ?? []
}

export const closeCampaign = (id: string): Promise<CampaignView> =>
  call('POST /api/campaigns/{id}/close', { params: { id } })

export const reopenCampaign = (id: string): Promise<CampaignView> =>
  call('POST /api/campaigns/{id}/reopen', { params: { id } })
