// The cockpit's keyboard shortcuts. Alt+key works everywhere, also while typing
// notes (those combinations type nothing useful); unmodified keys are never
// taken from a text field.

import { useEffect, useRef } from 'react'

export type Command = 'next' | 'previous' | 'rephrase' | 'notes' | 'timestamp' | 'help' | `rate-${1 | 2 | 3 | 4 | 5}`

export type KeyLike = {
  key: string
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  isComposing?: boolean
  target: EventTarget | null
}

export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['Alt', '→'], label: 'Next question' },
  { keys: ['Alt', '←'], label: 'Previous question' },
  { keys: ['Alt', 'R'], label: 'Show rephrased question' },
  { keys: ['Alt', '1–5'], label: 'Rate the answer' },
  { keys: ['Alt', 'N'], label: 'Go to the notes' },
  { keys: ['Alt', 'T'], label: 'Add a timestamp to the notes' },
  { keys: ['?'], label: 'Show these shortcuts' },
]

function isTextField(t: EventTarget | null): boolean {
  const el = t as { closest?: (s: string) => unknown } | null
  return !!el?.closest?.('input, textarea, select, [contenteditable="true"], [role="textbox"]')
}

/** The command for a key press, or undefined to leave it alone. */
export function commandFor(e: KeyLike): Command | undefined {
  if (e.isComposing || e.ctrlKey || e.metaKey) return undefined
  if (e.altKey && !e.shiftKey) {
    switch (e.code) {
      case 'ArrowRight':
        return 'next'
      case 'ArrowLeft':
        return 'previous'
      case 'KeyR':
        return 'rephrase'
      case 'KeyN':
        return 'notes'
      case 'KeyT':
        return 'timestamp'
      case 'Digit1':
      case 'Digit2':
      case 'Digit3':
      case 'Digit4':
      case 'Digit5':
        return `rate-${Number(e.code.slice(5)) as 1 | 2 | 3 | 4 | 5}`
    }
    return undefined
  }
  if (e.altKey) return undefined
  if (e.key === '?' && !isTextField(e.target)) return 'help'
  return undefined
}

/** Runs `run` for shortcuts while enabled (not while a dialog is open). */
export function useShortcuts(run: (c: Command) => void, enabled = true): void {
  const ref = useRef(run)
  ref.current = run
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return
      const c = commandFor(e)
      if (!c) return
      // Always taken, even when it does nothing now: Alt+← would otherwise
      // leave the room (history back).
      e.preventDefault()
      ref.current(c)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
