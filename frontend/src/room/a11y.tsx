// Focus moves for the room's screen and phase changes (the announcements are
// the role="status" regions next to what changes).

import { useEffect, useRef } from 'react'

/** True while the user is typing in a field: focus must stay where it is then. */
export function typingNow(): boolean {
  const el = document.activeElement
  return !!el?.closest('input[type="text"], input:not([type]), textarea, select, [contenteditable="true"]')
}

/**
 * Moves focus to the element when `key` changes (a new screen or phase), unless
 * the user is typing or a dialog is open, so keyboard and screen-reader users
 * land on the new heading.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string): React.RefObject<T | null> {
  const ref = useRef<T>(null)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (typingNow() || document.querySelector('dialog[open]')) return
    ref.current?.focus()
  }, [key])
  return ref
}
