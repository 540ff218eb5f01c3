// Connection quality from RTCPeerConnection.getStats(): round-trip time of the
// selected candidate pair and packet loss on what we receive, sampled every few
// seconds and reduced to good / fair / poor for the indicator.

export type Quality = 'good' | 'fair' | 'poor' | 'unknown'

export type Sample = {
  /** Seconds, from the selected candidate pair. */
  rtt?: number
  /** Cumulative packets received and lost on inbound RTP streams. */
  received: number
  lost: number
  framesDecoded: number
  /** Local candidate type of the selected pair (host, srflx, relay). */
  via?: string
}

export type QualityReport = { quality: Quality; rtt?: number; loss?: number; via?: string; framesDecoded: number }

/** Quality from the change between two samples. */
export function classify(prev: Sample | undefined, cur: Sample): QualityReport {
  const received = cur.received - (prev?.received ?? 0)
  const lost = cur.lost - (prev?.lost ?? 0)
  const total = received + lost
  const loss = total > 0 ? Math.max(0, lost) / total : undefined
  const rtt = cur.rtt
  let quality: Quality = 'unknown'
  if (rtt !== undefined || loss !== undefined) {
    const r = rtt ?? 0
    const l = loss ?? 0
    quality = r > 0.5 || l > 0.08 ? 'poor' : r > 0.25 || l > 0.02 ? 'fair' : 'good'
  }
  const report: QualityReport = { quality, framesDecoded: cur.framesDecoded }
  if (rtt !== undefined) report.rtt = rtt
  if (loss !== undefined) report.loss = loss
  if (cur.via) report.via = cur.via
  return report
}

type StatLike = Record<string, unknown> & { type: string; id: string }

/** Reduces a getStats() report (an RTCStatsReport: Map-like, not a Map) to a Sample. */
export function sampleFrom(report: Iterable<StatLike> | { values(): Iterable<StatLike> }): Sample {
  const stats: StatLike[] =
    'values' in report && typeof report.values === 'function' ? [...report.values()] : [...(report as Iterable<StatLike>)]
  const byId = new Map(stats.map((s) => [s.id, s]))
  const sample: Sample = { received: 0, lost: 0, framesDecoded: 0 }
  let pair: StatLike | undefined
  for (const s of stats) {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
      pair = byId.get(s.selectedCandidatePairId)
    }
  }
  if (!pair) pair = stats.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated === true)
  if (pair) {
    if (typeof pair.currentRoundTripTime === 'number') sample.rtt = pair.currentRoundTripTime
    const local = typeof pair.localCandidateId === 'string' ? byId.get(pair.localCandidateId) : undefined
    if (local && typeof local.candidateType === 'string') sample.via = local.candidateType
  }
  for (const s of stats) {
    if (s.type !== 'inbound-rtp') continue
    if (typeof s.packetsReceived === 'number') sample.received += s.packetsReceived
    if (typeof s.packetsLost === 'number') sample.lost += s.packetsLost
    if (typeof s.framesDecoded === 'number') sample.framesDecoded += s.framesDecoded
  }
  return sample
}
