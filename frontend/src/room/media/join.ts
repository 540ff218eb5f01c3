// What a refused `call` means for the call screen, whichever backend carries the call.

import type { PeerSnapshot } from './peer'

/**
 * A refusal because we are not let in yet keeps us waiting for the next try,
 * as does one for the consent (a `call` sent right behind a consent the host
 * refused: the page says why, and the next Join tries again); any other
 * refusal (e.g. a host without media) says video is unavailable.
 */
export function refusedJoin(e: unknown): Pick<PeerSnapshot, 'status' | 'detail'> {
  const refused = (e as { name?: string }).name === 'RefusedError'
  const message = e instanceof Error ? e.message : String(e)
  return refused && !/not let you in|Give your consent/.test(message) ? { status: 'unavailable', detail: message } : { status: 'waiting', detail: message }
}
