// How an interview's workspace unfolded (docs/api.md, GET
// /api/interviews/{id}/playback): the host's recording of every code step and
// whiteboard change, for the details page's Playback.
import { call } from './client'
import type { PlaybackRecording } from './contract.gen'

export type { PlaybackRecording } from './contract.gen'

export async function getPlayback(id: string, signal?: AbortSignal): Promise<PlaybackRecording> {
  const r = await call('GET /api/interviews/{id}/playback', { params: { id }, signal })
  return { docs: r.docs ?? [], board: r.board ?? [] }
}
