import { useEffect, useState } from 'react'

/**
 * False on a component's first render, true once the frame showing it has
 * been painted. A screen can put on its first frame only what the first
 * screenful shows, and the rest right after (a long list's rows below the
 * fold), so the first frame comes sooner.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: number | undefined
    const afterPaint = () => {
      timer = window.setTimeout(() => setPainted(true), 0)
    }
    // A frame callback runs before the paint; the task after it, once painted.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(afterPaint) : undefined
    if (frame === undefined) afterPaint()
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame)
      if (timer !== undefined) window.clearTimeout(timer)
    }
  }, [])
  return painted
}
