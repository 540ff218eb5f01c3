// The playback clock: a position in the interview's time that runs at a
// speed while playing, can skip idle stretches, and stops at the end.

import { useCallback, useEffect, useRef, useState } from 'react'

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const
export type Speed = (typeof SPEEDS)[number]

/** Gaps longer than this are skipped when "Skip idle time" is on … */
export const IDLE_MS = 3000
/** … to this long before the next change. */
export const IDLE_LEAD_MS = 500

export type Clock = {
  t: number
  playing: boolean
  speed: Speed
  skipIdle: boolean
  play(): void
  pause(): void
  toggle(): void
  seek(t: number): void
  setSpeed(s: Speed): void
  setSkipIdle(on: boolean): void
  /** Bumped on every seek (media elements jump instead of drifting). */
  seeks: number
}

export function useClock(start: number, end: number, skip: (t: number) => number): Clock {
  const [t, setT] = useState(start)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>(1)
  const [skipIdle, setSkipIdle] = useState(true)
  const [seeks, setSeeks] = useState(0)
  const tRef = useRef(t)
  tRef.current = t

  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      let next = tRef.current + (now - last) * speed
      last = now
      if (skipIdle) {
        const jumped = skip(next)
        if (jumped !== next) setSeeks((n) => n + 1)
        next = jumped
      }
      if (next >= end) {
        setT(end)
        setPlaying(false)
        return
      }
      setT(next)
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, speed, skipIdle, end, skip])

  const seek = useCallback(
    (to: number) => {
      setT(Math.min(end, Math.max(start, to)))
      setSeeks((n) => n + 1)
    },
    [start, end],
  )
  const play = useCallback(() => {
    if (tRef.current >= end) seek(start)
    setPlaying(true)
  }, [end, start, seek])
  const pause = useCallback(() => setPlaying(false), [])
  return {
    t,
    playing,
    speed,
    skipIdle,
    seeks,
    play,
    pause,
    toggle: () => (playing ? pause() : play()),
    seek,
    setSpeed,
    setSkipIdle,
  }
}
