import { describe, expect, it } from 'vitest'
import { runSummary } from './RunOutput'
import type { RunInfo } from './messages'

const run = (o: Partial<RunInfo>): RunInfo => ({
  id: 'r1',
  doc: 'main',
  language: 'python',
  state: 'running',
  by: { role: 'interviewer', name: 'Alex' },
  runner: 'interviewer',
  startedAt: '2026-12-01T09:00:00.000Z',
  output: [],
  ...o,
})

const at = (iso: string) => Date.parse(iso)

describe('runSummary', () => {
  it('says the runtime is starting until the code begins, then counts from the beginning', () => {
    expect(runSummary(run({}), at('2026-12-01T09:00:20.000Z'))).toBe("Starting Python in the interviewer's browser…")
    expect(runSummary(run({ begunAt: '2026-12-01T09:00:18.000Z' }), at('2026-12-01T09:00:20.500Z'))).toBe(
      "Running in the interviewer's browser… 2.5 s",
    )
  })

  it('counts a remote run from its start (the code runner has nothing to load here)', () => {
    expect(runSummary(run({ runner: 'remote', language: 'go' }), at('2026-12-01T09:00:01.000Z'))).toBe('Running on the code runner… 1.0 s')
  })

  it('names a finished run by how it ended', () => {
    expect(runSummary(run({ state: 'done', status: 'ok', exitCode: 0, durationMs: 1234 }), 0)).toBe(
      "Finished in 1.23 s (exit code 0), ran in the interviewer's browser",
    )
    expect(runSummary(run({ state: 'done', status: 'timeout', durationMs: 10_000 }), 0)).toBe('Stopped: the time limit was reached in 10.00 s')
  })
})
