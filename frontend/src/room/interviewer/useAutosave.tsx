import { useEffect, useRef, useState } from 'react'
import { dateTimeFormat } from '../../platform/locale'
import { RefusedError } from '../connection/client'
import { Autosave, type SaveStatus } from './autosave'

/** An Autosave bound to a component, with its status as React state. */
export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 800): [Autosave<T>, SaveStatus] {
  const saveRef = useRef(save)
  saveRef.current = save
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const [auto] = useState(
    () =>
      new Autosave<T>({
        save: (v) => saveRef.current(v),
        onStatus: setStatus,
        delayMs,
        retryable: (e) => !(e instanceof RefusedError),
      }),
  )
  useEffect(
    () => () => {
      void auto.flush()
      auto.dispose()
    },
    [auto],
  )
  return [auto, status]
}

const time = () => dateTimeFormat({ hour: '2-digit', minute: '2-digit' })

/** "Saved · 12:03", "Saving…", "Not saved — retrying". */
export function saveStatusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return ''
    case 'pending':
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved · ${time().format(new Date(s.at))}`
    case 'error':
      return s.retrying ? 'Not saved — retrying' : `Not saved — ${s.message}`
  }
}

export function SaveStatusText({ status, id }: { status: SaveStatus; id?: string }) {
  return (
    <span id={id} className={`save-status save-${status.kind}`} role="status">
      {saveStatusText(status)}
    </span>
  )
}
