import { useEffect, useId, useState } from 'react'
import { errorMessage } from '../api/client'
import { copyText } from '../platform/native'
import './copyField.css'

type Props = { label: string; value: string; copyLabel: string }

/** One row of a link list: its name, the link (read-only, selected on focus) and Copy, with "Copied" over the link. */
export function CopyField({ label, value, copyLabel }: Props) {
  const id = useId()
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  })
  useEffect(() => {
    if (state.kind !== 'copied') return
    const t = window.setTimeout(() => setState({ kind: 'idle' }), 2500)
    return () => window.clearTimeout(t)
  }, [state])

  const copy = async () => {
    try {
      await copyText(value)
      setState({ kind: 'copied' })
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) })
    }
  }

  return (
    <div className="copy-field">
      <div className="link-row">
        <label className="link-label" htmlFor={id}>
          {label}
        </label>
        <div className="link-value">
          <input id={id} className="input input-mono" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
          <span className="copy-status" role="status">
            {state.kind === 'copied' ? '✓ Copied' : ''}
          </span>
        </div>
        <button type="button" className="btn" aria-label={copyLabel} onClick={copy}>
          Copy
        </button>
        {state.kind === 'error' && (
          <p className="field-error link-error" role="alert">
            Could not copy: {state.message}
          </p>
        )}
      </div>
    </div>
  )
}
