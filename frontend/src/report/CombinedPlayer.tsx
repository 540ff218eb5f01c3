// The one recording of the call: everyone's camera and microphone in sync,
// in picture-in-picture or a grid (the grid is built after the analysis, or
// when asked for, with its progress), the people speaking now lit up, and a
// scrubber marked with the questions, the topics covered and the notes.

import { useCallback, useRef, useState } from 'react'
import { recordingURL, type CombinedRecording, type RecordingLayout, type RecordingLayoutName, type SpeakerVoice } from '../api/analysis'
import { errorMessage } from '../api/client'
import { formatClock } from '../interviews/RecordingsPanel'
import type { Marker, MarkerKind } from '../playback/markers'
import { MarkerLegend, Scrubber } from '../playback/Scrubber'
import { speakingAt, type Clock } from './speaking'
import type { Player } from './usePlayer'

/** What the recording's scrubber marks. */
export const CONVERSATION_MARKERS: MarkerKind[] = ['question', 'topic', 'note']

const LAYOUTS: { name: RecordingLayoutName; label: string }[] = [
  { name: 'pip', label: 'Picture-in-picture' },
  { name: 'grid', label: 'Grid' },
]

/** A layout's state; picture-in-picture is always there with a recording. */
export function layoutOf(rec: CombinedRecording, name: RecordingLayoutName): RecordingLayout | undefined {
  const l = rec.layouts.find((x) => x.name === name)
  return l ?? (name === 'pip' ? { name, status: 'ready', progress: 1 } : undefined)
}

export function CombinedPlayer({
  interviewId,
  recording,
  voices,
  clock,
  markers,
  player,
  onBuild,
}: {
  interviewId: string
  recording: CombinedRecording
  voices: readonly SpeakerVoice[]
  clock: Clock
  markers: readonly Marker[]
  player: Player
  /** Asks the host to build a layout that is not there. */
  onBuild: (name: RecordingLayoutName) => Promise<void>
}) {
  const [want, setWant] = useState<RecordingLayoutName>('pip')
  const [error, setError] = useState('')
  const wanted = layoutOf(recording, want)
  const shown: RecordingLayoutName = wanted?.status === 'ready' ? want : 'pip'
  // Where to go on in the new file when the layout changes.
  const resume = useRef<{ at: number; play: boolean } | undefined>(undefined)
  const video = useRef<HTMLVideoElement | null>(null)
  const { ref: playerRef } = player
  const attach = useCallback(
    (el: HTMLVideoElement | null) => {
      video.current = el
      playerRef(el)
    },
    [playerRef],
  )
  const lastShown = useRef(shown)
  if (lastShown.current !== shown) {
    // Read before React swaps the file: a new src starts again at 0 s.
    const v = video.current
    if (v) resume.current = { at: v.currentTime, play: !v.paused }
    lastShown.current = shown
  }

  const build = async (name: RecordingLayoutName) => {
    setError('')
    try {
      await onBuild(name)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const choose = (name: RecordingLayoutName) => {
    setWant(name)
    const l = layoutOf(recording, name)
    if (!l || l.status === 'failed') void build(name)
  }

  return (
    <div className="player">
      <div className="player-bar">
        <div className="layout-switch" role="group" aria-label="Layout">
          {LAYOUTS.map((l) => (
            <button key={l.name} type="button" className="btn btn-small" aria-pressed={want === l.name} onClick={() => choose(l.name)}>
              {l.label}
            </button>
          ))}
        </div>
        <LayoutState layout={wanted} label={LAYOUTS.find((l) => l.name === want)!.label} error={error} onRetry={() => void build(want)} />
      </div>
      <video
        ref={attach}
        src={recordingURL(interviewId, shown)}
        data-layout={shown}
        controls
        preload="metadata"
        aria-label="The interview’s recording, everyone in sync"
        onLoadedMetadata={(e) => {
          const r = resume.current
          resume.current = undefined
          if (!r) return
          e.currentTarget.currentTime = r.at
          if (r.play) void e.currentTarget.play()?.catch(() => {})
        }}
      />
      <Speakers voices={voices} offset={player.t - clock.origin} />
      <div className="player-scrubber">
        <Scrubber start={clock.start} end={clock.end} t={player.t} markers={markers} onSeek={(at) => player.seek(at)} label="Recording position" />
        <span className="player-time">
          {formatClock(player.t - clock.start)} / {formatClock(clock.end - clock.start)}
        </span>
      </div>
      <MarkerLegend kinds={CONVERSATION_MARKERS} />
    </div>
  )
}

function LayoutState({ layout, label, error, onRetry }: { layout?: RecordingLayout; label: string; error: string; onRetry: () => void }) {
  if (error) {
    return (
      <p className="field-error player-layout-state" role="alert">
        Could not build the {label.toLowerCase()} layout: {error}{' '}
        <button type="button" className="btn btn-ghost btn-small" onClick={onRetry}>
          Try again
        </button>
      </p>
    )
  }
  if (!layout || layout.status === 'building') {
    const pct = Math.round((layout?.progress ?? 0) * 100)
    return (
      <div className="player-layout-state" role="status">
        <label htmlFor="layout-progress">Building the {label.toLowerCase()} layout… the other one plays meanwhile</label>
        <progress id="layout-progress" max={1} value={layout?.progress ?? 0} aria-valuetext={`${pct} %`} />
      </div>
    )
  }
  if (layout.status === 'failed') {
    return (
      <p className="field-error player-layout-state" role="alert">
        The {label.toLowerCase()} layout could not be built: {layout.error || 'no reason was given'}.{' '}
        <button type="button" className="btn btn-ghost btn-small" onClick={onRetry}>
          Try again
        </button>
      </p>
    )
  }
  return null
}

const candidateFirst = (v: SpeakerVoice) => (v.role === 'candidate' ? 0 : 1)

/** Name chips (the candidate's first) that light up while the person's microphone carries speech. */
function Speakers({ voices, offset }: { voices: readonly SpeakerVoice[]; offset: number }) {
  if (voices.length === 0) return null
  const now = speakingAt(voices, offset)
  return (
    <ul className="speakers" aria-label="Who is speaking">
      {[...voices].sort((a, b) => candidateFirst(a) - candidateFirst(b)).map((v) => {
        const on = now.has(v.participant)
        return (
          <li key={v.participant} className={on ? 'speaker speaker-on' : 'speaker'} data-speaking={on || undefined}>
            <span className="speaker-dot" aria-hidden="true" />
            {v.speaker}
            <span className="speaker-role">{v.role}</span>
            {on && <span className="visually-hidden"> (speaking)</span>}
          </li>
        )
      })}
    </ul>
  )
}
