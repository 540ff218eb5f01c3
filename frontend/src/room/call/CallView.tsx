// The call, written once for both roles: participant tiles (with the shared
// screen when there is one), the self view, and the control bar.

import { useState, type ReactNode } from 'react'
import { Dialog } from '../../ui/Dialog'
import { openURL } from '../../platform/native'
import { screenShareSupported, useLocalMedia, type LocalMedia } from '../media/local'
import { usePeer, type CallSession, type PeerSnapshot, type RemoteParticipant } from '../media/peer'
import type { QualityReport } from '../media/stats'
import type { Member, Role } from '../protocol'
import { DevicePickers, LevelMeter, TestSoundButton } from './DeviceControls'
import {
  CameraIcon,
  CameraOffIcon,
  LeaveIcon,
  MicIcon,
  MicOffIcon,
  PhoneIcon,
  ScreenIcon,
  SettingsIcon,
} from './icons'
import { initials, Tile } from './Tile'

export type RemoteTile = {
  id: string
  name: string
  role: Role | undefined
  camera: MediaStream | undefined
  screen: MediaStream | undefined
  status: string
}

/**
 * The remote tiles: everyone present but us, with their media when it has
 * arrived; a placeholder for whom we expect when nobody is there yet, so the
 * picture does not jump when they arrive.
 */
export function remoteTiles(o: {
  self: string
  members: readonly Member[]
  remotes: readonly RemoteParticipant[]
  expected: readonly string[]
  candidateAdmitted: boolean
  peerStatus: PeerSnapshot['status'] | 'none'
}): RemoteTile[] {
  // The host names call participants by a stable ID ("candidate", or
  // "interviewer-…" for each person), not by connection: match by role and name.
  const remaining = [...o.remotes]
  const take = (m: Member): RemoteParticipant | undefined => {
    const i = remaining.findIndex(
      (r) => r.id === m.id || (m.role === 'candidate' ? r.id === 'candidate' : r.id !== 'candidate' && r.name === m.name),
    )
    return i < 0 ? undefined : remaining.splice(i, 1)[0]
  }
  const statusFor = (m: Member | undefined, r: RemoteParticipant | undefined): string => {
    if (o.peerStatus === 'unavailable') return 'Video is not available on this host'
    if (o.peerStatus === 'none') return 'No video in this browser'
    if (m?.role === 'candidate' && !m.ready) return 'Checking camera and microphone'
    if (m?.role === 'candidate' && !o.candidateAdmitted) return 'In the waiting room'
    if (r && !r.hasVideo) return r.hasAudio ? 'Camera off' : 'Connecting…'
    return 'Connecting video…'
  }
  const tiles: RemoteTile[] = []
  for (const m of o.members) {
    if (m.id === o.self) continue
    const r = take(m)
    tiles.push({ id: m.id, name: m.name || r?.name || 'Participant', role: m.role, camera: r?.camera, screen: r?.screen, status: statusFor(m, r) })
  }
  for (const r of remaining) {
    tiles.push({ id: r.id, name: r.name || 'Participant', role: undefined, camera: r.camera, screen: r.screen, status: statusFor(undefined, r) })
  }
  if (tiles.length === 0) {
    const name = o.expected.length > 0 ? o.expected.join(', ') : 'Participant'
    tiles.push({ id: 'expected', name, role: undefined, camera: undefined, screen: undefined, status: 'Not here yet' })
  }
  return tiles
}

type Props = {
  role: Role
  you: string
  self: string
  members: readonly Member[]
  expected: readonly string[]
  candidateAdmitted: boolean
  local: LocalMedia
  peer: CallSession | undefined
  /** False in a browser without RTCPeerConnection (Linux desktop webview). */
  webrtc: boolean
  onLeave: () => void
  /** Interviewers: the red phone. */
  onEnd?: (() => Promise<void>) | undefined
}

export function CallView(p: Props) {
  const media = useLocalMedia(p.local)
  const peer = usePeer(p.peer)
  const tiles = remoteTiles({
    self: p.self,
    members: p.members,
    remotes: peer.remotes,
    expected: p.expected,
    candidateAdmitted: p.candidateAdmitted,
    peerStatus: p.webrtc ? (p.peer ? peer.status : 'connecting') : 'none',
  })
  const screens = tiles.filter((t) => t.screen)
  const sharing = !!media.screen
  const layout = screens.length > 0 ? 'screen' : tiles.length > 1 ? 'grid' : 'single'

  if (!p.webrtc) {
    // No call here: say so, list who is in the room, keep Leave and End.
    return (
      <section className="call" aria-label="Video call">
        <NoWebRTC />
        <ul className="participants" aria-label="In the room">
          {tiles
            .filter((t) => t.id !== 'expected')
            .map((t) => (
              <li key={t.id}>
                <span className="avatar" aria-hidden="true">
                  {initials(t.name)}
                </span>
                <span>{t.name}</span>
                {t.role === 'candidate' && <span className="badge badge-muted">candidate</span>}
              </li>
            ))}
          {tiles.every((t) => t.id === 'expected') && <li className="muted">Nobody else is here yet.</li>}
        </ul>
        <Controls {...p} sharing={false} peerSnap={peer} />
      </section>
    )
  }

  return (
    <section className="call" aria-label="Video call">
      <div className={`call-stage call-stage-${layout}`}>
        {screens.map((t) => (
          <Tile key={`${t.id}-screen`} name={t.name} suffix="· shared screen" stream={t.screen} kind="screen" className="tile-main" speakerId={media.speakerId} />
        ))}
        <div className={`call-tiles call-tiles-${Math.min(tiles.length, 4)}`}>
          {tiles.map((t) => (
            <Tile key={t.id} name={t.name} stream={t.camera} status={t.status} speakerId={media.speakerId} />
          ))}
        </div>
        <Tile
          name={p.you || 'You'}
          suffix="(you)"
          self
          stream={media.preview}
          status={media.cameraOff ? 'Camera off' : media.cameraProblem ? 'No camera' : 'Starting camera…'}
          micOff={media.micMuted || !media.audio}
          className="tile-self"
        />
        {sharing && (
          <p className="call-sharing" role="status">
            You are sharing your screen
          </p>
        )}
      </div>
      <Controls {...p} sharing={sharing} peerSnap={peer} />
    </section>
  )
}

function NoWebRTC() {
  return (
    <div className="banner call-banner" role="note">
      <div>
        <p className="banner-title">Video needs a browser with WebRTC</p>
        <p className="muted">This window cannot hold the video call. Everything else here keeps working.</p>
      </div>
      <button type="button" className="btn btn-primary" onClick={() => void openURL(window.location.href)}>
        Open in browser
      </button>
    </div>
  )
}

function Controls(p: Props & { sharing: boolean; peerSnap: PeerSnapshot }) {
  const media = useLocalMedia(p.local)
  const [dialog, setDialog] = useState<'devices' | 'leave' | 'end' | undefined>()
  const [ending, setEnding] = useState(false)
  const [endError, setEndError] = useState('')
  return (
    <div className="call-controls" role="group" aria-label="Call controls">
      <QualityIndicator peer={p.peerSnap} webrtc={p.webrtc} hasPeer={!!p.peer} />
      <div className="call-controls-main">
        {p.webrtc && (
          <>
            <ControlButton
              label={media.micMuted ? 'Unmute' : 'Mute'}
              active={media.micMuted}
              disabled={!media.audio}
              onClick={() => p.local.setMicMuted(!media.micMuted)}
              icon={media.micMuted ? <MicOffIcon /> : <MicIcon />}
            />
            <ControlButton
              label={media.cameraOff ? 'Start video' : 'Stop video'}
              active={media.cameraOff}
              disabled={!media.video && !media.cameraOff}
              onClick={() => void p.local.setCameraOff(!media.cameraOff)}
              icon={media.cameraOff ? <CameraOffIcon /> : <CameraIcon />}
            />
            {screenShareSupported() && (
              <ControlButton
                label={p.sharing ? 'Stop sharing' : 'Share screen'}
                active={p.sharing}
                onClick={() => (p.sharing ? p.local.stopScreenShare() : void p.local.startScreenShare())}
                icon={<ScreenIcon />}
              />
            )}
            <ControlButton label="Devices" onClick={() => setDialog('devices')} icon={<SettingsIcon />} />
          </>
        )}
        <ControlButton label="Leave" onClick={() => setDialog('leave')} icon={<LeaveIcon />} />
        {p.onEnd && (
          <button type="button" className="control control-end" aria-label="End interview" onClick={() => setDialog('end')}>
            <span className="control-icon">
              <PhoneIcon />
            </span>
            <span className="control-label" aria-hidden="true">
              End
            </span>
          </button>
        )}
      </div>
      {media.screenError && (
        <p className="call-error" role="alert">
          {media.screenError}
        </p>
      )}
      {dialog === 'devices' && <DevicesDialog local={p.local} onClose={() => setDialog(undefined)} />}
      {dialog === 'leave' && (
        <Dialog
          title="Leave the interview?"
          description={
            p.role === 'candidate'
              ? 'You can come back with the same link while the interview is running.'
              : 'The interview goes on without you. To end it for everyone, use End interview instead.'
          }
          onClose={() => setDialog(undefined)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setDialog(undefined)} data-autofocus>
                Stay
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setDialog(undefined)
                  p.onLeave()
                }}
              >
                Leave
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
      {dialog === 'end' && p.onEnd && (
        <Dialog
          title="End the interview for everyone?"
          description="The call closes for everyone and the recording stops. The candidate sees the completion message. This cannot be undone."
          onClose={() => setDialog(undefined)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setDialog(undefined)} data-autofocus>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={ending}
                onClick={() => {
                  setEnding(true)
                  setEndError('')
                  p.onEnd?.().then(
                    () => setDialog(undefined),
                    (e: unknown) => {
                      setEnding(false)
                      setEndError(e instanceof Error ? e.message : 'The interview could not be ended.')
                    },
                  )
                }}
              >
                {ending ? 'Ending…' : 'End interview'}
              </button>
            </>
          }
        >
          {endError && (
            <p className="field-error" role="alert">
              {endError}
            </p>
          )}
        </Dialog>
      )}
    </div>
  )
}

export function DevicesDialog({ local, onClose }: { local: LocalMedia; onClose: () => void }) {
  const media = useLocalMedia(local)
  return (
    <Dialog
      title="Camera, microphone and speakers"
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="devices-dialog">
        <DevicePickers local={local} state={media} />
        <div className="device-meter">
          <span className="field-label">Microphone level</span>
          <LevelMeter track={media.audio} />
        </div>
        <TestSoundButton speakerId={media.speakerId} />
      </div>
    </Dialog>
  )
}

/** Mute, camera and devices: the waiting room's small control row. */
export function MediaToggles({ local }: { local: LocalMedia }) {
  const media = useLocalMedia(local)
  const [devices, setDevices] = useState(false)
  return (
    <div className="media-toggles" role="group" aria-label="Camera and microphone">
      <ControlButton
        label={media.micMuted ? 'Unmute' : 'Mute'}
        active={media.micMuted}
        disabled={!media.audio}
        onClick={() => local.setMicMuted(!media.micMuted)}
        icon={media.micMuted ? <MicOffIcon /> : <MicIcon />}
      />
      <ControlButton
        label={media.cameraOff ? 'Start video' : 'Stop video'}
        active={media.cameraOff}
        disabled={!media.video && !media.cameraOff}
        onClick={() => void local.setCameraOff(!media.cameraOff)}
        icon={media.cameraOff ? <CameraOffIcon /> : <CameraIcon />}
      />
      <ControlButton label="Devices" onClick={() => setDevices(true)} icon={<SettingsIcon />} />
      {devices && <DevicesDialog local={local} onClose={() => setDevices(false)} />}
    </div>
  )
}

function ControlButton(p: { label: string; icon: ReactNode; onClick: () => void; active?: boolean; disabled?: boolean }) {
  return (
    <button
      type="button"
      className={`control${p.active ? ' control-active' : ''}`}
      onClick={p.onClick}
      disabled={p.disabled}
    >
      <span className="control-icon">{p.icon}</span>
      <span className="control-label">{p.label}</span>
    </button>
  )
}

const QUALITY_TEXT: Record<QualityReport['quality'], string> = {
  good: 'Good connection',
  fair: 'Fair connection',
  poor: 'Poor connection',
  unknown: 'Measuring connection…',
}

export function QualityIndicator({ peer, webrtc, hasPeer }: { peer: PeerSnapshot; webrtc: boolean; hasPeer: boolean }) {
  let text: string
  let level: QualityReport['quality'] | 'off' = peer.quality.quality
  if (!webrtc) {
    text = 'No video in this browser'
    level = 'off'
  } else if (!hasPeer || peer.status === 'closed') {
    text = 'Not connected'
    level = 'off'
  } else if (peer.status === 'unavailable') {
    text = 'Video unavailable'
    level = 'off'
  } else if (peer.status === 'waiting') {
    text = 'Ready to connect'
    level = 'off'
  } else if (peer.status === 'connecting') {
    text = 'Connecting…'
    level = 'unknown'
  } else if (peer.status === 'reconnecting') {
    text = 'Reconnecting…'
    level = 'poor'
  } else {
    text = QUALITY_TEXT[peer.quality.quality]
  }
  const q = peer.quality
  const details = [
    q.rtt !== undefined ? `round trip ${Math.round(q.rtt * 1000)} ms` : '',
    q.loss !== undefined ? `${(q.loss * 100).toFixed(1)} % lost` : '',
    q.via === 'relay' ? 'via relay' : q.via ? 'direct' : '',
  ]
    .filter(Boolean)
    .join(', ')
  const bars = level === 'good' ? 3 : level === 'fair' ? 2 : level === 'poor' ? 1 : 0
  return (
    <div className={`quality quality-${level}`} role="status" title={peer.detail ?? details}>
      <span className="quality-bars" aria-hidden="true">
        {[1, 2, 3].map((i) => (
          <span key={i} className={i <= bars ? 'on' : ''} />
        ))}
      </span>
      <span className="quality-text">{text}</span>
    </div>
  )
}
