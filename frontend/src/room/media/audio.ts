// Microphone level (WebAudio AnalyserNode) and the speaker test sound.

import { useEffect, useRef } from 'react'

type AudioContextCtor = typeof AudioContext

function audioContextCtor(): AudioContextCtor | undefined {
  if (typeof window === 'undefined') return undefined
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext
}

/** RMS of a time-domain block mapped to 0..1 with a gentle curve (speech sits mid-scale). */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0
  let sum = 0
  for (const s of samples) sum += s * s
  const rms = Math.sqrt(sum / samples.length)
  return Math.min(1, Math.sqrt(rms) * 1.6)
}

/**
 * Calls onLevel (0..1) about 20 times a second while `track` is live. The caller
 * paints it (e.g. through a ref) so React does not re-render per frame.
 */
export function useAudioLevel(track: MediaStreamTrack | undefined, onLevel: (level: number) => void): void {
  const cb = useRef(onLevel)
  cb.current = onLevel
  useEffect(() => {
    const Ctor = audioContextCtor()
    if (!track || !Ctor) {
      cb.current(0)
      return
    }
    const ctx = new Ctor()
    const source = ctx.createMediaStreamSource(new MediaStream([track]))
    const analyser = ctx.createAnalyser()
    analyser.fftSize = 1024
    source.connect(analyser)
    const buf = new Float32Array(analyser.fftSize)
    let smoothed = 0
    const timer = window.setInterval(() => {
      if (ctx.state === 'suspended') void ctx.resume().catch(() => {})
      analyser.getFloatTimeDomainData(buf)
      const level = track.enabled ? levelFromSamples(buf) : 0
      smoothed = level > smoothed ? level : smoothed * 0.8 + level * 0.2
      cb.current(smoothed)
    }, 50)
    return () => {
      window.clearInterval(timer)
      source.disconnect()
      void ctx.close().catch(() => {})
    }
  }, [track])
}

/**
 * Plays a short three-note chime on the chosen output (when the browser can
 * choose one). Resolves when it has finished.
 */
export async function playTestSound(sinkId?: string): Promise<void> {
  const Ctor = audioContextCtor()
  if (!Ctor) throw new Error('This browser cannot play sound from a web page.')
  const ctx = new Ctor()
  try {
    const withSink = ctx as AudioContext & { setSinkId?: (id: string) => Promise<void> }
    if (sinkId && typeof withSink.setSinkId === 'function') {
      try {
        await withSink.setSinkId(sinkId)
      } catch {
        // fall back to the default output
      }
    }
    if (ctx.state === 'suspended') await ctx.resume()
    const notes = [523.25, 659.25, 783.99] // C5 E5 G5
    const start = ctx.currentTime + 0.05
    notes.forEach((freq, i) => {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.value = freq
      const t = start + i * 0.28
      gain.gain.setValueAtTime(0, t)
      gain.gain.linearRampToValueAtTime(0.25, t + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.001, t + 0.5)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t)
      osc.stop(t + 0.55)
    })
    await new Promise((r) => setTimeout(r, (0.05 + notes.length * 0.28 + 0.3) * 1000))
  } finally {
    void ctx.close().catch(() => {})
  }
}
