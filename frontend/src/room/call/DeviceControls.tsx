// Device pickers, the microphone level meter and the speaker test: used by the
// candidate's device check and by the call's Devices dialog alike.

import { useRef, useState } from 'react'
import { Field } from '../../ui/Field'
import { playTestSound, useAudioLevel } from '../media/audio'
import { speakerChoiceSupported, type LocalMedia, type LocalMediaState } from '../media/local'
import { SpeakerIcon } from './icons'

export function LevelMeter({ track, label = 'Microphone level' }: { track: MediaStreamTrack | undefined; label?: string }) {
  const bar = useRef<HTMLDivElement>(null)
  const meter = useRef<HTMLDivElement>(null)
  const lastAria = useRef(0)
  useAudioLevel(track, (level) => {
    if (bar.current) bar.current.style.clipPath = `inset(0 ${(100 - level * 100).toFixed(1)}% 0 0)`
    const pct = Math.round(level * 100)
    const now = performance.now()
    if (meter.current && now - lastAria.current > 1000) {
      lastAria.current = now
      meter.current.setAttribute('aria-valuenow', String(pct))
      meter.current.setAttribute('aria-valuetext', pct > 8 ? 'sound detected' : 'quiet')
    }
  })
  return (
    <div
      ref={meter}
      className={`level${track ? '' : ' level-off'}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div ref={bar} className="level-bar" />
    </div>
  )
}

export function DevicePickers({ local, state, children }: { local: LocalMedia; state: LocalMediaState; children?: React.ReactNode }) {
  return (
    <div className="device-pickers">
      <Field label="Camera">
        <select
          className="input"
          value={state.cameraId ?? ''}
          disabled={state.cameras.length === 0}
          onChange={(e) => void local.setCamera(e.target.value)}
        >
          {state.cameras.length === 0 && <option value="">No camera found</option>}
          {state.cameras.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Microphone">
        <select
          className="input"
          value={state.microphoneId ?? ''}
          disabled={state.microphones.length === 0}
          onChange={(e) => void local.setMicrophone(e.target.value)}
        >
          {state.microphones.length === 0 && <option value="">No microphone found</option>}
          {state.microphones.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      {speakerChoiceSupported() && state.speakers.length > 0 ? (
        <Field label="Speakers">
          <select className="input" value={state.speakerId ?? ''} onChange={(e) => local.setSpeaker(e.target.value)}>
            {!state.speakerId && <option value="">System default</option>}
            {state.speakers.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <div className="field">
          <span className="field-label">Speakers</span>
          <p className="field-hint">This browser plays sound on the system’s output; choose it in your computer’s sound settings.</p>
        </div>
      )}
      {children}
    </div>
  )
}

export function TestSoundButton({ speakerId }: { speakerId: string | undefined }) {
  const [state, setState] = useState<'idle' | 'playing' | 'played' | 'error'>('idle')
  const [error, setError] = useState('')
  return (
    <div className="test-sound">
      <button
        type="button"
        className="btn"
        disabled={state === 'playing'}
        onClick={() => {
          setState('playing')
          playTestSound(speakerId).then(
            () => setState('played'),
            (e: unknown) => {
              setError(e instanceof Error ? e.message : 'The test sound did not play.')
              setState('error')
            },
          )
        }}
      >
        <SpeakerIcon />
        {state === 'playing' ? 'Playing…' : 'Play test sound'}
      </button>
      <span className="field-hint" role="status">
        {state === 'played' && 'Did you hear a chime? If not, check the volume and the output device.'}
        {state === 'error' && error}
      </span>
    </div>
  )
}
