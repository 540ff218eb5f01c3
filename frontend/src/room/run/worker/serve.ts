// The part every run worker shares: load the runtime, lock the worker down,
// say ready, then run one request at a time, with the output limit applied
// here before anything leaves the worker.
import { lockdown, type LockdownScope } from '../lockdown'
import { parseRunRequest, type RunRequest, type WorkerMessage, type WorkerOutcome } from '../workerMessages'
import { EXIT_CODE, outputLimitMessage } from '../outcome'
import { OutputCap } from '../outputCap'
import type { OutputStream } from '../types'

/** What a runtime writes to; full turns true once the output limit is passed (stop the program then). */
export type RunOutput = {
  write(stream: OutputStream, text: string): void
  readonly full: boolean
}

export type Runner = (req: RunRequest, out: RunOutput) => Promise<WorkerOutcome>

/**
 * Serves runs in this worker. load fetches and starts the runtime; only after
 * it resolves is the worker locked down (the runtime needs fetch for its own
 * files), and only then does the page hear `ready`.
 */
export function serveRuns(load: () => Promise<Runner>): void {
  const scope = globalThis as unknown as LockdownScope
  const post = scope.postMessage.bind(scope) as (m: WorkerMessage) => void
  const queue: RunRequest[] = []
  let runner: Runner | undefined
  let busy = false

  const next = async () => {
    if (busy || !runner) return
    const req = queue.shift()
    if (!req) return
    busy = true
    post({ type: 'done', outcome: await runOne(runner, req, post) })
    busy = false
    void next()
  }
  scope.addEventListener('message', (e: MessageEvent) => {
    // Only the page's postMessage, not an event that user code dispatched itself.
    const req = e.isTrusted ? parseRunRequest(e.data) : undefined
    if (!req) return
    queue.push(req)
    void next()
  })

  // A runtime that dies while loading may only say so in an event (emscripten
  // aborts from callbacks): the page hears `failed` instead of waiting forever.
  const failedLoading = (why: unknown) => {
    if (!runner) post({ type: 'failed', error: `the runtime did not load: ${describe(why)}` })
  }
  scope.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => failedLoading(e.reason))
  scope.addEventListener('error', (e: ErrorEvent) => {
    // Once serving, a stray exception (say, in a callback user code left
    // behind) is not the worker's death: the page would terminate it.
    if (runner) e.preventDefault()
    else failedLoading(e.error ?? e.message)
  })

  load().then(
    (r) => {
      const left = lockdown(scope)
      if (left.length > 0) {
        post({ type: 'failed', error: `the worker could not be locked down (${left.join(', ')} still reachable)` })
        return
      }
      runner = r
      post({ type: 'ready' })
      void next()
    },
    (err: unknown) => failedLoading(err),
  )
}

async function runOne(runner: Runner, req: RunRequest, post: (m: WorkerMessage) => void): Promise<WorkerOutcome> {
  const cap = new OutputCap(req.maxOutputBytes)
  const out: RunOutput = {
    write(stream, text) {
      const part = cap.take(text)
      if (part !== '') post({ type: 'output', stream, text: part })
    },
    get full() {
      return cap.truncated
    },
  }
  let outcome: WorkerOutcome
  try {
    outcome = await runner(req, out)
  } catch (err) {
    outcome = { status: 'crashed', exitCode: EXIT_CODE.crashed, error: `The runtime failed: ${describe(err)}`, truncated: false, retire: true }
  }
  if (!cap.truncated || outcome.status === 'crashed') return { ...outcome, truncated: outcome.truncated || cap.truncated }
  // However the program ended after that, it was the output limit that ended it.
  return { status: 'stopped', exitCode: EXIT_CODE.stopped, error: outputLimitMessage(req.maxOutputBytes), truncated: true, retire: outcome.retire }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}
