import { useEffect, useRef, useState } from 'react'
import { MicOffIcon } from './icons'

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  if (parts.length === 0) return '?'
  const first = parts[0]![0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]![0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** Whether a stream has a video track that is live and receiving frames. */
function useLiveVideo(stream: MediaStream | undefined): boolean {
  const [, bump] = useState(0)
  // MediaStream.addTrack() from script fires no "addtrack": the effect re-runs
  // whenever the set of tracks changes, which re-renders bring.
  const tracks = stream ? stream.getTracks().map((t) => t.id).join(' ') : ''
  useEffect(() => {
    if (!stream) return
    const rerender = () => bump((n) => n + 1)
    const watched = new Set<MediaStreamTrack>()
    const watch = () => {
      for (const t of stream.getVideoTracks()) {
        if (watched.has(t)) continue
        watched.add(t)
        t.addEventListener('mute', rerender)
        t.addEventListener('unmute', rerender)
        t.addEventListener('ended', rerender)
      }
      rerender()
    }
    watch()
    stream.addEventListener('addtrack', watch)
    stream.addEventListener('removetrack', rerender)
    return () => {
      stream.removeEventListener('addtrack', watch)
      stream.removeEventListener('removetrack', rerender)
      for (const t of watched) {
        t.removeEventListener('mute', rerender)
        t.removeEventListener('unmute', rerender)
        t.removeEventListener('ended', rerender)
      }
    }
  }, [stream, tracks])
  return !!stream && stream.getVideoTracks().some((t) => t.readyState === 'live' && !t.muted)
}

type Props = {
  name: string
  /** Extra words after the name, e.g. "(you)" or "· screen". */
  suffix?: string
  stream?: MediaStream | undefined
  /** Local self view: muted element, mirrored picture. */
  self?: boolean
  /** Shown instead of the picture when there is no video. */
  status?: string
  micOff?: boolean
  kind?: 'camera' | 'screen'
  speakerId?: string | undefined
  className?: string
}

/**
 * One participant's picture (or initials while there is none). The box keeps
 * its size whatever arrives, so nothing around it moves.
 */
export function Tile({ name, suffix, stream, self = false, status, micOff, kind = 'camera', speakerId, className }: Props) {
  const ref = useRef<HTMLVideoElement>(null)
  const live = useLiveVideo(stream)
  const [blocked, setBlocked] = useState(false)
  const hasAudio = !self && !!stream && stream.getAudioTracks().length > 0
  const trackKey = stream ? stream.getTracks().map((t) => t.id).join(' ') : ''

  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (el.srcObject !== (stream ?? null)) el.srcObject = stream ?? null
    if (!stream) return
    el.play().then(
      () => setBlocked(false),
      (e: unknown) => {
        // Autoplay with sound needs a click first on some pages.
        if ((e as { name?: string }).name === 'NotAllowedError') setBlocked(true)
      },
    )
  }, [stream, live, hasAudio, trackKey])

  useEffect(() => {
    const el = ref.current as (HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }) | null
    if (!el || self || !speakerId || typeof el.setSinkId !== 'function') return
    el.setSinkId(speakerId).catch(() => {})
  }, [speakerId, self])

  const label = suffix ? `${name} ${suffix}` : name
  return (
    <figure className={`tile tile-${kind}${live ? ' tile-live' : ''}${className ? ` ${className}` : ''}`} aria-label={label}>
      <video
        ref={ref}
        className={`tile-video${self && kind === 'camera' ? ' tile-mirror' : ''}`}
        autoPlay
        playsInline
        muted={self}
        aria-hidden="true"
      />
      {!live && (
        <div className="tile-placeholder">
          <span className="tile-avatar" aria-hidden="true">
            {initials(name)}
          </span>
          {status && <span className="tile-status">{status}</span>}
        </div>
      )}
      <figcaption className="tile-name">
        {micOff && (
          <span className="tile-mic-off" role="img" aria-label="microphone off">
            <MicOffIcon />
          </span>
        )}
        <span>{label}</span>
      </figcaption>
      {blocked && (
        <button
          type="button"
          className="btn btn-small tile-sound"
          onClick={() => {
            void ref.current?.play().then(() => setBlocked(false), () => {})
          }}
        >
          Turn on sound
        </button>
      )}
    </figure>
  )
}
