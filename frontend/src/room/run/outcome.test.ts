import { describe, expect, it } from 'vitest'
import { formatBytes, terminatedResult, workerResult } from './outcome'

describe('terminatedResult', () => {
  it('maps each way the page ends a run to its status, exit code and message', () => {
    expect(terminatedResult({ reason: 'timeout', timeoutMs: 10_000 }, 10_250, false)).toEqual({
      status: 'timeout',
      exitCode: 124,
      durationMs: 10_250,
      error: 'Time limit reached: still running after 10 s.',
      truncated: false,
    })
    expect(terminatedResult({ reason: 'timeout', timeoutMs: 1_500 }, 1_750, true).error).toBe('Time limit reached: still running after 1.5 s.')
    expect(terminatedResult({ reason: 'stopped' }, 5, false)).toMatchObject({ status: 'stopped', exitCode: 130, error: 'Stopped.' })
    expect(terminatedResult({ reason: 'output', limitBytes: 65_536 }, 5, false)).toMatchObject({
      status: 'stopped',
      exitCode: 130,
      truncated: true,
      error: 'Output limit reached (64 KiB): the rest was dropped and the run was stopped.',
    })
    expect(terminatedResult({ reason: 'crashed' }, 5, false)).toMatchObject({ status: 'crashed', exitCode: 134 })
    expect(terminatedResult({ reason: 'crashed', detail: 'gone' }, 5, false).error).toBe('gone')
  })
})

describe('workerResult', () => {
  it("keeps the worker's account and adds the page's timing and truncation", () => {
    expect(workerResult({ status: 'error', exitCode: 3, error: 'SystemExit: 3', truncated: false, retire: false }, 42, true)).toEqual({
      status: 'error',
      exitCode: 3,
      durationMs: 42,
      error: 'SystemExit: 3',
      truncated: true,
    })
    expect(workerResult({ status: 'ok', exitCode: 0, truncated: false, retire: false }, 1, false)).toEqual({
      status: 'ok',
      exitCode: 0,
      durationMs: 1,
      truncated: false,
    })
  })
})

describe('formatBytes', () => {
  it.each([
    [65_536, '64 KiB'],
    [64 * 1024 * 1024, '64 MiB'],
    [1000, '1000 bytes'],
  ])('%i is %s', (n, text) => expect(formatBytes(n)).toBe(text))
})
