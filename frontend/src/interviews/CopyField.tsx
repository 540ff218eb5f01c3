import { useEffect, useId, useState } from 'react'
import { errorMessage } from '../api/client'
import { copyText } from '../platform/native'

type Props = { label: string; value: string; copyLabel: string; children?: React.ReactNode }

/** A read-only link with a copy button and a "Copied" confirmation. */
export function CopyField({ label, value, copyLabel, children }: Props) {
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
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input
          id={id}
          className="input input-mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn" onClick={copy}>
          {copyLabel}
        </button>
        {children}
        <span className={`copy-status${state.kind === 'error' ? ' copy-status-error' : ''}`} role="status">
          {state.kind === 'copied' ? '✓ Copied' : state.kind === 'error' ? state.message : ''}
        </span>
      </div>
    </div>
  )
}
