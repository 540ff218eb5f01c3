// Who is in an interview's room and the call's recordings (docs/api.md,
// "Interview room data"; the timeline is in ./timeline).
import { request, seg } from './client'
import type { Recording, RoomPresence } from './types'

export async function listRecordings(id: string, signal?: AbortSignal): Promise<Recording[]> {
  const r = await request<{ recordings: Recording[] | null }>('GET', `/api/interviews/${seg(id)}/recordings`, { signal })
  return r.recordings ?? []
}

export const getPresence = (id: string, signal?: AbortSignal) =>
  request<RoomPresence>('GET', `/api/interviews/${seg(id)}/presence`, { signal })
