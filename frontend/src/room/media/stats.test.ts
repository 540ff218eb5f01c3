import { describe, expect, it } from 'vitest'
import { classify, sampleFrom } from './stats'

describe('sampleFrom', () => {
  it('reads the selected pair, its local candidate type and inbound RTP totals', () => {
    const report = new Map<string, Record<string, unknown> & { type: string; id: string }>([
      ['T', { id: 'T', type: 'transport', selectedCandidatePairId: 'P' }],
      ['P', { id: 'P', type: 'candidate-pair', currentRoundTripTime: 0.042, localCandidateId: 'L', state: 'succeeded' }],
      ['L', { id: 'L', type: 'local-candidate', candidateType: 'relay' }],
      ['A', { id: 'A', type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5 }],
      ['V', { id: 'V', type: 'inbound-rtp', kind: 'video', packetsReceived: 1500, packetsLost: 15, framesDecoded: 300 }],
    ])
    expect(sampleFrom(report)).toEqual({ rtt: 0.042, via: 'relay', received: 2000, lost: 20, framesDecoded: 300 })
  })

  it('reads a Map-like report that is not a Map (RTCStatsReport)', () => {
    const entries = [{ id: 'V', type: 'inbound-rtp', packetsReceived: 10, packetsLost: 0, framesDecoded: 5 }]
    const mapLike = { values: () => entries.values(), [Symbol.iterator]: () => entries.map((e) => [e.id, e]).values() }
    expect(sampleFrom(mapLike as never)).toMatchObject({ received: 10, framesDecoded: 5 })
  })

  it('falls back to a nominated succeeded pair', () => {
    const s = sampleFrom([
      { id: 'P', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.3 },
    ])
    expect(s.rtt).toBe(0.3)
  })
})

describe('classify', () => {
  it('is unknown without measurements', () => {
    expect(classify(undefined, { received: 0, lost: 0, framesDecoded: 0 }).quality).toBe('unknown')
  })

  it('grades by round trip and loss since the previous sample', () => {
    const prev = { received: 1000, lost: 0, framesDecoded: 0 }
    expect(classify(prev, { rtt: 0.05, received: 2000, lost: 5, framesDecoded: 0 })).toMatchObject({ quality: 'good', loss: 5 / 1005 })
    expect(classify(prev, { rtt: 0.3, received: 2000, lost: 0, framesDecoded: 0 }).quality).toBe('fair')
    expect(classify(prev, { rtt: 0.05, received: 2000, lost: 50, framesDecoded: 0 }).quality).toBe('fair')
    expect(classify(prev, { rtt: 0.7, received: 2000, lost: 0, framesDecoded: 0 }).quality).toBe('poor')
    expect(classify(prev, { rtt: 0.05, received: 2000, lost: 200, framesDecoded: 0 }).quality).toBe('poor')
  })
})
