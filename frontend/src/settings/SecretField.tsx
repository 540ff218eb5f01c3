import { Field } from '../ui/Field'

type Props = {
  id: string
  /** "Password", "Token": the label; its lower case names it in the buttons. */
  label: string
  value: string
  /** A secret is stored on the host (it never comes back to the console). */
  saved: boolean
  /** The stored secret is to be removed on save. */
  removing: boolean
  error: string | undefined
  /** The hint while nothing is stored. */
  hint: string
  onChange: (value: string) => void
  /** Remove (true) or keep (false) the stored secret on save. */
  onRemove: (remove: boolean) => void
}

/**
 * A write-only secret (a password, a token): empty keeps the stored one,
 * "Remove saved …" drops it. The stored value is never shown.
 */
export function SecretField({ id, label, value, saved, removing, error, hint, onChange, onRemove }: Props) {
  const noun = label.toLowerCase()
  return (
    <div className="password-cell">
      <Field
        id={id}
        label={label}
        error={error}
        hint={removing ? `The saved ${noun} is removed when you save.` : saved ? 'Leave empty to keep the saved one.' : hint}
      >
        <input
          className="input"
          type="password"
          value={value}
          autoComplete="new-password"
          disabled={removing}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      {saved && (
        <div className="password-saved">
          {removing ? (
            <button type="button" className="btn btn-small" onClick={() => onRemove(false)}>
              Keep saved {noun}
            </button>
          ) : (
            <>
              <span className="badge badge-muted">A {noun} is saved</span>
              <button type="button" className="btn btn-small btn-ghost btn-ghost-danger" onClick={() => onRemove(true)}>
                Remove saved {noun}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  )
}
