// Media server settings: where calls run (docs/api.md, "Media server").
import { call } from './client'
import type { MediaServerSettings, MediaServerUpdate } from './types'

export const getMediaServer = (signal?: AbortSignal): Promise<MediaServerSettings> => call('GET /api/settings/media', { signal })

/**
 * Saves the LiveKit server calls go to. An empty `apiSecret` is left out, so
 * the stored one is kept (for the same key); an empty `liveKitUrl` goes back
 * to the embedded media server. A 422 ApiError carries `fields` keyed by
 * MediaServerField.
 */
export async function saveMediaServer(input: MediaServerUpdate): Promise<MediaServerSettings> {
  const body: MediaServerUpdate = { liveKitUrl: input.liveKitUrl, apiKey: input.apiKey }
  if (input.apiSecret) body.apiSecret = input.apiSecret
  return call('PUT /api/settings/media', { body })
}
