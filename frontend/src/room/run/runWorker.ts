// One run worker as the page sees it: loading, ready, busy with a run, or
// dead. It starts loading its runtime the moment it is spawned.
import { parseWorkerMessage, type RunRequest, type WorkerMessage } from './workerMessages'
import type { Engine } from './types'

/** The part of Worker the sandbox uses (tests give a fake). */
export type WorkerLike = {
  postMessage(message: unknown): void
  terminate(): void
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void
}

export type SpawnWorker = (engine: Engine) => WorkerLike

export type WorkerPhase = 'loading' | 'ready' | 'busy' | 'dead'

/** What the current run hears: the worker's messages, or its death. */
export type RunListener = {
  message(m: Exclude<WorkerMessage, { type: 'ready' } | { type: 'failed' }>): void
  died(detail: string): void
}

export class RunWorker {
  phase: WorkerPhase = 'loading'
  /** Ended by the page (kill), not by a failure of its own. */
  killed = false
  /** Resolves once the runtime is loaded and the worker locked down; rejects with why it could not. */
  readonly ready: Promise<void>
  private readonly worker: WorkerLike
  private listener: RunListener | undefined
  private settle!: { resolve: () => void; reject: (err: Error) => void }

  constructor(
    readonly engine: Engine,
    spawn: SpawnWorker,
    private readonly changed: () => void,
    loadTimeoutMs: number,
  ) {
    this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }))
    this.ready.catch(() => {}) // a spare nobody waits for may fail quietly; callers await it themselves
    const late = setTimeout(() => this.die(`it did not load within ${Math.round(loadTimeoutMs / 1000)} s`), loadTimeoutMs)
    this.ready.then(() => clearTimeout(late), () => clearTimeout(late))
    this.worker = spawn(engine)
    this.worker.addEventListener('message', (e) => this.receive(e.data))
    this.worker.addEventListener('error', (e) => this.die(e.message || 'the worker stopped with an error'))
  }

  /** Hands a run to a ready worker; the listener hears everything until the run ends. */
  start(req: RunRequest, listener: RunListener): void {
    if (this.phase !== 'ready') throw new Error(`run worker is ${this.phase}, not ready`)
    this.phase = 'busy'
    this.listener = listener
    this.worker.postMessage(req)
    this.changed()
  }

  /** The run ended and the worker is fit for another. */
  release(): void {
    if (this.phase !== 'busy') return
    this.listener = undefined
    this.phase = 'ready'
    this.changed()
  }

  kill(): void {
    if (this.phase === 'dead') return
    this.killed = true
    this.worker.terminate()
    this.listener = undefined
    this.phase = 'dead'
    this.settle.reject(new Error('stopped before it was ready'))
    this.changed()
  }

  private receive(data: unknown): void {
    const m = parseWorkerMessage(data)
    if (!m) return
    if (m.type === 'ready') {
      if (this.phase !== 'loading') return
      this.phase = 'ready'
      this.settle.resolve()
      this.changed()
    } else if (m.type === 'failed') {
      this.die(m.error)
    } else if (this.phase === 'busy') {
      this.listener?.message(m)
    }
  }

  private die(detail: string): void {
    if (this.phase === 'dead') return
    const listener = this.listener
    this.worker.terminate()
    this.listener = undefined
    this.phase = 'dead'
    this.settle.reject(new Error(detail))
    listener?.died(detail)
    this.changed()
  }
}
