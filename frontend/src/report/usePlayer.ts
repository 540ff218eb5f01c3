// The report's player: the combined recording's <video> and its position on
// the interview's clock (ms since the epoch), which the speaker chips, the
// scrubber and the transcript follow; and seeking from anywhere on the page.

import { useCallback, useEffect, useState } from 'react'
import type { Clock } from './speaking'

export type Player = {
  /** The callback ref of the <video>. */
  ref: (el: HTMLVideoElement | null) => void
  /** Where the recording is, in ms since the epoch. */
  t: number
  playing: boolean
  /** Goes to at (ms since the epoch); play: and plays from there, the player brought into view. */
  seek(at: number, opts?: { play?: boolean }): void
}

export function usePlayer(clock: Clock | undefined): Player {
  const [el, setEl] = useState<HTMLVideoElement | null>(null)
  const start = clock?.start ?? 0
  const end = clock?.end ?? 0
  const [t, setT] = useState(start)
  const [playing, setPlaying] = useState(false)

  useEffect(() => {
    if (!el) return
    const moved = () => setT(start + el.currentTime * 1000)
    const played = () => setPlaying(true)
    const paused = () => setPlaying(false)
    const events: [string, () => void][] = [
      ['timeupdate', moved],
      ['seeked', moved],
      ['seeking', moved],
      ['play', played],
      ['pause', paused],
      ['ended', paused],
    ]
    for (const [name, fn] of events) el.addEventListener(name, fn)
    return () => {
      for (const [name, fn] of events) el.removeEventListener(name, fn)
    }
  }, [el, start])

  const seek = useCallback(
    (at: number, opts: { play?: boolean } = {}) => {
      const to = Math.min(end, Math.max(start, at))
      setT(to)
      if (!el) return
      el.currentTime = (to - start) / 1000
      if (opts.play) {
        el.scrollIntoView?.({ block: 'nearest' })
        void el.play()?.catch(() => {})
      }
    },
    [el, start, end],
  )
  return { ref: setEl, t, playing, seek }
}
