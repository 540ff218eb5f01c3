// PeerSession: this tab's RTCPeerConnection to the host's SFU.
//
// It publishes the local microphone, camera and (when shared) screen on
// send-only transceivers, labels them for the host, trickles ICE candidates,
// answers the host's renegotiation offers (the browser is the polite peer) and
// groups the forwarded tracks by participant from the host's track-info. A
// closed gate holds everything outgoing until the host took the call. A
// candidate prepares: the connection is set up on the device check and in the
// waiting room (ICE and DTLS done, nothing sent: the senders carry no track),
// and asking to be let in only puts the camera and microphone on the senders.

import { useSyncExternalStore } from 'react'
import type { IceServer } from '../protocol'
import { Snapshots } from '../snapshots'
import type { LocalMedia, TrackKind } from './local'
import { parseSignal, type SignalIn, type SignalOut, type Source, type TrackInfo } from './signaling'
import { classify, sampleFrom, type QualityReport, type Sample } from './stats'
import { refusedJoin } from './join'

export type RemoteParticipant = {
  id: string
  name: string
  /** Camera video and microphone audio. */
  camera: MediaStream
  /** The shared screen, while shared. */
  screen: MediaStream | undefined
  hasVideo: boolean
  hasAudio: boolean
}

export type PeerStatus =
  | 'waiting' // gate closed: gathering, not yet allowed to send
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'failed'
  | 'unavailable' // the host refused the call (e.g. no media service)
  | 'closed'

export type PeerSnapshot = {
  status: PeerStatus
  detail: string | undefined
  remotes: RemoteParticipant[]
  quality: QualityReport
  /** The host accepted `call` (media is wired on this host). */
  hostAnswered: boolean
}

/** A call with nobody in it yet. */
export const emptyCall = (status: PeerStatus): PeerSnapshot => ({
  status,
  detail: undefined,
  remotes: [],
  quality: { quality: 'unknown', framesDecoded: 0 },
  hostAnswered: false,
})

export type PeerOptions = {
  iceServers: IceServer[]
  iceTransportPolicy?: RTCIceTransportPolicy
  /** Sends one signal to the host; rejects when the host refused it. */
  send: (signal: SignalOut) => Promise<void>
  /** Asks the host to join the call (`call`, with `prepare` first); rejects when it refuses. */
  join: (prepare: boolean) => Promise<void>
  local: LocalMedia
  /** Set the connection up now, send media only once admitted (a candidate). */
  prepare?: boolean
}

type Remote = {
  id: string
  name: string
  camera: MediaStream
  screen: MediaStream | undefined
  /** Audio flows but the camera's video has not for a while: the camera is off. */
  silentVideo: boolean
  silentTimer?: ReturnType<typeof setTimeout>
}

const DISCONNECT_GRACE_MS = 4000
/** How long a prepared connection's camera keeps its full size from the start. */
const KEEP_RESOLUTION_MS = 3000

/** Sets a sender's degradation preference; false where the browser does not take it. */
async function degradation(sender: RTCRtpSender, pref: 'maintain-resolution' | 'balanced'): Promise<boolean> {
  try {
    const params = sender.getParameters() as RTCRtpSendParameters & { degradationPreference?: string }
    params.degradationPreference = pref
    await sender.setParameters(params)
    return true
  } catch {
    return false
  }
}

/**
 * A remote camera track may be there before its media (the host offers a
 * waiting candidate's tracks ahead): when its audio flows and its video still
 * has not after this long, the tile says the camera is off.
 */
const SILENT_VIDEO_MS = 2000

export class PeerSession extends Snapshots<PeerSnapshot> {
  private pc: RTCPeerConnection
  private opts: PeerOptions
  private gated = true
  private joining = false
  private admitted = false
  /** The senders carry the local tracks (not while preparing). */
  private sending: boolean
  private queue: SignalOut[] = []
  private closed = false
  private pendingCandidates: RTCIceCandidateInit[] = []
  private infoByMid = new Map<string, TrackInfo>()
  private infoByTrack = new Map<string, TrackInfo>()
  private remotes = new Map<string, Remote>()
  private audio: RTCRtpTransceiver
  private video: RTCRtpTransceiver
  private screen: RTCRtpTransceiver | undefined
  private cameraStream = new MediaStream()
  private offLocal: () => void
  private lastSample: Sample | undefined
  private disconnectTimer: ReturnType<typeof setTimeout> | undefined
  private resolutionTimer: ReturnType<typeof setTimeout> | undefined
  private resolutionKept: Promise<boolean> | undefined
  /** What resolutionKept resolved to, once it has. */
  private resolutionSet: boolean | undefined

  constructor(opts: PeerOptions) {
    super(emptyCall('waiting'))
    this.opts = opts
    this.sending = !opts.prepare
    this.pc = new RTCPeerConnection({
      iceServers: opts.iceServers as RTCIceServer[],
      iceTransportPolicy: opts.iceTransportPolicy ?? 'all',
      bundlePolicy: 'max-bundle',
    })
    const local = this.sending ? opts.local.getSnapshot() : { audio: undefined, video: undefined, screen: undefined }
    this.audio = this.pc.addTransceiver(local.audio ?? 'audio', { direction: 'sendonly', streams: [this.cameraStream] })
    this.video = this.pc.addTransceiver(local.video ?? 'video', { direction: 'sendonly', streams: [this.cameraStream] })
    if (!local.audio) void this.audio.sender.replaceTrack(null)
    if (!local.video) void this.video.sender.replaceTrack(null)
    this.offLocal = opts.local.onTrack((kind, track, stream) => this.localTrack(kind, track, stream))
    if (local.screen) {
      const t = local.screen.getVideoTracks()[0]
      if (t) this.localTrack('screen', t, local.screen)
    }

    this.pc.onnegotiationneeded = () => void this.offer()
    this.pc.onicecandidate = (e) => {
      if (e.candidate && e.candidate.candidate) this.out({ type: 'candidate', candidate: e.candidate.toJSON() as never })
    }
    this.pc.ontrack = (e) => this.remoteTrack(e)
    this.pc.onconnectionstatechange = () => this.connectionState()
    this.pc.oniceconnectionstatechange = () => this.iceState()
    if (opts.prepare) void this.prepareCall()
  }

  /** Sets the connection up before the member may send: `call` with prepare, then the gate opens. */
  private async prepareCall(): Promise<void> {
    try {
      await this.opts.join(true)
    } catch (e) {
      if (this.closed || this.admitted) return
      // Refused for good (e.g. a host without media) says so; otherwise
      // admit() joins the plain way.
      const refused = refusedJoin(e)
      if (refused.status === 'unavailable') this.set(refused)
      return
    }
    if (!this.closed) this.openGate()
  }

  /**
   * Joins the call (when admitted): asks the host with `call`, then opens the
   * gate so the offer and candidates gathered meanwhile go out, in order. A
   * prepared connection puts the camera and microphone on its senders as
   * `call` goes out, not when it is answered: the host forwards and records
   * nothing of a connection it has not let in, and the camera's first frame
   * is then on its way a round trip (and a page render) sooner. A refusal
   * takes them off again; one because we are not let in yet (or the consent
   * sent just before was refused) leaves the gate closed for the next try; any
   * other refusal (e.g. a host without media) says video is unavailable.
   */
  async admit(): Promise<void> {
    if (this.admitted || this.joining || this.closed) return
    this.joining = true
    this.set({ status: 'connecting', detail: undefined })
    this.startSending()
    try {
      await this.opts.join(false)
    } catch (e) {
      this.joining = false
      if (this.closed) return
      this.stopSending()
      this.set(refusedJoin(e))
      return
    }
    this.joining = false
    if (this.closed) return
    this.admitted = true
    this.set({ hostAnswered: true, status: this.pc.connectionState === 'connected' ? 'connected' : 'connecting' })
    this.openGate()
  }

  private openGate(): void {
    if (!this.gated) return
    this.gated = false
    const queued = this.queue
    this.queue = []
    for (const m of queued) this.transmit(m)
  }

  /**
   * Puts the local tracks on the senders (a prepared connection, as it asks
   * to be let in): no renegotiation. The camera starts at full size: while its
   * bandwidth estimate is still young the browser would otherwise drop the
   * first frames and scale down (a few hundred milliseconds before the first
   * picture); after KEEP_RESOLUTION_MS it makes its usual trade-off again.
   * With that preference set ahead (on connecting), everything happens now,
   * before the page renders the call.
   */
  private startSending(): void {
    if (this.sending) return
    this.sending = true
    const local = this.opts.local.getSnapshot()
    this.localTrack('audio', local.audio, undefined)
    const video = (kept: boolean) => {
      if (this.closed || !this.sending) return
      if (kept) this.resolutionTimer = setTimeout(() => void degradation(this.video.sender, 'balanced'), KEEP_RESOLUTION_MS)
      const now = this.opts.local.getSnapshot()
      this.localTrack('video', now.video, undefined)
      const screen = now.screen?.getVideoTracks()[0]
      if (screen && now.screen) this.localTrack('screen', screen, now.screen)
    }
    if (this.resolutionSet !== undefined) video(this.resolutionSet)
    else void this.keepResolution().then(video)
  }

  /** Takes the local tracks off a prepared connection's senders again (it was not let in). */
  private stopSending(): void {
    if (!this.opts.prepare || !this.sending) return
    this.sending = false
    clearTimeout(this.resolutionTimer)
    void this.audio.sender.replaceTrack(null).catch(() => {})
    void this.video.sender.replaceTrack(null).catch(() => {})
    // The next start is at full size again.
    this.resolutionKept = this.resolutionSet = undefined
    void this.keepResolution()
  }

  /** The camera's full size from its first frame on (set ahead, on a prepared connection). */
  private keepResolution(): Promise<boolean> {
    this.resolutionKept ??= degradation(this.video.sender, 'maintain-resolution').then((kept) => {
      this.resolutionSet = kept
      return kept
    })
    return this.resolutionKept
  }

  /** A signal from the host. */
  async handle(raw: unknown): Promise<void> {
    const msg = parseSignal(raw)
    if (!msg || this.closed) return
    if (!this.snap.hostAnswered) this.set({ hostAnswered: true })
    try {
      await this.apply(msg)
    } catch (e) {
      this.set({ detail: e instanceof Error ? e.message : String(e) })
    }
  }

  private async apply(msg: SignalIn): Promise<void> {
    switch (msg.type) {
      case 'config':
        if (msg.iceServers.length > 0) {
          this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: msg.iceServers as RTCIceServer[] })
        }
        return
      case 'track-info':
        for (const t of msg.tracks) {
          if (t.mid) this.infoByMid.set(t.mid, t)
          if (t.trackId) this.infoByTrack.set(t.trackId, t)
        }
        return
      case 'track-ended':
        for (const t of msg.tracks) this.dropRemote(t)
        return
      case 'error':
        this.set({ detail: msg.error })
        return
      case 'candidate':
        if (!msg.candidate) return
        if (!this.pc.remoteDescription) {
          this.pendingCandidates.push(msg.candidate as RTCIceCandidateInit)
          return
        }
        await this.pc.addIceCandidate(msg.candidate as RTCIceCandidateInit).catch(() => {})
        return
      case 'offer': {
        // Polite peer: an offer in glare rolls ours back (implicitly) and wins.
        await this.pc.setRemoteDescription({ type: 'offer', sdp: msg.sdp })
        await this.flushCandidates()
        await this.pc.setLocalDescription()
        const answer = this.pc.localDescription
        if (answer?.type === 'answer') this.out({ type: 'answer', sdp: answer.sdp })
        return
      }
      case 'answer':
        if (this.pc.signalingState !== 'have-local-offer') return // stale
        await this.pc.setRemoteDescription({ type: 'answer', sdp: msg.sdp })
        await this.flushCandidates()
        return
    }
  }

  private async flushCandidates(): Promise<void> {
    const list = this.pendingCandidates
    this.pendingCandidates = []
    for (const c of list) await this.pc.addIceCandidate(c).catch(() => {})
  }

  private async offer(): Promise<void> {
    if (this.closed) return
    try {
      await this.pc.setLocalDescription()
      const d = this.pc.localDescription
      if (d?.type === 'offer') this.out({ type: 'offer', sdp: d.sdp, tracks: this.labels() })
    } catch (e) {
      this.set({ detail: e instanceof Error ? e.message : String(e) })
    }
  }

  /** What each of our send transceivers carries, for the host's recordings and viewers. */
  private labels(): TrackInfo[] {
    const out: TrackInfo[] = []
    const add = (t: RTCRtpTransceiver | undefined, source: Source) => {
      if (!t || !t.mid || t.currentDirection === 'stopped') return
      const info: TrackInfo = { mid: t.mid, source }
      if (t.sender.track) info.trackId = t.sender.track.id
      out.push(info)
    }
    add(this.audio, 'microphone')
    add(this.video, 'camera')
    add(this.screen, 'screen')
    return out
  }

  private out(m: SignalOut): void {
    if (this.closed) return
    if (this.gated) {
      this.queue.push(m)
      return
    }
    this.transmit(m)
  }

  private transmit(m: SignalOut): void {
    this.opts.send(m).then(
      () => {},
      (e: unknown) => {
        if (this.closed) return
        const name = (e as { name?: string }).name
        if (name === 'RefusedError' && m.type === 'offer') {
          this.set({ status: 'unavailable', detail: (e as Error).message })
        }
      },
    )
  }

  private localTrack(kind: TrackKind, track: MediaStreamTrack | undefined, stream: MediaStream | undefined): void {
    if (this.closed || !this.sending) return
    if (kind === 'audio') void this.audio.sender.replaceTrack(track ?? null).catch(() => {})
    else if (kind === 'video') void this.video.sender.replaceTrack(track ?? null).catch(() => {})
    else if (track && stream) {
      if (this.screen && this.screen.currentDirection !== 'stopped') {
        void this.screen.sender.replaceTrack(track).catch(() => {})
        this.screen.sender.setStreams?.(stream)
        this.screen.direction = 'sendonly'
      } else {
        this.screen = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] })
      }
      // The label goes with the next offer (negotiationneeded follows).
    } else if (this.screen) {
      void this.screen.sender.replaceTrack(null).catch(() => {})
      this.screen.direction = 'inactive'
    }
  }

  private remoteTrack(e: RTCTrackEvent): void {
    const mid = e.transceiver?.mid ?? undefined
    const info = (mid ? this.infoByMid.get(mid) : undefined) ?? this.infoByTrack.get(e.track.id)
    const pid = info?.participantId ?? e.streams[0]?.id ?? 'unknown'
    let r = this.remotes.get(pid)
    if (!r) {
      r = { id: pid, name: info?.participantName ?? '', camera: new MediaStream(), screen: undefined, silentVideo: false }
      this.remotes.set(pid, r)
    }
    if (info?.participantName) r.name = info.participantName
    const remote = r
    if (info?.source === 'screen' || info?.source === 'screen-audio') {
      if (!remote.screen) remote.screen = new MediaStream()
      remote.screen.addTrack(e.track)
    } else {
      for (const old of remote.camera.getTracks()) if (old.kind === e.track.kind && old !== e.track) remote.camera.removeTrack(old)
      remote.camera.addTrack(e.track)
    }
    const track = e.track
    track.addEventListener('ended', () => this.removeTrack(remote, track))
    track.addEventListener('mute', () => this.mediaChanged(remote))
    track.addEventListener('unmute', () => this.mediaChanged(remote))
    this.mediaChanged(remote)
  }

  /** A remote track's media started or stopped (mute/unmute): tell the tiles. */
  private mediaChanged(r: Remote): void {
    const videoFlows = r.camera.getVideoTracks().some((t) => !t.muted)
    const audioFlows = r.camera.getAudioTracks().some((t) => !t.muted)
    if (videoFlows || !audioFlows) {
      r.silentVideo = false
      clearTimeout(r.silentTimer)
      r.silentTimer = undefined
    } else if (!r.silentVideo && r.silentTimer === undefined) {
      r.silentTimer = setTimeout(() => {
        r.silentTimer = undefined
        if (this.closed || r.camera.getVideoTracks().some((t) => !t.muted)) return
        r.silentVideo = true
        this.publishRemotes()
      }, SILENT_VIDEO_MS)
    }
    this.publishRemotes()
  }

  private dropRemote(t: TrackInfo): void {
    for (const r of this.remotes.values()) {
      for (const s of [r.camera, r.screen]) {
        if (!s) continue
        for (const track of s.getTracks()) {
          const info = this.infoForTrack(track)
          if (info && ((t.trackId && info.trackId === t.trackId) || (t.mid && info.mid === t.mid))) this.removeTrack(r, track)
        }
      }
    }
  }

  private infoForTrack(track: MediaStreamTrack): TrackInfo | undefined {
    const tr = this.pc.getTransceivers().find((x) => x.receiver.track === track)
    return (tr?.mid ? this.infoByMid.get(tr.mid) : undefined) ?? this.infoByTrack.get(track.id)
  }

  private removeTrack(r: Remote, track: MediaStreamTrack): void {
    r.camera.removeTrack(track)
    if (r.screen) {
      r.screen.removeTrack(track)
      if (r.screen.getTracks().length === 0) r.screen = undefined
    }
    if (r.camera.getTracks().length === 0 && !r.screen) {
      clearTimeout(r.silentTimer)
      this.remotes.delete(r.id)
    }
    this.publishRemotes()
  }

  private publishRemotes(): void {
    this.set({
      remotes: [...this.remotes.values()].map((r) => ({
        id: r.id,
        name: r.name,
        camera: r.camera,
        screen: r.screen,
        hasVideo: r.camera.getVideoTracks().length > 0 && !r.silentVideo,
        hasAudio: r.camera.getAudioTracks().length > 0,
      })),
    })
  }

  private connectionState(): void {
    const s = this.pc.connectionState
    if (this.snap.status === 'unavailable' || this.closed) return
    if (s === 'connected') {
      const waiting = this.opts.prepare && !this.admitted
      if (waiting && !this.sending) void this.keepResolution()
      this.set({ status: waiting ? 'waiting' : 'connected', detail: undefined })
    } else if (s === 'failed') {
      this.set({ status: 'reconnecting' })
      this.out({ type: 'restart' })
    } else if (s === 'disconnected') this.set({ status: 'reconnecting' })
  }

  private iceState(): void {
    const s = this.pc.iceConnectionState
    if (s === 'disconnected') {
      if (this.disconnectTimer === undefined) {
        this.disconnectTimer = setTimeout(() => {
          this.disconnectTimer = undefined
          if (this.pc.iceConnectionState === 'disconnected') this.out({ type: 'restart' })
        }, DISCONNECT_GRACE_MS)
      }
    } else if (this.disconnectTimer !== undefined) {
      clearTimeout(this.disconnectTimer)
      this.disconnectTimer = undefined
    }
  }

  /** Samples getStats() for the quality indicator. */
  async sample(): Promise<QualityReport> {
    if (this.closed) return this.snap.quality
    try {
      const report = (await this.pc.getStats()) as unknown as { values(): Iterable<Record<string, unknown> & { type: string; id: string }> }
      const cur = sampleFrom(report)
      const q = classify(this.lastSample, cur)
      this.lastSample = cur
      this.set({ quality: q })
      return q
    } catch {
      return this.snap.quality
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.offLocal()
    if (this.disconnectTimer !== undefined) clearTimeout(this.disconnectTimer)
    clearTimeout(this.resolutionTimer)
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = null
    this.pc.onconnectionstatechange = this.pc.oniceconnectionstatechange = null
    this.pc.close()
    this.set({ status: 'closed', remotes: [] })
  }
}

const IDLE = emptyCall('closed')
const noop = () => () => {}

/** What the call screen drives: PeerSession, or LiveKitSession on a LiveKit call. */
export type CallSession = Pick<PeerSession, 'subscribe' | 'getSnapshot' | 'admit' | 'handle' | 'sample' | 'close'>

export function usePeer(peer: CallSession | undefined): PeerSnapshot {
  return useSyncExternalStore(peer?.subscribe ?? noop, peer?.getSnapshot ?? (() => IDLE))
}
