// What the page and a run worker say to each other. A worker loads its runtime
// as soon as it starts, locks itself down, says `ready`, then takes one `run`
// at a time. Everything a worker sends is checked here: user code shares the
// worker, so the page trusts no message shape blindly.
import { isRunLanguage, type OutputStream, type RunLanguage } from './types'

export type RunRequest = {
  type: 'run'
  language: RunLanguage
  code: string
  stdin: string
  timeoutMs: number
  maxOutputBytes: number
}

/** How a run ended, as the worker saw it (the page adds timing and its own limits). */
export type WorkerOutcome = {
  status: 'ok' | 'error' | 'timeout' | 'memory' | 'stopped' | 'crashed'
  exitCode: number
  error?: string
  truncated: boolean
  /** The runtime may be damaged (e.g. after a MemoryError): do not reuse this worker. */
  retire: boolean
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'output'; stream: OutputStream; text: string }
  | { type: 'done'; outcome: WorkerOutcome }

const OUTCOME_STATUSES = new Set(['ok', 'error', 'timeout', 'memory', 'stopped', 'crashed'])

export function parseWorkerMessage(data: unknown): WorkerMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const m = data as Record<string, unknown>
  switch (m.type) {
    case 'ready':
      return { type: 'ready' }
    case 'failed':
      return { type: 'failed', error: typeof m.error === 'string' ? m.error : 'the runtime did not start' }
    case 'output':
      if ((m.stream !== 'stdout' && m.stream !== 'stderr') || typeof m.text !== 'string') return undefined
      return { type: 'output', stream: m.stream, text: m.text }
    case 'done':
      return parseDone(m.outcome)
    default:
      return undefined
  }
}

function parseDone(value: unknown): WorkerMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const o = value as Record<string, unknown>
  if (typeof o.status !== 'string' || !OUTCOME_STATUSES.has(o.status)) return undefined
  if (typeof o.exitCode !== 'number' || !Number.isInteger(o.exitCode)) return undefined
  const outcome: WorkerOutcome = {
    status: o.status as WorkerOutcome['status'],
    exitCode: o.exitCode,
    truncated: o.truncated === true,
    retire: o.retire === true,
  }
  if (typeof o.error === 'string') outcome.error = o.error
  return { type: 'done', outcome }
}

export function parseRunRequest(data: unknown): RunRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const m = data as Record<string, unknown>
  if (m.type !== 'run' || !isRunLanguage(m.language) || typeof m.code !== 'string') return undefined
  if (typeof m.stdin !== 'string' || typeof m.timeoutMs !== 'number' || typeof m.maxOutputBytes !== 'number') return undefined
  return {
    type: 'run',
    language: m.language,
    code: m.code,
    stdin: m.stdin,
    timeoutMs: m.timeoutMs,
    maxOutputBytes: m.maxOutputBytes,
  }
}
