// A form's save: its own checks, then the request while the form shows it is
// saving, and a refusal shown by the form's field errors.

import { useRef, useState } from 'react'
import type { FieldErrors, FieldMessages, FieldOf } from './useFieldErrors'

export type SaveRequest<K extends string, T> = {
  /** The form's own checks: with any message, nothing is sent and the messages are shown. */
  check?: () => FieldMessages<K>
  /** The message no field shows, shown with the own checks' messages. */
  checkMessage?: string
  /** Sends the form; resolves with the host's answer. */
  send: () => Promise<T>
  /** What follows a save the host took. */
  onSaved?: (saved: T) => void
  /** Names the host's fields as the form's. */
  field: FieldOf<K>
  /** Shows the answer's message even when fields carry their own. */
  summary?: boolean
  /**
   * The messages shown stay while the form is sent (a form that leaves, or
   * clears them itself on success). Otherwise they go when it is sent.
   */
  keepMessages?: boolean
}

export type SaveForm<K extends string> = {
  /** True while a save is under way. */
  saving: boolean
  /**
   * Checks and sends the form, and shows a refusal. Resolves with the saved
   * answer, or undefined when the checks, the host or a save still under way
   * kept it from saving.
   */
  submit: <T>(request: SaveRequest<K, T>) => Promise<T | undefined>
}

/** Saves a form whose messages `errors` shows; one save at a time. */
export function useSaveForm<K extends string>(errors: FieldErrors<K>): SaveForm<K> {
  const [saving, setSaving] = useState(false)
  // The state is a render late: a second submit in the same moment sees this.
  const busy = useRef(false)

  const submit = async <T>(r: SaveRequest<K, T>): Promise<T | undefined> => {
    if (busy.current) return undefined
    const own = r.check?.() ?? {}
    if (Object.keys(own).length > 0) {
      errors.show(own, r.checkMessage)
      return undefined
    }
    if (!r.keepMessages) errors.reset()
    busy.current = true
    setSaving(true)
    try {
      const saved = await r.send()
      r.onSaved?.(saved)
      return saved
    } catch (e) {
      errors.fail(e, r.field, { summary: r.summary })
      return undefined
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  return { saving, submit }
}
