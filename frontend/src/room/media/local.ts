// LocalMedia owns this tab's camera, microphone and screen share: it asks for
// them, remembers the chosen devices, switches devices, mutes and stops. The
// device check and the call use the same instance, so the tracks the candidate
// tested are the tracks the interviewer receives. Peers listen for track
// changes (onTrack) and replace their senders' tracks.

import { useSyncExternalStore } from 'react'
import { Snapshots } from '../snapshots'
import { classifyMediaError, type MediaProblem } from './guidance'

export type DeviceOption = { deviceId: string; label: string }

export type LocalMediaState = {
  status: 'idle' | 'starting' | 'ready'
  audio: MediaStreamTrack | undefined
  video: MediaStreamTrack | undefined
  /** A stream with the current video track, for the self view. */
  preview: MediaStream | undefined
  cameraProblem: MediaProblem | undefined
  micProblem: MediaProblem | undefined
  cameras: DeviceOption[]
  microphones: DeviceOption[]
  speakers: DeviceOption[]
  cameraId: string | undefined
  microphoneId: string | undefined
  speakerId: string | undefined
  micMuted: boolean
  cameraOff: boolean
  screen: MediaStream | undefined
  screenError: string | undefined
}

export type TrackKind = 'audio' | 'video' | 'screen'

type TrackListener = (kind: TrackKind, track: MediaStreamTrack | undefined, stream: MediaStream | undefined) => void

const STORAGE = 'interviewdesk.room.devices'

/** Whether this browser can ask for a camera and microphone at all. */
export const mediaSupported = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'

export const screenShareSupported = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function'

/** Chrome and Edge can route audio to a chosen output (HTMLMediaElement.setSinkId). */
export const speakerChoiceSupported = (): boolean =>
  typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype

const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } }
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true }

export class LocalMedia extends Snapshots<LocalMediaState> {
  private trackListeners = new Set<TrackListener>()
  private disposed = false
  private watching = false
  private onDeviceChange = () => void this.enumerate()

  constructor() {
    const saved = loadChoices()
    super({
      status: 'idle',
      audio: undefined,
      video: undefined,
      preview: undefined,
      cameraProblem: undefined,
      micProblem: undefined,
      cameras: [],
      microphones: [],
      speakers: [],
      cameraId: saved.cameraId,
      microphoneId: saved.microphoneId,
      speakerId: saved.speakerId,
      micMuted: false,
      cameraOff: false,
      screen: undefined,
      screenError: undefined,
    })
  }

  /** Peers learn about new, switched and stopped tracks here. */
  onTrack(fn: TrackListener): () => void {
    this.trackListeners.add(fn)
    return () => this.trackListeners.delete(fn)
  }

  /**
   * Asks for camera and microphone (once; again after a problem). When both
   * together fail, each is tried alone so the guidance names the right one.
   */
  async start(): Promise<void> {
    if (this.snap.status === 'starting') return
    if (!mediaSupported()) {
      const problem: MediaProblem = typeof window !== 'undefined' && window.isSecureContext === false ? 'insecure' : 'unsupported'
      this.set({ status: 'ready', cameraProblem: problem, micProblem: problem })
      return
    }
    const wantVideo = !this.snap.video && !this.snap.cameraOff
    const wantAudio = !this.snap.audio
    if (!wantVideo && !wantAudio) return
    this.set({ status: 'starting' })
    if (!this.watching) {
      this.watching = true
      navigator.mediaDevices.addEventListener?.('devicechange', this.onDeviceChange)
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: wantAudio ? this.audioConstraints() : false,
        video: wantVideo ? this.videoConstraints() : false,
      })
      if (this.disposed) return stopAll(stream)
      this.adopt(stream.getAudioTracks()[0], stream.getVideoTracks()[0])
      this.set({ cameraProblem: undefined, micProblem: undefined })
    } catch (both) {
      if (this.disposed) return
      // One of them may work alone (e.g. no camera on this machine).
      const audio = wantAudio ? await this.tryOne('audio') : { track: this.snap.audio, problem: undefined }
      const video = wantVideo ? await this.tryOne('video') : { track: this.snap.video, problem: undefined }
      if (this.disposed) {
        audio.track?.stop()
        video.track?.stop()
        return
      }
      this.adopt(audio.track, video.track)
      const fallback = classifyMediaError(both)
      this.set({
        micProblem: audio.track ? undefined : (audio.problem ?? fallback),
        cameraProblem: video.track || this.snap.cameraOff ? undefined : (video.problem ?? fallback),
      })
    }
    this.set({ status: 'ready' })
    await this.enumerate()
  }

  private async tryOne(kind: 'audio' | 'video'): Promise<{ track?: MediaStreamTrack; problem?: MediaProblem }> {
    try {
      const s = await navigator.mediaDevices.getUserMedia(
        kind === 'audio' ? { audio: this.audioConstraints() } : { video: this.videoConstraints() },
      )
      const track = kind === 'audio' ? s.getAudioTracks()[0] : s.getVideoTracks()[0]
      return track ? { track } : { problem: 'notfound' }
    } catch (e) {
      const problem = classifyMediaError(e)
      // A device chosen last time may be gone: forget it and take the default.
      const saved = kind === 'audio' ? 'microphoneId' : 'cameraId'
      if (problem === 'notfound' && this.snap[saved]) {
        this.set({ [saved]: undefined })
        return this.tryOne(kind)
      }
      return { problem }
    }
  }

  private audioConstraints(): MediaTrackConstraints {
    return this.snap.microphoneId ? { ...AUDIO, deviceId: { exact: this.snap.microphoneId } } : AUDIO
  }

  private videoConstraints(): MediaTrackConstraints {
    return this.snap.cameraId ? { ...VIDEO, deviceId: { exact: this.snap.cameraId } } : VIDEO
  }

  private adopt(audio: MediaStreamTrack | undefined, video: MediaStreamTrack | undefined): void {
    if (audio && audio !== this.snap.audio) {
      this.snap.audio?.stop()
      audio.enabled = !this.snap.micMuted
      this.set({ audio, microphoneId: audio.getSettings().deviceId ?? this.snap.microphoneId })
      this.emit('audio', audio)
    }
    if (video && video !== this.snap.video) {
      this.snap.video?.stop()
      this.set({
        video,
        preview: new MediaStream([video]),
        cameraId: video.getSettings().deviceId ?? this.snap.cameraId,
      })
      this.emit('video', video)
    }
  }

  async enumerate(): Promise<void> {
    if (typeof navigator.mediaDevices?.enumerateDevices !== 'function') return
    try {
      const all = await navigator.mediaDevices.enumerateDevices()
      const pick = (kind: MediaDeviceKind, noun: string) =>
        all
          .filter((d) => d.kind === kind && d.deviceId !== '')
          .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${noun} ${i + 1}` }))
      this.set({
        cameras: pick('videoinput', 'Camera'),
        microphones: pick('audioinput', 'Microphone'),
        speakers: speakerChoiceSupported() ? pick('audiooutput', 'Speaker') : [],
      })
    } catch {
      // keep what we had
    }
  }

  /** Switches the camera; the call's sender gets the new track. */
  async setCamera(deviceId: string): Promise<void> {
    this.set({ cameraId: deviceId })
    saveChoices(this.snap)
    if (this.snap.cameraOff || !mediaSupported()) return
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: this.videoConstraints() })
      this.adopt(undefined, s.getVideoTracks()[0])
      this.set({ cameraProblem: undefined })
    } catch (e) {
      this.set({ cameraProblem: classifyMediaError(e) })
    }
  }

  async setMicrophone(deviceId: string): Promise<void> {
    this.set({ microphoneId: deviceId })
    saveChoices(this.snap)
    if (!mediaSupported()) return
    try {
      const s = await navigator.mediaDevices.getUserMedia({ audio: this.audioConstraints() })
      this.adopt(s.getAudioTracks()[0], undefined)
      this.set({ micProblem: undefined })
    } catch (e) {
      this.set({ micProblem: classifyMediaError(e) })
    }
  }

  setSpeaker(deviceId: string): void {
    this.set({ speakerId: deviceId })
    saveChoices(this.snap)
  }

  setMicMuted(muted: boolean): void {
    if (this.snap.audio) this.snap.audio.enabled = !muted
    this.set({ micMuted: muted })
  }

  /** Camera off stops the track (the camera light goes out); on asks again. */
  async setCameraOff(off: boolean): Promise<void> {
    if (off) {
      this.snap.video?.stop()
      this.set({ cameraOff: true, video: undefined, preview: undefined })
      this.emit('video', undefined)
      return
    }
    this.set({ cameraOff: false })
    await this.start()
  }

  async startScreenShare(): Promise<void> {
    if (!screenShareSupported()) {
      this.set({ screenError: 'This browser cannot share the screen.' })
      return
    }
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false })
      const track = stream.getVideoTracks()[0]
      if (!track) return
      track.addEventListener('ended', () => this.stopScreenShare())
      track.contentHint = 'detail'
      this.set({ screen: stream, screenError: undefined })
      this.emit('screen', track, stream)
    } catch (e) {
      const name = (e as { name?: string }).name
      // Cancelling the browser's picker is not an error worth showing.
      this.set({ screenError: name === 'NotAllowedError' || name === 'AbortError' ? undefined : 'Screen sharing did not start.' })
    }
  }

  stopScreenShare(): void {
    const s = this.snap.screen
    if (!s) return
    stopAll(s)
    this.set({ screen: undefined })
    this.emit('screen', undefined, undefined)
  }

  /** Stops everything (the call is over or the tab gave the room away). */
  stop(): void {
    this.snap.audio?.stop()
    this.snap.video?.stop()
    if (this.snap.screen) stopAll(this.snap.screen)
    this.set({ audio: undefined, video: undefined, preview: undefined, screen: undefined, status: 'idle' })
  }

  /** Undoes dispose (React's development double mount). */
  activate(): void {
    this.disposed = false
  }

  dispose(): void {
    this.disposed = true
    this.stop()
    this.watching = false
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange)
  }

  private emit(kind: TrackKind, track: MediaStreamTrack | undefined, stream?: MediaStream): void {
    for (const fn of this.trackListeners) fn(kind, track, stream)
  }
}

function stopAll(s: MediaStream): void {
  for (const t of s.getTracks()) t.stop()
}

type Choices = { cameraId?: string; microphoneId?: string; speakerId?: string }

function loadChoices(): Choices {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE) ?? '{}') as Choices
    return typeof v === 'object' && v !== null ? v : {}
  } catch {
    return {}
  }
}

function saveChoices(s: LocalMediaState): void {
  try {
    localStorage.setItem(STORAGE, JSON.stringify({ cameraId: s.cameraId, microphoneId: s.microphoneId, speakerId: s.speakerId }))
  } catch {
    // private mode: the choice lasts for this page
  }
}

export function useLocalMedia(local: LocalMedia): LocalMediaState {
  return useSyncExternalStore(local.subscribe, local.getSnapshot)
}
