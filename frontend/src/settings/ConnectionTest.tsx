import { useEffect, useId, useState, type ReactNode } from 'react'
import { errorMessage } from '../api/client'

type Props<T> = {
  /** What the test does, or why it cannot run yet. */
  hint: string
  disabled: boolean
  /** Tries the saved settings. */
  run: () => Promise<T>
  /** The saved settings: a new value clears the last result. */
  saved: unknown
  /** Said above the error when the test itself failed. */
  failTitle: string
  /** Shows what the test answered. */
  children: (answer: T) => ReactNode
}

type Result<T> = { ok: true; answer: T } | { ok: false; text: string } | null

/**
 * A settings section's "Test connection": a button that tries the saved
 * settings and shows what came back, or the error.
 */
export function ConnectionTest<T>({ hint, disabled, run, saved, failTitle, children }: Props<T>) {
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<Result<T>>(null)
  const id = useId()

  useEffect(() => setResult(null), [saved])

  const start = async () => {
    setTesting(true)
    setResult(null)
    try {
      setResult({ ok: true, answer: await run() })
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) })
    } finally {
      setTesting(false)
    }
  }

  return (
    <div className="mail-test" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`} className="subsection-title">
        Test connection
      </h3>
      <p className="section-hint">{hint}</p>
      <div className="card-actions">
        <button type="button" className="btn" disabled={disabled || testing} onClick={() => void start()}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div className="mail-test-result" aria-live="polite">
        {result?.ok && children(result.answer)}
        {result && !result.ok && (
          <div className="inline-error" role="alert">
            <p className="inline-error-title">{failTitle}</p>
            <pre className="server-error">{result.text}</pre>
          </div>
        )}
      </div>
    </div>
  )
}
