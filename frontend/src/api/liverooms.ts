// The Live Room list and the people who interviewed before (docs/api.md, "Live Rooms").
import { call } from './client'
import type { LiveRoomList, Person } from './types'

export const listLiveRooms = (signal?: AbortSignal): Promise<LiveRoomList> => call('GET /api/live-rooms', { signal })

export async function listKnownInterviewers(signal?: AbortSignal): Promise<Person[]> {
  const r = await call('GET /api/interviewers', { signal })
  return r.interviewers ?? []
}

/**
 * The known interviewers, or none when they cannot be loaded: without the
 * drop-down, people can still be added by typing their names.
 */
export function knownInterviewersOrNone(signal?: AbortSignal): Promise<Person[]> {
  return listKnownInterviewers(signal).catch((e: unknown) => {
    if (signal?.aborted) throw e
    return []
  })
}
