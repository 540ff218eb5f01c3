// LiveKitSession: this tab's part of a call that runs on a LiveKit server
// instead of the host's own SFU (the welcome's `media` is "livekit").
//
// The host still decides who is in the call: `call` is asked as for the
// embedded SFU, and only its answer — a config signal with the server's
// address and this participant's own token — lets the tab connect. The
// session then publishes the local camera, microphone and screen to LiveKit
// and groups what it receives by participant, as PeerSession does, so the
// call screen shows either the same way.

import {
  ConnectionQuality,
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type RemoteParticipant as LKParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client'
import { Snapshots } from '../snapshots'
import { refusedJoin } from './join'
import type { LocalMedia, TrackKind } from './local'
import { emptyCall, type PeerSnapshot, type RemoteParticipant } from './peer'
import type { QualityReport } from './stats'

export type LiveKitOptions = {
  iceTransportPolicy?: RTCIceTransportPolicy
  /** Asks the host to join the call (`call`); rejects when it refuses. */
  join: () => Promise<void>
  local: LocalMedia
}

/** The server and token in the host's config signal. */
export type ServerAccess = { kind: string; url: string; token: string }

type Remote = { id: string; name: string; camera: MediaStream; screen: MediaStream | undefined }

const SOURCE: Record<TrackKind, Track.Source> = {
  audio: Track.Source.Microphone,
  video: Track.Source.Camera,
  screen: Track.Source.ScreenShare,
}

const QUALITY: Record<string, QualityReport['quality']> = {
  [ConnectionQuality.Excellent]: 'good',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'poor',
}

/** Why LiveKit ended our connection, in words for the call screen. */
function goneReason(reason: DisconnectReason | undefined): string | undefined {
  switch (reason) {
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'You were removed from this call.'
    case DisconnectReason.ROOM_DELETED:
      return 'The call has ended.'
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'This call continues in another tab or window.'
    default:
      return undefined
  }
}

export class LiveKitSession extends Snapshots<PeerSnapshot> {
  private opts: LiveKitOptions
  private room: Room | undefined
  private admitted = false
  private joining = false
  private closed = false
  private remotes = new Map<string, Remote>()
  private published = new Map<TrackKind, LocalTrackPublication>()
  private offLocal: () => void = () => {}

  constructor(opts: LiveKitOptions) {
    super(emptyCall('waiting'))
    this.opts = opts
  }

  /** Asks the host to join the call; its config signal then connects us. */
  async admit(): Promise<void> {
    if (this.admitted || this.joining || this.closed) return
    this.joining = true
    this.set({ status: 'connecting', detail: undefined })
    try {
      await this.opts.join()
    } catch (e) {
      this.joining = false
      if (this.closed) return
      this.set(refusedJoin(e))
      return
    }
    this.joining = false
    this.admitted = true
    this.set({ hostAnswered: true })
  }

  /** A signal from the host: only the config with the server and token matters. */
  async handle(raw: unknown): Promise<void> {
    const server = serverOf(raw)
    if (!server || this.closed) return
    if (!this.snap.hostAnswered) this.set({ hostAnswered: true })
    try {
      await this.connect(server)
    } catch (e) {
      if (this.closed) return
      this.set({ status: 'failed', detail: `Could not reach the call's media server: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  private async connect(server: ServerAccess): Promise<void> {
    const old = this.room
    if (old) await old.disconnect(false)
    const room = new Room({
      adaptiveStream: false,
      dynacast: false,
      // One VP8 stream and plain Opus: what the host records, as with its own SFU.
      publishDefaults: { simulcast: false, videoCodec: 'vp8', red: false, dtx: false },
    })
    this.room = room
    room
      .on(RoomEvent.TrackSubscribed, (track, pub, p) => this.remoteTrack(track, pub, p))
      .on(RoomEvent.TrackUnsubscribed, (track, _pub, p) => this.dropTrack(p.identity, track))
      .on(RoomEvent.ParticipantDisconnected, (p) => this.dropParticipant(p.identity))
      .on(RoomEvent.ConnectionStateChanged, (s) => this.connectionState(room, s))
      .on(RoomEvent.ConnectionQualityChanged, (q, p) => {
        if (p.isLocal) this.set({ quality: { ...this.snap.quality, quality: QUALITY[q] ?? 'unknown' } })
      })
      .on(RoomEvent.Disconnected, (reason) => {
        if (this.room !== room || this.closed) return
        this.remotes.clear()
        this.publishRemotes()
        const why = goneReason(reason)
        this.set(why ? { status: 'unavailable', detail: why } : { status: 'failed', detail: 'The connection to the call was lost.' })
      })
    await room.connect(server.url, server.token, { rtcConfig: { iceTransportPolicy: this.opts.iceTransportPolicy ?? 'all' } })
    if (this.closed || this.room !== room) {
      await room.disconnect(false)
      return
    }
    this.offLocal()
    this.published.clear()
    const local = this.opts.local.getSnapshot()
    await this.publish('audio', local.audio)
    await this.publish('video', local.video)
    await this.publish('screen', local.screen?.getVideoTracks()[0])
    this.offLocal = this.opts.local.onTrack((kind, track) => void this.publish(kind, track))
  }

  /** Publishes, replaces or withdraws our track of one kind. */
  private async publish(kind: TrackKind, track: MediaStreamTrack | undefined): Promise<void> {
    const room = this.room
    if (!room || this.closed) return
    const current = this.published.get(kind)
    try {
      if (current?.track && track) {
        await current.track.replaceTrack(track, true)
      } else if (current?.track) {
        this.published.delete(kind)
        await room.localParticipant.unpublishTrack(current.track, false)
      } else if (track) {
        this.published.set(kind, await room.localParticipant.publishTrack(track, { source: SOURCE[kind], name: SOURCE[kind] }))
      }
    } catch (e) {
      this.set({ detail: e instanceof Error ? e.message : String(e) })
    }
  }

  private remoteTrack(track: RemoteTrack, pub: RemoteTrackPublication, p: LKParticipant): void {
    let r = this.remotes.get(p.identity)
    if (!r) {
      r = { id: p.identity, name: p.name ?? '', camera: new MediaStream(), screen: undefined }
      this.remotes.set(p.identity, r)
    }
    if (p.name) r.name = p.name
    const mst = track.mediaStreamTrack
    if (pub.source === Track.Source.ScreenShare || pub.source === Track.Source.ScreenShareAudio) {
      if (!r.screen) r.screen = new MediaStream()
      r.screen.addTrack(mst)
    } else {
      for (const old of r.camera.getTracks()) if (old.kind === mst.kind && old !== mst) r.camera.removeTrack(old)
      r.camera.addTrack(mst)
    }
    this.publishRemotes()
  }

  private dropTrack(identity: string, track: RemoteTrack): void {
    const r = this.remotes.get(identity)
    if (!r) return
    const mst = track.mediaStreamTrack
    r.camera.removeTrack(mst)
    if (r.screen) {
      r.screen.removeTrack(mst)
      if (r.screen.getTracks().length === 0) r.screen = undefined
    }
    if (r.camera.getTracks().length === 0 && !r.screen) this.remotes.delete(identity)
    this.publishRemotes()
  }

  private dropParticipant(identity: string): void {
    if (this.remotes.delete(identity)) this.publishRemotes()
  }

  private publishRemotes(): void {
    const remotes: RemoteParticipant[] = [...this.remotes.values()].map((r) => ({
      id: r.id,
      name: r.name,
      camera: r.camera,
      screen: r.screen,
      hasVideo: r.camera.getVideoTracks().length > 0,
      hasAudio: r.camera.getAudioTracks().length > 0,
    }))
    this.set({ remotes })
  }

  private connectionState(room: Room, s: ConnectionState): void {
    if (this.room !== room || this.closed || this.snap.status === 'unavailable') return
    if (s === ConnectionState.Connected) this.set({ status: 'connected', detail: undefined })
    else if (s === ConnectionState.Reconnecting || s === ConnectionState.SignalReconnecting) this.set({ status: 'reconnecting' })
    else if (s === ConnectionState.Connecting) this.set({ status: 'connecting' })
  }

  /** Counts decoded frames of what we receive, for the quality indicator. */
  async sample(): Promise<QualityReport> {
    const room = this.room
    if (!room || this.closed) return this.snap.quality
    let frames = 0
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.videoTrackPublications.values()) {
        const track = pub.videoTrack
        const stats = track && 'getReceiverStats' in track ? await track.getReceiverStats().catch(() => undefined) : undefined
        frames += stats?.framesDecoded ?? 0
      }
    }
    this.set({ quality: { ...this.snap.quality, framesDecoded: frames } })
    return this.snap.quality
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.offLocal()
    const room = this.room
    this.room = undefined
    if (room) void room.disconnect(false)
    this.remotes.clear()
    this.set({ status: 'closed', remotes: [] })
  }
}

/** The server access in a config signal, or undefined for any other signal. */
export function serverOf(v: unknown): ServerAccess | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const m = v as { type?: unknown; server?: unknown }
  if (m.type !== 'config' || typeof m.server !== 'object' || m.server === null) return undefined
  const s = m.server as Record<string, unknown>
  if (s.kind !== 'livekit' || typeof s.url !== 'string' || typeof s.token !== 'string' || s.url === '' || s.token === '') return undefined
  return { kind: s.kind, url: s.url, token: s.token }
}
