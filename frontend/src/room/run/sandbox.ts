// The page's side of code execution. Every run happens in a Web Worker of its
// language's runtime, never on the page; the time limit is kept from here, so
// a worker that cannot be interrupted (Python in `while True: pass`) is
// terminated at its deadline. Per runtime one warm spare worker waits once the
// language was used or prepared; a run that is still going after a second
// gets a fresh spare prepared beside it, so a terminated run is followed by a
// warm one instead of a second cold start.
import type { WorkerOutcome } from './workerMessages'
import { terminatedResult, workerResult, type Termination } from './outcome'
import { OutputBatch } from './outputBatch'
import { OutputCap } from './outputCap'
import { RunWorker, type SpawnWorker } from './runWorker'
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  engineOf,
  type Engine,
  type RunLanguage,
  type RunOptions,
  type RunResult,
  type RuntimeState,
} from './types'
import { spawnRunWorker } from './workers'

export type SandboxOptions = {
  spawn?: SpawnWorker
  /** A run still going after this long gets a spare worker prepared beside it. */
  spareAfterMs?: number
  /** How long past its time limit a worker may take to report its own timeout before it is terminated. */
  killGraceMs?: number
  /** A worker whose runtime is not loaded by then is given up (Python downloads about 13 MB). */
  loadTimeoutMs?: number
  /** Output reaches onOutput in batches at most this far apart. */
  outputBatchMs?: number
  now?: () => number
}

export type RunHandle = RunOptions & {
  /** Stops this run only (stop() stops them all). */
  signal?: AbortSignal
}

/** A run in progress; waiting: its worker is still loading the runtime. */
type Active = { engine: Engine; waiting: boolean; end: (t: Termination) => void }

const SPARE_AFTER_MS = 1000
const KILL_GRACE_MS = 250
const LOAD_TIMEOUT_MS = 120_000
const OUTPUT_BATCH_MS = 50

export class Sandbox {
  private readonly spawn: SpawnWorker
  private readonly spareAfterMs: number
  private readonly killGraceMs: number
  private readonly loadTimeoutMs: number
  private readonly outputBatchMs: number
  private readonly now: () => number
  /** The warm (or warming) spare of each runtime. */
  private readonly spares = new Map<Engine, RunWorker>()
  private readonly failed = new Set<Engine>()
  private readonly active = new Set<Active>()
  private readonly listeners = new Set<() => void>()
  private disposed = false

  constructor(o: SandboxOptions = {}) {
    this.spawn = o.spawn ?? spawnRunWorker
    this.spareAfterMs = o.spareAfterMs ?? SPARE_AFTER_MS
    this.killGraceMs = o.killGraceMs ?? KILL_GRACE_MS
    this.loadTimeoutMs = o.loadTimeoutMs ?? LOAD_TIMEOUT_MS
    this.outputBatchMs = o.outputBatchMs ?? OUTPUT_BATCH_MS
    this.now = o.now ?? (() => performance.now())
  }

  /** Loads the language's runtime in a spare worker (Python: seconds); resolves when it is ready. */
  prepare(language: RunLanguage): Promise<void> {
    this.assertOpen()
    return this.spare(engineOf(language)).ready
  }

  /** Where the language's runtime is, for a Run button's label. */
  state(language: RunLanguage): RuntimeState {
    const engine = engineOf(language)
    const runs = [...this.active].filter((a) => a.engine === engine)
    if (runs.some((a) => !a.waiting)) return 'running'
    const spare = this.spares.get(engine)
    if (spare?.phase === 'ready') return 'ready'
    if (spare?.phase === 'loading' || runs.length > 0) return 'loading'
    return this.failed.has(engine) ? 'failed' : 'cold'
  }

  /** Calls back whenever some language's state() may have changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Runs code to its end, its time limit, stop(), or its signal. Never rejects once started. */
  async run(language: RunLanguage, code: string, opts: RunHandle): Promise<RunResult> {
    this.assertOpen()
    if (!(opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs))) throw new RangeError(`timeoutMs must be a positive number, not ${opts.timeoutMs}`)
    const engine = engineOf(language)
    const worker = this.take(engine)
    const waiting: Active = { engine, waiting: true, end: () => {} }
    const stopped = new Promise<Termination>((resolve) => (waiting.end = resolve))
    this.track(waiting, opts.signal)
    try {
      const first = await Promise.race([worker.ready.then(() => undefined), stopped])
      if (first) {
        this.putBack(worker)
        return terminatedResult(first, 0, false)
      }
    } catch (err) {
      return notStarted(language, (err as Error).message)
    } finally {
      this.untrack(waiting)
    }
    if (worker.phase !== 'ready') return notStarted(language, 'the worker stopped')
    return this.execute(worker, language, code, opts)
  }

  /** Terminates every running worker at once; their runs resolve as 'stopped'. */
  stop(): void {
    for (const a of [...this.active]) a.end({ reason: 'stopped' })
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.stop()
    for (const w of this.spares.values()) w.kill()
    this.spares.clear()
    this.listeners.clear()
  }

  private execute(worker: RunWorker, language: RunLanguage, code: string, opts: RunHandle): Promise<RunResult> {
    const limit = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES
    const cap = new OutputCap(limit)
    const batch = new OutputBatch((stream, text) => deliver(opts, stream, text), this.outputBatchMs)
    const started = this.now()
    const elapsed = () => Math.round(this.now() - started)
    return new Promise<RunResult>((resolve) => {
      const run: Active = { engine: worker.engine, waiting: false, end: () => {} }
      let over = false
      const finish = (result: RunResult, keep: boolean) => {
        if (over) return
        over = true
        clearTimeout(deadline)
        clearTimeout(spare)
        this.untrack(run)
        batch.flush()
        if (keep) this.recycle(worker)
        else {
          worker.kill()
          if (!this.disposed) this.spare(worker.engine)
        }
        resolve(result)
      }
      run.end = (t) => finish(terminatedResult(t, elapsed(), cap.truncated), false)
      const deadline = setTimeout(() => run.end({ reason: 'timeout', timeoutMs: opts.timeoutMs }), opts.timeoutMs + this.killGraceMs)
      const spare = setTimeout(() => this.spare(worker.engine), this.spareAfterMs)
      worker.start(
        { type: 'run', language, code, stdin: opts.stdin ?? '', timeoutMs: opts.timeoutMs, maxOutputBytes: limit },
        {
          message: (m) => {
            if (m.type === 'output') batch.add(m.stream, cap.take(m.text))
            else finish(workerResult(m.outcome, elapsed(), cap.truncated), !retire(m.outcome))
          },
          died: (detail) => run.end({ reason: 'crashed', detail: `The ${language} runtime stopped: ${detail}` }),
        },
      )
      this.track(run, opts.signal)
      opts.onBegin?.()
    })
  }

  /** The spare if there is one (it becomes this run's), else a new worker. */
  private take(engine: Engine): RunWorker {
    const spare = this.spares.get(engine)
    if (spare && spare.phase !== 'dead') {
      this.spares.delete(engine)
      return spare
    }
    return this.newWorker(engine)
  }

  /** The engine's spare, started now if there is none. */
  private spare(engine: Engine): RunWorker {
    const existing = this.spares.get(engine)
    if (existing && existing.phase !== 'dead') return existing
    const w = this.newWorker(engine)
    this.spares.set(engine, w)
    return w
  }

  private newWorker(engine: Engine): RunWorker {
    const w = new RunWorker(engine, this.spawn, () => this.changed(), this.loadTimeoutMs)
    this.failed.delete(engine)
    w.ready.catch(() => {
      if (w.killed) return
      if (this.spares.get(engine) === w) this.spares.delete(engine)
      this.failed.add(engine)
      this.changed()
    })
    return w
  }

  /** A worker whose run ended cleanly: the spare if none is waiting, else it goes (the spare is fresher). */
  private recycle(worker: RunWorker): void {
    worker.release()
    this.putBack(worker)
  }

  private putBack(worker: RunWorker): void {
    const spare = this.spares.get(worker.engine)
    if (this.disposed || (spare && spare !== worker && spare.phase !== 'dead')) worker.kill()
    else this.spares.set(worker.engine, worker)
    this.changed()
  }

  private track(a: Active, signal: AbortSignal | undefined): void {
    this.active.add(a)
    this.changed()
    if (!signal) return
    if (signal.aborted) a.end({ reason: 'stopped' })
    else signal.addEventListener('abort', () => a.end({ reason: 'stopped' }), { once: true })
  }

  private untrack(a: Active): void {
    if (this.active.delete(a)) this.changed()
  }

  private changed(): void {
    for (const l of this.listeners) {
      try {
        l()
      } catch {
        // a listener's failure is not the sandbox's
      }
    }
  }

  private assertOpen(): void {
    if (this.disposed) throw new Error('the sandbox was disposed')
  }
}

function notStarted(language: RunLanguage, why: string): RunResult {
  return terminatedResult({ reason: 'crashed', detail: `The ${language} runtime did not start: ${why}` }, 0, false)
}

function retire(o: WorkerOutcome): boolean {
  return o.retire || o.status === 'crashed'
}

function deliver(opts: RunOptions, stream: 'stdout' | 'stderr', text: string): void {
  try {
    opts.onOutput(stream, text)
  } catch {
    // the caller's problem; the run goes on
  }
}
