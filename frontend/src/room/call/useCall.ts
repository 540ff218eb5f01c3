import { useEffect, useState } from 'react'
import type { RoomStore } from '../connection/store'
import type { LocalMedia } from '../media/local'
import { webrtcSupported } from '../media/network'
import { PeerSession, type CallSession } from '../media/peer'
import type { SignalOut } from '../media/signaling'
import type { IceServer } from '../protocol'

/** `?ice=relay` forces TURN (support and tests: proves the relay path). */
export function icePolicyFromURL(search: string): RTCIceTransportPolicy {
  return new URLSearchParams(search).get('ice') === 'relay' ? 'relay' : 'all'
}

/**
 * Runs this tab's peer connection while `enabled`: a new one for each room
 * connection (`session`), since the host drops a member's call with its
 * socket. With `prepare` (a candidate) the connection is set up at once and
 * sends nothing; `admitted` starts the call (media flows).
 */
export function useCallSession(
  store: RoomStore,
  local: LocalMedia,
  o: { enabled: boolean; admitted: boolean; prepare: boolean; session: number; iceServers: IceServer[]; media?: string },
): CallSession | undefined {
  const [peer, setPeer] = useState<CallSession>()
  const { enabled, session } = o

  useEffect(() => {
    if (!enabled || !webrtcSupported()) return
    const iceTransportPolicy = icePolicyFromURL(window.location.search)
    const join = () => store.call()
    let p: CallSession | undefined
    let off = () => {}
    let done = false
    const begin = (s: CallSession) => {
      if (done) return s.close()
      p = s
      off = store.onSignal((m) => void s.handle(m))
      setPeer(s)
    }
    // The welcome names the call's backend: LiveKit (its client loads only
    // for such a call), or the host's own SFU.
    if (o.media === 'livekit') {
      void import('../media/livekit').then(({ LiveKitSession }) => begin(new LiveKitSession({ iceTransportPolicy, join, local })))
    } else {
      begin(
        new PeerSession({
          iceServers: o.iceServers,
          iceTransportPolicy,
          send: (signal: SignalOut) => store.signal(signal),
          join: (prepare) => store.call(prepare),
          local,
          prepare: o.prepare,
        }),
      )
    }
    return () => {
      done = true
      off()
      p?.close()
      setPeer(undefined)
    }
    // A new session (reconnect) or enabling rebuilds; the servers come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, session, store, local, o.media])

  useEffect(() => {
    if (peer && o.admitted) void peer.admit()
  }, [peer, o.admitted])

  useEffect(() => {
    if (!peer) return
    const t = window.setInterval(() => void peer.sample(), 2000)
    return () => window.clearInterval(t)
  }, [peer])

  return peer
}
