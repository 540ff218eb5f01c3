// The form of a settings card (SettingsCard): the saved settings loaded, a
// form made from them (again after each save and on discard), its messages,
// and its save, which stores the host's answer and says so in a toast.

import { useEffect, useRef, useState } from 'react'
import { useToast } from '../ui/toasts'
import { useAsync, type AsyncState } from '../ui/useAsync'
import { among, useFieldErrors, type FieldMessages } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'

type Options<S, F, K extends string> = {
  load: (signal: AbortSignal) => Promise<S>
  /** The form showing saved settings (secrets stay empty: they are never shown). */
  formFrom: (saved: S) => F
  /** The form's fields in order: the first with a message gets focus. */
  fields: readonly K[]
  /** The id of a field's input, which gets focus. */
  fieldId: (field: K) => string
}

export type SettingsSave<S, K extends string> = {
  /** The form's own checks: with any message, nothing is sent. */
  check?: () => FieldMessages<K>
  /** Sends the form; resolves with the settings as saved. */
  send: () => Promise<S>
  /** The toast that says the settings were saved. */
  message: (saved: S) => string
}

export type SettingsForm<S, F, K extends string> = {
  /** The load of the saved settings, for its error and retry. */
  data: AsyncState<S>
  /** The form, once the settings are loaded. */
  form: F | null
  /** Changes the form. */
  edit: (change: (form: F) => F) => void
  errors: FieldMessages<K>
  /** The save's message no field shows. */
  otherError: string | undefined
  /** Takes fields' messages away as they are edited. */
  clear: (...fields: K[]) => void
  saving: boolean
  /** Checks and sends the form (see useSaveForm); a save the host took is stored, and said in a toast. */
  submit: (request: SettingsSave<S, K>) => Promise<S | undefined>
  /** Puts the saved settings back in the form, without messages. */
  discard: () => void
}

/** A settings card's form, loaded with `load` and saved as a whole. */
export function useSettingsForm<S, F, K extends string>({ load, formFrom, fields, fieldId }: Options<S, F, K>): SettingsForm<S, F, K> {
  const data = useAsync(load, [])
  const [form, setForm] = useState<F | null>(null)
  const fieldErrors = useFieldErrors<K>((errs) => {
    const first = fields.find((f) => errs[f])
    return first ? document.getElementById(fieldId(first)) : null
  })
  const { saving, submit } = useSaveForm(fieldErrors)
  const toast = useToast()
  const from = useRef(formFrom)
  from.current = formFrom

  useEffect(() => {
    if (data.data) setForm(from.current(data.data))
  }, [data.data])

  const save = (r: SettingsSave<S, K>) =>
    submit({
      check: r.check,
      send: r.send,
      onSaved: (s) => {
        data.setData(s)
        toast({ tone: 'success', message: r.message(s) })
      },
      field: among(fields),
    })

  const discard = () => {
    if (data.data) setForm(from.current(data.data))
    fieldErrors.reset()
  }

  return {
    data,
    form,
    edit: (change) => setForm((f) => (f ? change(f) : f)),
    errors: fieldErrors.errors,
    otherError: fieldErrors.message,
    clear: fieldErrors.clear,
    saving,
    submit: save,
    discard,
  }
}
