// Python in Pyodide, loaded from the host's own /assets/runtime/ folder. The
// lock file handed to Pyodide lists no packages, so nothing is ever fetched
// besides the runtime's own three files; `import numpy` meets runner.py's
// offline finder instead. The interpreter stays for the next run (runner.py
// resets what a program leaves behind); a run that cannot be interrupted, such
// as `while True: pass`, is the page's to end by terminating the worker.
import { loadPyodide, version, type LockfileInfo, type PyodideAPI } from 'pyodide'
import { info as lockInfo } from 'pyodide/pyodide-lock.json'
import type { WorkerOutcome } from '../workerMessages'
import type { OutputStream } from '../types'
import type { RunOutput, Runner } from '../worker/serve'
import runnerSource from './runner.py?raw'

/** The Python worker's WebAssembly ceiling: Pyodide itself takes about 30 MiB of it. */
export const PYTHON_MEMORY_LIMIT = 512 * 1024 * 1024

/** Where the build put Pyodide's own files, from the site root: /assets/runtime/pyodide-VERSION/ (vite.config.ts). */
declare const __PYODIDE_INDEX__: string

type Result = { toJs(): unknown[]; destroy(): void }
type RunFn = ((code: string, stdin: string) => Promise<Result>) & { callPromising(code: string, stdin: string): Promise<Result> }

/** With JS promise integration (stack switching), asyncio.run() works inside a program too. */
const stackSwitching = typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function'

export async function loadPython(): Promise<Runner> {
  const indexURL = new URL(__PYODIDE_INDEX__, self.location.origin).href
  const pyodide = await loadPyodide({
    indexURL,
    packageBaseUrl: indexURL,
    lockFileContents: { info: { ...lockInfo, version } as LockfileInfo, packages: {} },
    env: { PYTHONUNBUFFERED: '1', HOME: '/home/pyodide' },
    stdout: () => {},
    stderr: () => {},
  })
  const streams = new Streams(pyodide)
  const ns = pyodide.toPy({})
  pyodide.runPython(runnerSource, { globals: ns, filename: '<runner>' })
  const run = ns.get('run') as RunFn
  return async (req, out) => {
    streams.attach(out)
    try {
      const result = await (stackSwitching ? run.callPromising(req.code, req.stdin) : run(req.code, req.stdin))
      const [exitCode, kind, error] = result.toJs() as [number, 'ok' | 'error' | 'memory', string]
      result.destroy()
      return outcome(exitCode, kind, error)
    } finally {
      streams.detach()
    }
  }
}

function outcome(exitCode: number, kind: 'ok' | 'error' | 'memory', error: string): WorkerOutcome {
  const o: WorkerOutcome = { status: kind, exitCode, truncated: false, retire: kind === 'memory' }
  if (error) o.error = error
  return o
}

/** stdout and stderr of the interpreter, sent to the current run's output as UTF-8 arrives. */
class Streams {
  private out: RunOutput | undefined
  private decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() }

  constructor(pyodide: PyodideAPI) {
    pyodide.setStdout({ write: (b: Uint8Array) => this.write('stdout', b), isatty: false })
    pyodide.setStderr({ write: (b: Uint8Array) => this.write('stderr', b), isatty: false })
  }

  attach(out: RunOutput): void {
    this.out = out
    this.decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() }
  }

  detach(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.decoders[stream].decode()
      if (rest) this.out?.write(stream, rest)
    }
    this.out = undefined
  }

  private write(stream: OutputStream, bytes: Uint8Array): number {
    const out = this.out
    if (!out) return bytes.length
    // Past the output limit every write fails, so print() raises and the program ends.
    if (out.full) throw new Error('output limit reached')
    out.write(stream, this.decoders[stream].decode(bytes, { stream: true }))
    return bytes.length
  }
}
