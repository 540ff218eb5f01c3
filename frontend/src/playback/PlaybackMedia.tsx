// The interview's recorded camera and microphone tracks played in step with
// the playback clock: each element seeks to the clock's moment in its own
// track and plays at the clock's speed (sound only up to 4×).

import { useEffect, useRef } from 'react'
import type { Recording } from '../api/types'
import type { Clock } from './clock'

const MAX_MEDIA_SPEED = 4
const DRIFT_S = 0.35

function MediaTrack({ rec, clock, video, label, sound = false }: { rec: Recording; clock: Clock; video: boolean; label: string; sound?: boolean }) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null)
  const started = Date.parse(rec.started)
  const offset = (clock.t - started) / 1000
  const inside = offset >= 0 && offset <= rec.durationMs / 1000
  const playing = clock.playing && inside && clock.speed <= MAX_MEDIA_SPEED

  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (inside && (Math.abs(el.currentTime - offset) > DRIFT_S || !playing)) el.currentTime = offset
    el.playbackRate = Math.min(clock.speed, MAX_MEDIA_SPEED)
    if (playing && el.paused) el.play().catch(() => {})
    if (!playing && !el.paused) el.pause()
  }, [inside, offset, playing, clock.speed, clock.seeks])

  return video ? (
    <video ref={ref} src={rec.url} muted={!sound} playsInline preload="metadata" aria-label={label} hidden={!inside} />
  ) : (
    <audio ref={ref} src={rec.url} preload="metadata" aria-label={label} />
  )
}

/** The candidate's camera, large; every microphone, heard. */
export function PlaybackMedia({ recordings, clock }: { recordings: Recording[]; clock: Clock }) {
  const usable = recordings.filter((r) => r.finalised)
  const combined = usable.filter((r) => r.source === 'combined')
  if (combined.length > 0) {
    return (
      <div className="playback-media">
        {combined.map((r) => (
          <MediaTrack key={r.name} rec={r} clock={clock} video sound label="The interview’s recording" />
        ))}
      </div>
    )
  }
  const cameras = usable.filter((r) => r.kind === 'video' && r.source === 'camera')
  const camera = cameras.filter((r) => r.participant === 'candidate')
  const shown = camera.length > 0 ? camera : cameras
  const mics = usable.filter((r) => r.kind === 'audio')
  if (shown.length === 0 && mics.length === 0) return null
  const anyVideo = shown.some((r) => {
    const o = clock.t - Date.parse(r.started)
    return o >= 0 && o <= r.durationMs
  })
  return (
    <div className="playback-media">
      {shown.map((r) => (
        <MediaTrack key={r.name} rec={r} clock={clock} video label={`Camera of ${r.participantName || r.participant}`} />
      ))}
      {!anyVideo && shown.length > 0 && <p className="muted playback-media-none">No video at this moment.</p>}
      {mics.map((r) => (
        <MediaTrack key={r.name} rec={r} clock={clock} video={false} label={`Microphone of ${r.participantName || r.participant}`} />
      ))}
      {clock.speed > MAX_MEDIA_SPEED && clock.playing && <p className="muted">Sound and video pause above {MAX_MEDIA_SPEED}×.</p>}
    </div>
  )
}
