// Media signaling messages carried inside the room channel's `signal` frames
// (internal/media/signal.go; its doc.go describes the exchange):
//
//   browser → host: offer {sdp, tracks}, answer {sdp}, candidate {candidate},
//                   restart, track-info {tracks}
//   host → browser: config {iceServers} (first), answer, offer (renegotiation;
//                   preceded by track-info / track-ended), candidate, error
//
// The browser makes the first offer; the host then offers whenever tracks come
// and go. The host is the impolite peer of perfect negotiation, the browser
// the polite one.

import type { IceServer } from '../protocol'

export type Source = 'camera' | 'microphone' | 'screen' | 'screen-audio'

export type TrackInfo = {
  trackId?: string
  streamId?: string
  mid?: string
  kind?: 'audio' | 'video'
  source?: Source
  codec?: string
  participantId?: string
  participantName?: string
}

export type IceCandidate = {
  candidate: string
  sdpMid?: string | null
  sdpMLineIndex?: number | null
  usernameFragment?: string | null
}

export type SignalOut =
  | { type: 'offer'; sdp: string; tracks?: TrackInfo[] }
  | { type: 'answer'; sdp: string }
  | { type: 'candidate'; candidate: IceCandidate }
  | { type: 'restart' }
  | { type: 'track-info'; tracks: TrackInfo[] }

export type SignalIn =
  | { type: 'config'; iceServers: IceServer[] }
  | { type: 'offer'; sdp: string }
  | { type: 'answer'; sdp: string }
  | { type: 'candidate'; candidate: IceCandidate | null }
  | { type: 'track-info'; tracks: TrackInfo[] }
  | { type: 'track-ended'; tracks: TrackInfo[] }
  | { type: 'error'; error: string }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const SOURCES: readonly Source[] = ['camera', 'microphone', 'screen', 'screen-audio']

function trackInfo(x: unknown): TrackInfo | undefined {
  if (!isObj(x)) return undefined
  const t: TrackInfo = {}
  for (const k of ['trackId', 'streamId', 'mid', 'codec', 'participantId', 'participantName'] as const) {
    if (typeof x[k] === 'string') t[k] = x[k]
  }
  if (x.kind === 'audio' || x.kind === 'video') t.kind = x.kind
  if (SOURCES.includes(x.source as Source)) t.source = x.source as Source
  return t
}

const tracks = (v: unknown): TrackInfo[] =>
  Array.isArray(v) ? v.map(trackInfo).filter((t): t is TrackInfo => t !== undefined) : []

/** Checks a signal from the host; undefined for a shape we do not know. */
export function parseSignal(v: unknown): SignalIn | undefined {
  if (!isObj(v) || typeof v.type !== 'string') return undefined
  switch (v.type) {
    case 'config':
      return {
        type: 'config',
        iceServers: Array.isArray(v.iceServers)
          ? v.iceServers.filter(isObj).map((s) => ({
              urls: typeof s.urls === 'string' ? [s.urls] : Array.isArray(s.urls) ? s.urls.filter((u): u is string => typeof u === 'string') : [],
              ...(typeof s.username === 'string' ? { username: s.username } : {}),
              ...(typeof s.credential === 'string' ? { credential: s.credential } : {}),
            }))
          : [],
      }
    case 'offer':
    case 'answer':
      return typeof v.sdp === 'string' && v.sdp !== '' ? { type: v.type, sdp: v.sdp } : undefined
    case 'candidate': {
      if (!isObj(v.candidate) || typeof v.candidate.candidate !== 'string') return { type: 'candidate', candidate: null }
      const c = v.candidate
      return {
        type: 'candidate',
        candidate: {
          candidate: c.candidate as string,
          ...(typeof c.sdpMid === 'string' ? { sdpMid: c.sdpMid } : {}),
          ...(typeof c.sdpMLineIndex === 'number' ? { sdpMLineIndex: c.sdpMLineIndex } : {}),
          ...(typeof c.usernameFragment === 'string' ? { usernameFragment: c.usernameFragment } : {}),
        },
      }
    }
    case 'track-info':
    case 'track-ended':
      return { type: v.type, tracks: tracks(v.tracks) }
    case 'error':
      return { type: 'error', error: typeof v.error === 'string' ? v.error : 'The media host reported an error.' }
    default:
      return undefined
  }
}
