// Network check for the device check page: can this browser get a relay
// candidate from the host's TURN server? (The WebSocket part is simply whether
// the room channel is open.) Gathering also warms up the TURN allocation path
// while the candidate is still on the device check.

import type { IceServer } from '../protocol'

export type RelayCheck =
  | { result: 'pass'; detail: string }
  | { result: 'fail'; detail: string }
  | { result: 'none'; detail: string }

export const webrtcSupported = (): boolean => typeof globalThis.RTCPeerConnection === 'function'

export const hasTurn = (servers: readonly IceServer[]): boolean =>
  servers.some((s) => s.urls.some((u) => /^turns?:/i.test(u)))

/** Whether an ICE candidate line is a relay (TURN) candidate. */
export const isRelayCandidate = (c: { type?: string | null; candidate?: string } | null | undefined): boolean =>
  !!c && (c.type === 'relay' || / typ relay( |$)/.test(c.candidate ?? ''))

export async function checkRelay(servers: readonly IceServer[], timeoutMs = 8000): Promise<RelayCheck> {
  if (!webrtcSupported()) return { result: 'fail', detail: 'This browser has no WebRTC, so video calls cannot work here.' }
  if (!hasTurn(servers)) {
    return { result: 'none', detail: 'The interview host offers no relay server; the call will connect directly.' }
  }
  const pc = new RTCPeerConnection({ iceServers: servers as RTCIceServer[], iceTransportPolicy: 'relay' })
  try {
    pc.createDataChannel('probe')
    const found = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      pc.onicecandidate = (e) => {
        if (isRelayCandidate(e.candidate)) {
          clearTimeout(timer)
          resolve(true)
        } else if (e.candidate === null) {
          clearTimeout(timer)
          resolve(false)
        }
      }
    })
    await pc.setLocalDescription(await pc.createOffer())
    return (await found)
      ? { result: 'pass', detail: 'The relay server answered: the call will connect even behind a strict firewall.' }
      : {
          result: 'fail',
          detail:
            'The relay server did not answer. A firewall or VPN may block it; the call may still work on an open network.',
        }
  } catch (e) {
    return { result: 'fail', detail: e instanceof Error ? e.message : 'The relay check failed.' }
  } finally {
    pc.close()
  }
}
