// The three run workers. Each `new Worker(new URL(…))` stays literal so the
// build finds it and emits the worker (and its runtime) as separate files,
// loaded only when a run or a prepare() needs them.
import type { WorkerLike } from './runWorker'
import type { Engine } from './types'

export function spawnRunWorker(engine: Engine): WorkerLike {
  switch (engine) {
    case 'quickjs':
      return new Worker(new URL('./worker/quickjs.worker.ts', import.meta.url), { type: 'module', name: 'run-javascript' })
    case 'pyodide':
      return new Worker(new URL('./worker/python.worker.ts', import.meta.url), { type: 'module', name: 'run-python' })
    case 'sqlite':
      return new Worker(new URL('./worker/sqlite.worker.ts', import.meta.url), { type: 'module', name: 'run-sql' })
  }
}
