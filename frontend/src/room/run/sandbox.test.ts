import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RunRequest, WorkerMessage } from './workerMessages'
import { Sandbox } from './sandbox'
import type { WorkerLike } from './runWorker'
import type { Engine, OutputStream } from './types'

/** A worker the test speaks for. */
class FakeWorker implements WorkerLike {
  posted: RunRequest[] = []
  terminated = false
  private listeners = { message: [] as ((e: MessageEvent) => void)[], error: [] as ((e: ErrorEvent) => void)[] }

  constructor(readonly engine: Engine) {}

  postMessage(m: unknown) {
    this.posted.push(m as RunRequest)
  }
  terminate() {
    this.terminated = true
  }
  addEventListener(type: 'message' | 'error', listener: (e: never) => void) {
    this.listeners[type].push(listener as never)
  }
  say(m: WorkerMessage) {
    for (const l of this.listeners.message) l({ data: m } as MessageEvent)
  }
  crash(message: string) {
    for (const l of this.listeners.error) l({ message } as ErrorEvent)
  }
  ready() {
    this.say({ type: 'ready' })
  }
  done(status: 'ok' | 'error' | 'memory' = 'ok', o: { exitCode?: number; retire?: boolean } = {}) {
    this.say({ type: 'done', outcome: { status, exitCode: o.exitCode ?? (status === 'ok' ? 0 : 1), truncated: false, retire: o.retire ?? false } })
  }
}

let workers: FakeWorker[]
let sandbox: Sandbox

beforeEach(() => {
  vi.useFakeTimers()
  workers = []
  sandbox = new Sandbox({
    spawn: (engine) => {
      const w = new FakeWorker(engine)
      workers.push(w)
      return w
    },
    now: () => Date.now(),
  })
})

afterEach(() => {
  sandbox.dispose()
  vi.useRealTimers()
})

const alive = () => workers.filter((w) => !w.terminated)

function output() {
  const chunks: [OutputStream, string][] = []
  return { chunks, onOutput: (s: OutputStream, t: string) => void chunks.push([s, t]) }
}

/** Lets the sandbox's awaits run (fake timers do not move by themselves). */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('Sandbox.run', () => {
  it('runs in a worker once it is ready, streams its output and keeps it as the warm spare', async () => {
    const out = output()
    const onBegin = vi.fn()
    const result = sandbox.run('python', 'print(1)', { timeoutMs: 10_000, stdin: 'x', onOutput: out.onOutput, onBegin })
    expect(sandbox.state('python')).toBe('loading')
    await settle()
    expect(workers).toHaveLength(1)
    expect(workers[0]!.posted).toEqual([])
    expect(onBegin).not.toHaveBeenCalled() // still loading: the time limit has not started
    workers[0]!.ready()
    await settle()
    expect(sandbox.state('python')).toBe('running')
    expect(onBegin).toHaveBeenCalledTimes(1)
    expect(workers[0]!.posted).toEqual([{ type: 'run', language: 'python', code: 'print(1)', stdin: 'x', timeoutMs: 10_000, maxOutputBytes: 65_536 }])
    workers[0]!.say({ type: 'output', stream: 'stdout', text: '1\n' })
    await vi.advanceTimersByTimeAsync(40)
    workers[0]!.done()
    expect(await result).toEqual({ status: 'ok', exitCode: 0, durationMs: 40, truncated: false })
    expect(out.chunks).toEqual([['stdout', '1\n']])
    expect(sandbox.state('python')).toBe('ready')

    const again = sandbox.run('python', 'pass', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[0]!.done()
    expect((await again).status).toBe('ok')
    expect(workers).toHaveLength(1)
  })

  it('shares one worker kind between JavaScript and TypeScript', async () => {
    await prepared('javascript')
    const r = sandbox.run('typescript', 'let x: number = 1', { timeoutMs: 1_000, onOutput: () => {} })
    await settle()
    expect(workers[0]!.posted[0]!.language).toBe('typescript')
    workers[0]!.done()
    await r
    expect(workers).toHaveLength(1)
  })

  it('terminates a worker that is still running at its deadline and prepares a new one', async () => {
    await prepared('python')
    const r = sandbox.run('python', 'while True: pass', { timeoutMs: 2_000, onOutput: () => {} })
    await vi.advanceTimersByTimeAsync(2_249)
    expect(workers[0]!.terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await r).toMatchObject({ status: 'timeout', exitCode: 124, durationMs: 2_250, error: 'Time limit reached: still running after 2 s.' })
    expect(workers[0]!.terminated).toBe(true)
    // The spare prepared a second into the run takes over.
    expect(alive()).toHaveLength(1)
    expect(sandbox.state('python')).toBe('loading')
  })

  it('takes a worker timeout reported in time without terminating it', async () => {
    await prepared('javascript')
    const r = sandbox.run('javascript', 'while(true){}', { timeoutMs: 500, onOutput: () => {} })
    await vi.advanceTimersByTimeAsync(500)
    workers[0]!.say({ type: 'done', outcome: { status: 'timeout', exitCode: 124, truncated: false, retire: false } })
    expect(await r).toMatchObject({ status: 'timeout', durationMs: 500 })
    expect(workers[0]!.terminated).toBe(false)
  })

  it('prepares a spare beside a run that goes on, and keeps the fresh one afterwards', async () => {
    await prepared('python')
    const r = sandbox.run('python', 'work()', { timeoutMs: 10_000, onOutput: () => {} })
    await vi.advanceTimersByTimeAsync(999)
    expect(workers).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(workers).toHaveLength(2)
    workers[1]!.ready()
    workers[0]!.done()
    await r
    expect(workers[0]!.terminated).toBe(true)
    expect(alive()).toEqual([workers[1]])
    expect(sandbox.state('python')).toBe('ready')
  })

  it('stop() ends every run at once', async () => {
    await prepared('python')
    await prepared('sql')
    const py = sandbox.run('python', 'loop()', { timeoutMs: 10_000, onOutput: () => {} })
    const sql = sandbox.run('sql', 'SELECT 1;', { timeoutMs: 10_000, onOutput: () => {} })
    await vi.advanceTimersByTimeAsync(300)
    sandbox.stop()
    expect(await py).toMatchObject({ status: 'stopped', exitCode: 130, durationMs: 300 })
    expect(await sql).toMatchObject({ status: 'stopped' })
    expect(workers.slice(0, 2).every((w) => w.terminated)).toBe(true)
  })

  it('a signal stops only its own run', async () => {
    await prepared('python')
    const stop = new AbortController()
    const a = sandbox.run('python', 'a()', { timeoutMs: 10_000, onOutput: () => {}, signal: stop.signal })
    const b = sandbox.run('python', 'b()', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[1]!.ready()
    await settle()
    stop.abort()
    expect(await a).toMatchObject({ status: 'stopped' })
    workers[1]!.done()
    expect(await b).toMatchObject({ status: 'ok' })
  })

  it('stopping a run that waits for its runtime keeps the loading worker as the spare', async () => {
    const r = sandbox.run('python', 'pass', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    sandbox.stop()
    expect(await r).toMatchObject({ status: 'stopped', durationMs: 0 })
    expect(workers[0]!.terminated).toBe(false)
    expect(sandbox.state('python')).toBe('loading')
  })

  it('a worker that dies during a run makes it crashed, and a new one is prepared', async () => {
    await prepared('python')
    const r = sandbox.run('python', 'boom()', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[0]!.crash('Out of memory')
    expect(await r).toMatchObject({ status: 'crashed', exitCode: 134, error: 'The python runtime stopped: Out of memory' })
    expect(alive()).toHaveLength(1)
  })

  it('a runtime that cannot load makes the run crashed and the language failed', async () => {
    const r = sandbox.run('sql', 'SELECT 1;', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[0]!.say({ type: 'failed', error: 'no wasm here' })
    expect(await r).toMatchObject({ status: 'crashed', durationMs: 0, error: 'The sql runtime did not start: no wasm here' })
    expect(sandbox.state('sql')).toBe('failed')
  })

  it('gives up on a worker that does not load in time', async () => {
    const r = sandbox.prepare('python')
    await vi.advanceTimersByTimeAsync(120_000)
    await expect(r).rejects.toThrow('it did not load within 120 s')
    expect(sandbox.state('python')).toBe('failed')
    expect(workers[0]!.terminated).toBe(true)
  })

  it('replaces a worker that asks to retire (e.g. after a MemoryError)', async () => {
    await prepared('python')
    const r = sandbox.run('python', 'x = [0] * 10**10', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[0]!.done('memory', { exitCode: 137, retire: true })
    expect(await r).toMatchObject({ status: 'memory', exitCode: 137 })
    expect(workers[0]!.terminated).toBe(true)
    expect(alive()).toHaveLength(1)
  })

  it('hands output on in batches while the run goes on', async () => {
    await prepared('python')
    const out = output()
    const r = sandbox.run('python', 'for i in range(3): print(i)', { timeoutMs: 10_000, onOutput: out.onOutput })
    await settle()
    for (const text of ['0\n', '1\n', '2\n']) workers[0]!.say({ type: 'output', stream: 'stdout', text })
    expect(out.chunks).toEqual([])
    await vi.advanceTimersByTimeAsync(50)
    expect(out.chunks).toEqual([['stdout', '0\n1\n2\n']])
    workers[0]!.say({ type: 'output', stream: 'stderr', text: 'bye\n' })
    workers[0]!.done()
    await r
    expect(out.chunks).toEqual([
      ['stdout', '0\n1\n2\n'],
      ['stderr', 'bye\n'],
    ])
  })

  it('passes no more output than the limit on, whatever the worker sends', async () => {
    await prepared('javascript')
    const out = output()
    const r = sandbox.run('javascript', 'spam()', { timeoutMs: 10_000, onOutput: out.onOutput, maxOutputBytes: 5 })
    await settle()
    workers[0]!.say({ type: 'output', stream: 'stdout', text: 'abc' })
    workers[0]!.say({ type: 'output', stream: 'stderr', text: 'def' })
    workers[0]!.say({ type: 'output', stream: 'stdout', text: 'ghi' })
    workers[0]!.done()
    expect(await r).toMatchObject({ truncated: true })
    expect(out.chunks).toEqual([
      ['stdout', 'abc'],
      ['stderr', 'de'],
    ])
  })

  it('ignores messages that are not part of the protocol', async () => {
    await prepared('javascript')
    const r = sandbox.run('javascript', '1', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    workers[0]!.say({ type: 'done', outcome: { status: 'great' } } as unknown as WorkerMessage)
    workers[0]!.done()
    expect((await r).status).toBe('ok')
  })

  it('refuses a time limit that is not a positive number', async () => {
    await expect(sandbox.run('python', '', { timeoutMs: 0, onOutput: () => {} })).rejects.toThrow(RangeError)
  })
})

describe('Sandbox.prepare and state', () => {
  it('loads a spare once, tells subscribers, and goes from cold to loading to ready', async () => {
    const seen: string[] = []
    sandbox.subscribe(() => seen.push(sandbox.state('python')))
    expect(sandbox.state('python')).toBe('cold')
    const p = sandbox.prepare('python')
    expect(sandbox.prepare('python')).toBe(p)
    expect(sandbox.state('python')).toBe('loading')
    workers[0]!.ready()
    await p
    expect(sandbox.state('python')).toBe('ready')
    expect(seen.at(-1)).toBe('ready')
    expect(workers).toHaveLength(1)
  })

  it('dispose() ends every run, terminates every worker and refuses further use', async () => {
    await prepared('python')
    await prepared('sql')
    const r = sandbox.run('python', 'loop()', { timeoutMs: 10_000, onOutput: () => {} })
    await settle()
    sandbox.dispose()
    expect(await r).toMatchObject({ status: 'stopped' })
    expect(workers).toHaveLength(2)
    expect(alive()).toEqual([])
    expect(() => sandbox.prepare('python')).toThrow('disposed')
  })
})

/** A ready spare for the language's runtime. */
async function prepared(language: 'python' | 'javascript' | 'sql'): Promise<void> {
  const p = sandbox.prepare(language)
  workers.at(-1)!.ready()
  await p
}
