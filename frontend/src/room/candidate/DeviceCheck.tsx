import { useEffect, useMemo } from 'react'
import { DevicePickers, LevelMeter, TestSoundButton } from '../call/DeviceControls'
import { Tile } from '../call/Tile'
import { detectBrowser, detectOS, guidanceFor, type Devices, type MediaProblem } from '../media/guidance'
import { useLocalMedia, type LocalMedia } from '../media/local'

/** Camera preview, microphone level, test sound, pickers, and what to do when something is blocked. */
export function DeviceCheck({ local, you }: { local: LocalMedia; you: string }) {
  const media = useLocalMedia(local)
  useEffect(() => {
    void local.start()
  }, [local])

  const problems = useMemo(() => {
    const out: { devices: Devices; problem: MediaProblem }[] = []
    const cam = media.cameraOff ? undefined : media.cameraProblem
    const mic = media.micProblem
    if (cam && mic && cam === mic) out.push({ devices: 'camera and microphone', problem: cam })
    else {
      if (cam) out.push({ devices: 'camera', problem: cam })
      if (mic) out.push({ devices: 'microphone', problem: mic })
    }
    return out
  }, [media.cameraProblem, media.micProblem, media.cameraOff])

  const browser = detectBrowser(navigator.userAgent)
  const os = detectOS(navigator.userAgent)
  const cameraOk = !!media.video
  const micOk = !!media.audio

  return (
    <section className="card prejoin-section" aria-labelledby="device-check-title">
      <div className="section-head">
        <h2 id="device-check-title" className="section-title">
          Camera, microphone and speakers
        </h2>
        <p className="section-hint">Check that the interviewer will see and hear you. Nothing is recorded until the interview starts.</p>
      </div>
      <div className="device-check">
        <div className="device-preview">
          <Tile
            name={you || 'You'}
            suffix="(you)"
            self
            stream={media.preview}
            status={media.status === 'starting' ? 'Starting camera…' : media.cameraOff ? 'Camera off' : 'No camera picture'}
          />
          <div className="device-meter">
            <span className="field-label" id="mic-level-label">
              Microphone — say something
            </span>
            <LevelMeter track={media.audio} />
          </div>
        </div>
        <div className="device-side">
          <ul className="checklist" aria-label="Device status">
            <CheckItem ok={cameraOk} pending={media.status === 'starting'} text={cameraOk ? 'Camera works' : 'Camera not available'} />
            <CheckItem ok={micOk} pending={media.status === 'starting'} text={micOk ? 'Microphone works' : 'Microphone not available'} />
          </ul>
          <DevicePickers local={local} state={media}>
            <TestSoundButton speakerId={media.speakerId} />
          </DevicePickers>
        </div>
      </div>
      {problems.map(({ devices, problem }) => {
        const g = guidanceFor(problem, devices, browser, os)
        return (
          <div key={devices} className="panel panel-error guidance" role="alert">
            <h3 className="panel-title">{g.title}</h3>
            <ol>
              {g.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            <button type="button" className="btn" onClick={() => void local.start()}>
              Try again
            </button>
          </div>
        )
      })}
    </section>
  )
}

export function CheckItem({ ok, pending, text, warn }: { ok: boolean; pending?: boolean; text: string; warn?: boolean }) {
  const state = pending ? 'pending' : ok ? 'pass' : warn ? 'warn' : 'fail'
  const word = { pending: 'Checking', pass: 'Passed', fail: 'Failed', warn: 'Note' }[state]
  return (
    <li className={`check check-${state}`}>
      <span className="check-mark" aria-hidden="true">
        {{ pending: '…', pass: '✓', fail: '✕', warn: '!' }[state]}
      </span>
      <span>
        <span className="visually-hidden">{word}: </span>
        {text}
      </span>
    </li>
  )
}
