import { describe, expect, it } from 'vitest'
import { serverOf } from './livekit'

describe('serverOf', () => {
  it('reads the LiveKit address and token from the host\'s config signal', () => {
    expect(serverOf({ type: 'config', server: { kind: 'livekit', url: 'ws://127.0.0.1:7880', token: 'jwt', expires: '2026-12-01T20:00:00Z' } })).toEqual({
      kind: 'livekit',
      url: 'ws://127.0.0.1:7880',
      token: 'jwt',
    })
  })

  it('ignores every other signal, and a config without a complete server', () => {
    for (const s of [
      { type: 'config', iceServers: [] },
      { type: 'offer', sdp: 'v=0', server: { kind: 'livekit', url: 'ws://x', token: 't' } },
      { type: 'config', server: { kind: 'other', url: 'ws://x', token: 't' } },
      { type: 'config', server: { kind: 'livekit', url: '', token: 't' } },
      { type: 'config', server: { kind: 'livekit', url: 'ws://x' } },
      null,
      'config',
    ]) {
      expect(serverOf(s)).toBeUndefined()
    }
  })
})
