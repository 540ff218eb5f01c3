// How a run's end becomes its RunResult. Exit codes follow the shell's habits,
// so they read the same as on a terminal: 1 for an error, 124 for a timeout
// (coreutils `timeout`), 130 for an interrupt, 137 for a kill on memory.
import type { WorkerOutcome } from './workerMessages'
import type { RunResult, RunStatus } from './types'

export const EXIT_CODE: Record<Exclude<RunStatus, 'ok' | 'error'>, number> = {
  timeout: 124,
  stopped: 130,
  memory: 137,
  crashed: 134,
}

/** Why the page ended a run itself, by terminating its worker. */
export type Termination =
  | { reason: 'timeout'; timeoutMs: number }
  | { reason: 'stopped' }
  | { reason: 'output'; limitBytes: number }
  | { reason: 'crashed'; detail?: string }

export function timeLimitMessage(timeoutMs: number): string {
  return `Time limit reached: still running after ${formatSeconds(timeoutMs)}.`
}

export function outputLimitMessage(limitBytes: number): string {
  return `Output limit reached (${formatBytes(limitBytes)}): the rest was dropped and the run was stopped.`
}

export function terminatedResult(t: Termination, durationMs: number, truncated: boolean): RunResult {
  switch (t.reason) {
    case 'timeout':
      return { status: 'timeout', exitCode: EXIT_CODE.timeout, durationMs, error: timeLimitMessage(t.timeoutMs), truncated }
    case 'stopped':
      return { status: 'stopped', exitCode: EXIT_CODE.stopped, durationMs, error: 'Stopped.', truncated }
    case 'output':
      return { status: 'stopped', exitCode: EXIT_CODE.stopped, durationMs, error: outputLimitMessage(t.limitBytes), truncated: true }
    case 'crashed':
      return {
        status: 'crashed',
        exitCode: EXIT_CODE.crashed,
        durationMs,
        error: t.detail ?? 'The runtime stopped working (most often: out of memory).',
        truncated,
      }
  }
}

/** A worker's own account of the end, with the page's timing and truncation added. */
export function workerResult(o: WorkerOutcome, durationMs: number, truncatedByPage: boolean): RunResult {
  const r: RunResult = { status: o.status, exitCode: o.exitCode, durationMs, truncated: o.truncated || truncatedByPage }
  if (o.error !== undefined) r.error = o.error
  return r
}

function formatSeconds(ms: number): string {
  const s = ms / 1000
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`
  return `${n} bytes`
}
