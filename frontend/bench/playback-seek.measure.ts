// Playback seek over a 100,000-change log: the time to rebuild the editor's
// text at a random moment (keyframe + the steps after it), and the one-off
// cost of loading the recording. Prints rows for `make bench`; asserts nothing
// about speed.

import { appendFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { it } from 'vitest'
import { Player } from '../src/playback/player'
import { random, typing } from '../src/playback/recordingFixture'

const CHANGES = 100_000
const SEEKS = 2_000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

it(`seeks anywhere in ${CHANGES.toLocaleString('en-US')} changes`, () => {
  const { recording, times } = typing(CHANGES, 11, false)
  const t0 = performance.now()
  const player = new Player(recording)
  const load = performance.now() - t0
  const r = random(5)
  const seeks: number[] = []
  for (let i = 0; i < SEEKS; i++) {
    const t = times[0]! + r() * (times[times.length - 1]! - times[0]!)
    const s = performance.now()
    player.textAt('main', t)!.toString()
    seeks.push(performance.now() - s)
  }
  seeks.sort((a, b) => a - b)
  const rows = [
    `| PlaybackLoad${CHANGES / 1000}kChanges | ${load.toFixed(1)} ms | – | – |`,
    `| PlaybackSeek${CHANGES / 1000}kChanges: p50 latency | ${percentile(seeks, 50).toFixed(3)} ms | – | – |`,
    `| PlaybackSeek${CHANGES / 1000}kChanges: p99 latency | ${percentile(seeks, 99).toFixed(3)} ms (goal ≤ 100 ms) | – | – |`,
  ]
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
})
