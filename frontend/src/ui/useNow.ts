import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `everyMs` while `running` (relative labels,
 * countdowns and clocks stay true). The one timer hook of the console and the room.
 */
export function useNow(everyMs = 60_000, running = true): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    if (!running) return
    const t = window.setInterval(() => setNow(new Date()), everyMs)
    return () => window.clearInterval(t)
  }, [everyMs, running])
  return now
}
