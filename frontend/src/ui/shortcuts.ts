import { useEffect, useRef } from 'react'

/** True when the key press belongs to a text field or an open dialog. */
function typingOrModal(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null
  if (t?.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]')) return true
  return document.querySelector('dialog[open]') !== null
}

/**
 * A single-key shortcut ("/", "n") that stays out of the way while typing or in
 * a dialog, and ignores presses with Ctrl, Alt or Meta.
 */
export function useKeyShortcut(key: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return
      if (typingOrModal(e)) return
      e.preventDefault()
      ref.current(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key, enabled])
}

/** Ctrl+KEY or Cmd+KEY, also from inside text fields (e.g. Ctrl/Cmd+S to save). */
export function useModShortcut(key: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== key) return
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      ref.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key, enabled])
}
