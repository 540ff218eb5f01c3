import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api/client'

/** A form's messages by field. */
export type FieldMessages<K extends string> = Partial<Record<K, string>>

/** Names a host field (e.g. "organizer.name", "plan[0].title") as the form's, or undefined. */
export type FieldOf<K extends string> = (hostField: string) => K | undefined

/** The form's own field names, taken as they are. */
export function among<K extends string>(names: readonly K[]): FieldOf<K> {
  return (f) => ((names as readonly string[]).includes(f) ? (f as K) : undefined)
}

/**
 * A failed save, split for a form: the host's field messages (the `fields`
 * of a 422 answer) that the form shows next to a field, the ones it has no
 * field for, and the answer's own message.
 */
export function splitSaveError<K extends string>(
  e: unknown,
  field: FieldOf<K>,
): { fields: FieldMessages<K>; unknown: string[]; message: string } {
  const fields: FieldMessages<K> = {}
  const unknown: string[] = []
  if (e instanceof ApiError) {
    for (const [name, msg] of Object.entries(e.fields)) {
      const k = field(name)
      if (k === undefined) unknown.push(msg)
      else fields[k] = msg
    }
  }
  return { fields, unknown, message: errorMessage(e) }
}

export type FieldErrors<K extends string> = {
  /** Messages shown next to their fields. */
  errors: FieldMessages<K>
  /** The message no field shows (an error summary, or a line above the form). */
  message: string | undefined
  /** Puts messages in place and, once they are shown, moves focus. */
  show: (errors: FieldMessages<K>, message?: string) => void
  /** Takes fields' messages away as they are edited. */
  clear: (...fields: K[]) => void
  /** Shows nothing (a save begins or succeeded); focus stays. */
  reset: () => void
  /** Shows a failed save. With `summary`, the answer's message is shown even when fields carry their own. */
  fail: (e: unknown, field: FieldOf<K>, opts?: { summary?: boolean }) => void
}

/**
 * A form's error messages: the host's 422 field messages and the form's own
 * checks shown the same way, the first invalid field focused. `focusTarget`
 * picks what gets focus for a set of messages (nothing when it returns null).
 */
export function useFieldErrors<K extends string>(
  focusTarget: (errors: FieldMessages<K>) => HTMLElement | null | undefined,
): FieldErrors<K> {
  const [state, setState] = useState<{ errors: FieldMessages<K>; message?: string; shown: number }>({
    errors: {},
    shown: 0,
  })
  const target = useRef(focusTarget)
  target.current = focusTarget

  useEffect(() => {
    if (state.shown > 0) target.current(state.errors)?.focus()
    // Only a new show moves focus, not an edit that clears a message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.shown])

  const show = useCallback((errors: FieldMessages<K>, message?: string) => {
    setState((s) => ({ errors, ...(message ? { message } : {}), shown: s.shown + 1 }))
  }, [])

  const clear = useCallback((...fields: K[]) => {
    setState((s) => {
      if (!fields.some((f) => s.errors[f] !== undefined)) return s
      const errors = { ...s.errors }
      for (const f of fields) delete errors[f]
      return { ...s, errors }
    })
  }, [])

  const reset = useCallback(() => setState((s) => ({ errors: {}, shown: s.shown })), [])

  const fail = useCallback(
    (e: unknown, field: FieldOf<K>, opts: { summary?: boolean } = {}) => {
      const { fields, unknown, message } = splitSaveError(e, field)
      const own = Object.keys(fields).length > 0
      show(fields, (opts.summary || !own ? [message, ...unknown] : unknown).join(' '))
    },
    [show],
  )

  return { errors: state.errors, message: state.message, show, clear, reset, fail }
}
