// JavaScript and TypeScript in QuickJS (WebAssembly). Every run gets a fresh
// runtime and context with its own memory limit and an interrupt handler that
// ends it at its deadline or once its output is full, so one worker serves run
// after run. TypeScript loses its types through sucrase first (line numbers
// stay the same, so error positions still match the editor).
// quickjs-emscripten's own core and release build, imported directly: its index
// names every build variant, and each would add its WebAssembly to dist.
import releaseSync from '@jitl/quickjs-wasmfile-release-sync'
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core'
import type { RunRequest, WorkerOutcome } from '../workerMessages'
import { EXIT_CODE } from '../outcome'
import type { RunOutput, Runner } from '../worker/serve'
import { vmPrelude } from './vmPrelude'

export const JS_MEMORY_LIMIT = 64 * 1024 * 1024
const JS_STACK_LIMIT = 1024 * 1024

type StripTypes = (code: string) => string

/** The VM's timer queue (vmPrelude's VmTimers) seen from the host; runNext hands back what the timer threw. */
type HostTimers = { next(): number; runNext(): QuickJSHandle | undefined; dispose(): void }

/** Loads QuickJS and sucrase (both before the lockdown). */
export async function loadQuickJS(): Promise<Runner> {
  const [quickjs, sucrase] = await Promise.all([newQuickJSWASMModuleFromVariant(releaseSync), import('sucrase')])
  const stripTypes: StripTypes = (code) => sucrase.transform(code, { transforms: ['typescript'], disableESTransforms: true }).code
  return (req, out) => runJavaScript(quickjs, stripTypes, req, out)
}

type Stop = 'timeout' | 'output' | undefined

export async function runJavaScript(quickjs: QuickJSWASMModule, stripTypes: StripTypes, req: RunRequest, out: RunOutput): Promise<WorkerOutcome> {
  const ts = req.language === 'typescript'
  let source = req.code
  if (ts) {
    try {
      source = stripTypes(req.code)
    } catch (err) {
      const message = `SyntaxError: ${err instanceof Error ? err.message : String(err)}`
      out.write('stderr', message + '\n')
      return { status: 'error', exitCode: 1, error: message, truncated: false, retire: false }
    }
  }
  const deadline = Date.now() + req.timeoutMs
  let stop: Stop
  const runtime = quickjs.newRuntime()
  runtime.setMemoryLimit(JS_MEMORY_LIMIT)
  runtime.setMaxStackSize(JS_STACK_LIMIT)
  runtime.setInterruptHandler(() => {
    stop ??= out.full ? 'output' : Date.now() >= deadline ? 'timeout' : undefined
    return stop !== undefined
  })
  const ctx = runtime.newContext()
  let timers: HostTimers | undefined
  let outcome: WorkerOutcome
  try {
    timers = installPrelude(ctx, req.stdin, out)
    const failure = (h: QuickJSHandle) => uncaught(ctx, h, stop, out)
    const result = ctx.evalCode(source, ts ? 'main.ts' : 'main.js', { type: 'global' })
    if (result.error) outcome = failure(result.error)
    else {
      result.value.dispose()
      outcome = await drain(ctx, timers, deadline, failure)
    }
  } finally {
    timers?.dispose()
  }
  return { ...outcome, retire: !release(ctx, runtime) }
}

/** Frees a run's VM; false when QuickJS refused (a leak or an abort): the module is not to be trusted again. */
function release(ctx: QuickJSContext, runtime: { dispose(): void }): boolean {
  try {
    ctx.dispose()
    runtime.dispose()
    return true
  } catch {
    return false
  }
}

/** Runs promise jobs and timers until none is left, the deadline passes, or something throws. */
async function drain(
  ctx: QuickJSContext,
  timers: HostTimers,
  deadline: number,
  failure: (h: QuickJSHandle) => WorkerOutcome,
): Promise<WorkerOutcome> {
  for (;;) {
    const jobs = ctx.runtime.executePendingJobs()
    if (jobs.error) return failure(jobs.error)
    const wait = timers.next()
    if (wait < 0) return ok()
    const left = deadline - Date.now()
    if (wait > left) {
      await sleep(Math.max(0, left))
      return timedOut()
    }
    if (wait > 0) await sleep(wait)
    const err = timers.runNext()
    if (err) return failure(err)
  }
}

function ok(): WorkerOutcome {
  return { status: 'ok', exitCode: 0, truncated: false, retire: false }
}

function timedOut(): WorkerOutcome {
  return { status: 'timeout', exitCode: EXIT_CODE.timeout, truncated: false, retire: false }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** An exception left the program: an interrupt (deadline, output), the memory limit, or the user's own. */
function uncaught(ctx: QuickJSContext, h: QuickJSHandle, stop: Stop, out: RunOutput): WorkerOutcome {
  const e = describeError(ctx, h)
  h.dispose()
  if (stop === 'timeout') return timedOut()
  if (stop === 'output') return { status: 'stopped', exitCode: EXIT_CODE.stopped, truncated: true, retire: false }
  if (/out of memory/i.test(e.message) && e.name === 'InternalError') {
    const error = `Memory limit reached (${JS_MEMORY_LIMIT / (1024 * 1024)} MiB).`
    out.write('stderr', `RangeError: ${error}\n`)
    return { status: 'memory', exitCode: EXIT_CODE.memory, error, truncated: false, retire: false }
  }
  const head = e.name ? `${e.name}: ${e.message}` : `Uncaught ${e.message}`
  out.write('stderr', e.stack ? `${head}\n${e.stack.trimEnd()}\n` : `${head}\n`)
  return { status: 'error', exitCode: 1, error: head, truncated: false, retire: false }
}

function describeError(ctx: QuickJSContext, h: QuickJSHandle): { name: string; message: string; stack: string } {
  if (ctx.typeof(h) !== 'object') return { name: '', message: String(ctx.dump(h)), stack: '' }
  const prop = (key: string) => {
    const p = ctx.getProp(h, key)
    const v = ctx.typeof(p) === 'string' ? ctx.getString(p) : ''
    p.dispose()
    return v
  }
  const message = prop('message')
  const name = prop('name')
  if (!name && !message) return { name: '', message: JSON.stringify(ctx.dump(h)), stack: '' }
  return { name, message, stack: prop('stack') }
}

/** The host side of vmPrelude: writes and stdin, then the prelude evaluated in the VM. */
function installPrelude(ctx: QuickJSContext, stdin: string, out: RunOutput): HostTimers {
  const host = ctx.newObject()
  const write = ctx.newFunction('write', (stream, text) => {
    out.write(ctx.getNumber(stream) === 2 ? 'stderr' : 'stdout', ctx.getString(text))
  })
  const read = ctx.newFunction('stdin', () => ctx.newString(stdin))
  ctx.setProp(host, 'write', write)
  ctx.setProp(host, 'stdin', read)
  ctx.setProp(ctx.global, '__host', host)
  write.dispose()
  read.dispose()
  host.dispose()
  const timers = ctx.unwrapResult(ctx.evalCode(`(${vmPrelude.toString()})(__host)`, 'prelude.js'))
  const call = (name: 'next' | 'runNext') => {
    const fn = ctx.getProp(timers, name)
    const r = ctx.callFunction(fn, timers)
    fn.dispose()
    return r
  }
  return {
    next() {
      const r = call('next')
      if (r.error) {
        r.error.dispose()
        return -1
      }
      const n = ctx.getNumber(r.value)
      r.value.dispose()
      return n
    },
    runNext() {
      const r = call('runNext')
      if (r.error) return r.error
      r.value.dispose()
      return undefined
    },
    dispose: () => timers.dispose(),
  }
}
