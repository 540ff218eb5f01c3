import { cloneElement, useId, type ReactElement, type ReactNode } from 'react'

type ControlProps = {
  id?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  'aria-required'?: boolean
}

type Props = {
  label: ReactNode
  /** The input, select or textarea; gets id and aria attributes. */
  children: ReactElement<ControlProps>
  error?: string | undefined
  hint?: ReactNode
  required?: boolean
  id?: string
  className?: string
}

/** A labelled form control with a hint and an error message tied by aria-describedby. */
export function Field({ label, children, error, hint, required, id, className }: Props) {
  const auto = useId()
  const controlId = id ?? auto
  const hintId = `${controlId}-hint`
  const errorId = `${controlId}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={controlId} className="field-label">
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {cloneElement(children, {
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
