// Who is in an interview's room and the call's recordings (docs/api.md,
// "Interview room data"; the timeline is in ./timeline).
import { call } from './client'
import type { Recording, RoomPresence } from './types'

export async function listRecordings(id: string, signal?: AbortSignal): Promise<Recording[]> {
  const r = await call('GET /api/interviews/{id}/recordings', { params: { id }, signal })
  return r.recordings
}

export const getPresence = (id: string, signal?: AbortSignal): Promise<RoomPresence> =>
  call('GET /api/interviews/{id}/presence', { params: { id }, signal })
