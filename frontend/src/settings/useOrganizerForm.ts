// The organizer's name and email as a form, shared by Settings and the first
// launch's "Enter your details": the values, their field errors, and save
// (checked here first, then PUT /api/settings, which checks them again).

import { useEffect, useState } from 'react'
import { saveSettings } from '../api/settings'
import type { Person, Settings } from '../api/types'
import { useFieldErrors, type FieldMessages } from '../ui/useFieldErrors'
import { useSaveForm } from '../ui/useSaveForm'
import { checkEmail } from '../validation/rules'

export type OrganizerField = 'name' | 'email'

/** The host names the organizer's fields "name" or "organizer.name". */
export const organizerField = (f: string): OrganizerField | undefined =>
  f === 'name' || f === 'organizer.name' ? 'name' : f === 'email' || f === 'organizer.email' ? 'email' : undefined

/** True while the console's owner has not entered both their name and email. */
export const needsDetails = (s: Settings): boolean => s.organizer.name.trim() === '' || s.organizer.email.trim() === ''

/**
 * Form state for the organizer, starting from `initial` (and again whenever it
 * changes). `idPrefix` names the inputs ("PREFIX-name", "PREFIX-email") so the
 * first invalid one gets focus. `save` resolves with the saved settings, or
 * undefined when a field was refused.
 */
export function useOrganizerForm(initial: Person | undefined, idPrefix: string) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const fieldErrors = useFieldErrors<OrganizerField>((errs) =>
    errs.name || errs.email ? document.getElementById(`${idPrefix}-${errs.name ? 'name' : 'email'}`) : null,
  )
  const { errors, message } = fieldErrors
  const { saving, submit } = useSaveForm(fieldErrors)

  useEffect(() => {
    if (!initial) return
    setName(initial.name)
    setEmail(initial.email)
  }, [initial])

  const save = (): Promise<Settings | undefined> =>
    submit({
      check: () => {
        const errs: FieldMessages<OrganizerField> = {}
        if (name.trim() === '') errs.name = 'Enter your name.'
        const emailError = checkEmail(email, 'Enter your email address.')
        if (emailError) errs.email = emailError
        return errs
      },
      send: () => saveSettings({ name: name.trim(), email: email.trim() }),
      field: organizerField,
    })

  const changed = initial !== undefined && (name !== initial.name || email !== initial.email)
  return { name, setName, email, setEmail, errors, message, saving, changed, save }
}
