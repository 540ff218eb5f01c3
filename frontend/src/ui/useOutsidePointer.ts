import { useEffect, useRef, type RefObject } from 'react'

/** While active, a pointer press outside every one of `inside` calls onOutside (a popover closes). */
export function useOutsidePointer(active: boolean, inside: RefObject<HTMLElement | null>[], onOutside: () => void): void {
  const latest = useRef({ inside, onOutside })
  latest.current = { inside, onOutside }
  useEffect(() => {
    if (!active) return
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node
      if (!latest.current.inside.some((r) => r.current?.contains(t))) latest.current.onOutside()
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [active])
}
