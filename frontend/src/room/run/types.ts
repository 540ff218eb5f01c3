// The public shapes of in-browser code execution (the room's "Run" button).
// Statuses and streams are the room channel's (`run.output`, `run.done`).
import type { RunOutputPart, RunStatus } from '../workspace/messages'

export type RunLanguage = 'javascript' | 'typescript' | 'python' | 'sql'

/** The languages this browser can run offline, for the `runner` message. */
export const BROWSER_LANGUAGES: readonly RunLanguage[] = ['javascript', 'typescript', 'python', 'sql']

export function isRunLanguage(value: unknown): value is RunLanguage {
  return typeof value === 'string' && (BROWSER_LANGUAGES as readonly string[]).includes(value)
}

/**
 * The room channel's run statuses. Here: ok: finished with exit code 0.
 * error: an exception or a non-zero exit. timeout: still running at its
 * deadline. stopped: stop() was called, or its output passed the limit.
 * memory: over its memory limit. crashed: the worker died (e.g. WebAssembly
 * out of memory) or could not start its runtime.
 */
export type { RunStatus }

export type RunResult = {
  status: RunStatus
  exitCode: number
  durationMs: number
  /** One line for people: the exception ("ZeroDivisionError: division by zero"), the limit hit, … */
  error?: string
  /** The output passed maxOutputBytes: what came after was dropped and the run was stopped. */
  truncated: boolean
}

export type OutputStream = RunOutputPart['stream']

export type RunOptions = {
  /** Wall-clock limit, from the moment the run is handed to a ready worker. */
  timeoutMs: number
  stdin?: string
  onOutput: (stream: OutputStream, text: string) => void
  /** Called once when the runtime is loaded and the code is handed to it (the time limit starts). */
  onBegin?: () => void
  /** stdout and stderr together, in UTF-8 bytes. Default 64 KiB. */
  maxOutputBytes?: number
}

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024

/** The runtimes behind the languages: one worker kind each. */
export type Engine = 'quickjs' | 'pyodide' | 'sqlite'

export function engineOf(language: RunLanguage): Engine {
  switch (language) {
    case 'javascript':
    case 'typescript':
      return 'quickjs'
    case 'python':
      return 'pyodide'
    case 'sql':
      return 'sqlite'
  }
}

/** Where a language's runtime is: cold (not loaded), loading, ready, running, or failed to load. */
export type RuntimeState = 'cold' | 'loading' | 'ready' | 'running' | 'failed'
