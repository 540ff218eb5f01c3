import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'

export type AsyncState<T> = {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
  setData: (v: T) => void
}

/**
 * Loads data for a screen; aborts the previous load when deps change.
 * `initial()`, asked once on mount, may already have the first data (an early
 * answer, api/early): the screen then starts with it and does not load it again.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  initial?: () => T | undefined,
): AsyncState<T> {
  const [first] = useState(() => initial?.())
  const [data, setData] = useState<T | undefined>(first)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(first === undefined)
  const [nonce, setNonce] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const skip = useRef(first !== undefined)

  useEffect(() => {
    if (skip.current) {
      skip.current = false
      return
    }
    const ctrl = new AbortController()
    setLoading(true)
    setError(undefined)
    loadRef.current(ctrl.signal).then(
      (v) => {
        if (ctrl.signal.aborted) return
        setData(v)
        setLoading(false)
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return
        setError(e)
        setLoading(false)
      },
    )
    return () => ctrl.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce])

  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { data, error, loading, reload, setData }
}
