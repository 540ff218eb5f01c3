// What happened in an interview's room: the event log with the state it
// produced, and the call's recordings (docs/api.md, "Interview room data").
import { request, seg } from './client'
import type { Recording, RoomPresence, Timeline } from './types'

export async function getTimeline(id: string, signal?: AbortSignal): Promise<Timeline> {
  const r = await request<Timeline>('GET', `/api/interviews/${seg(id)}/timeline`, { signal })
  return { events: r.events ?? [], state: r.state }
}

export async function listRecordings(id: string, signal?: AbortSignal): Promise<Recording[]> {
  const r = await request<{ recordings: Recording[] | null }>('GET', `/api/interviews/${seg(id)}/recordings`, { signal })
  return r.recordings ?? []
}

export const getPresence = (id: string, signal?: AbortSignal) =>
  request<RoomPresence>('GET', `/api/interviews/${seg(id)}/presence`, { signal })
