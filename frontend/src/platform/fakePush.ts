// A push client for component tests: the test hands events in, as the desktop
// app's Wails events would arrive (no stream to read under happy-dom).
import { PushClient, type PushEvent } from './push'

export function fakePush() {
  let deliver: ((raw: unknown) => void) | undefined
  const client = new PushClient({
    kind: 'wails',
    eventsOn: (_name, cb) => {
      deliver = cb
      return () => {
        deliver = undefined
      }
    },
  })
  return {
    client,
    /** The host publishes e. */
    emit: (e: PushEvent) => deliver?.(e),
    /** The host says this client fell behind. */
    resync: () => deliver?.({ type: 'resync' }),
  }
}
