// @vitest-environment node
// The QuickJS engine on its own (Node loads the same WebAssembly the worker does).
import { newQuickJSWASMModule, type QuickJSWASMModule } from 'quickjs-emscripten'
import { transform } from 'sucrase'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunRequest } from '../workerMessages'
import type { RunLanguage } from '../types'
import { capturedOutput } from './capturedOutput'
import { runJavaScript } from './quickjs'

let quickjs: QuickJSWASMModule
beforeAll(async () => {
  quickjs = await newQuickJSWASMModule()
})

const stripTypes = (code: string) => transform(code, { transforms: ['typescript'], disableESTransforms: true }).code

async function run(code: string, o: { language?: RunLanguage; stdin?: string; timeoutMs?: number; maxOutputBytes?: number } = {}) {
  const req: RunRequest = {
    type: 'run',
    language: o.language ?? 'javascript',
    code,
    stdin: o.stdin ?? '',
    timeoutMs: o.timeoutMs ?? 5_000,
    maxOutputBytes: o.maxOutputBytes ?? 65_536,
  }
  const out = capturedOutput(req.maxOutputBytes)
  const outcome = await runJavaScript(quickjs, stripTypes, req, out)
  return { outcome, stdout: out.text('stdout'), stderr: out.text('stderr') }
}

describe('runJavaScript', () => {
  it('prints console.log to stdout and console.error to stderr', async () => {
    const r = await run('console.log(1 + 1); console.error("bad", 3)')
    expect(r.outcome).toMatchObject({ status: 'ok', exitCode: 0 })
    expect(r.stdout).toBe('2\n')
    expect(r.stderr).toBe('bad 3\n')
  })

  it('formats values the way Node does', async () => {
    const r = await run(`
      console.log({ a: 1, b: [1, 'x'], c: { d: null } })
      console.log([undefined, 2n, -0], new Map([['k', 1]]), new Set([1]))
      console.log('%s is %d years', 'Ada', 36.5, 'extra')
      function named() {}
      console.log(named, class Point {}, Symbol('s'), [ , 1])
      const o = { self: null }; o.self = o; console.log(o)`)
    expect(r.stdout.split('\n')).toEqual([
      "{ a: 1, b: [ 1, 'x' ], c: { d: null } }",
      "[ undefined, 2n, -0 ] Map(1) { 'k' => 1 } Set(1) { 1 }",
      'Ada is 36.5 years extra',
      '[Function named] [class Point] Symbol(s) [ <1 empty item>, 1 ]',
      '{ self: [Circular *1] }',
      '',
    ])
  })

  it('runs TypeScript once its types are stripped', async () => {
    const r = await run('interface P { x: number }\nconst p: P = { x: 41 }\nfunction inc(n: number): number { return n + 1 }\nconsole.log(inc(p.x) as number)', {
      language: 'typescript',
    })
    expect(r.outcome.status).toBe('ok')
    expect(r.stdout).toBe('42\n')
  })

  it('reports a TypeScript syntax error as an error', async () => {
    const r = await run('const x: = 1', { language: 'typescript' })
    expect(r.outcome).toMatchObject({ status: 'error', exitCode: 1 })
    expect(r.outcome.error).toMatch(/^SyntaxError: /)
  })

  it('ends on an uncaught exception with exit code 1, the message and the stack', async () => {
    const r = await run('function f() {\n  throw new TypeError("boom")\n}\nf()')
    expect(r.outcome).toMatchObject({ status: 'error', exitCode: 1, error: 'TypeError: boom' })
    expect(r.stderr).toMatch(/^TypeError: boom\n\s+at f \(main\.js:2/)
  })

  it('reports a thrown non-error value', async () => {
    const r = await run('throw "plain"')
    expect(r.outcome).toMatchObject({ status: 'error', error: 'Uncaught plain' })
  })

  it('stops an endless loop at the deadline', async () => {
    const r = await run('console.log("start"); while (true) {}', { timeoutMs: 300 })
    expect(r.outcome).toMatchObject({ status: 'timeout', exitCode: 124 })
    expect(r.stdout).toBe('start\n')
  })

  it('ends a memory bomb at the memory limit', async () => {
    const r = await run('const a = []; for (let i = 0; ; i++) a.push(i)')
    expect(r.outcome).toMatchObject({ status: 'memory', exitCode: 137 })
    expect(r.outcome.error).toContain('64 MiB')
  })

  it('stops once the output limit is passed', async () => {
    const r = await run('for (;;) console.log("x".repeat(100))', { maxOutputBytes: 1000 })
    expect(r.outcome).toMatchObject({ status: 'stopped', truncated: true })
    expect(r.stdout.length).toBe(1000)
  })

  it('runs promise jobs and timers in order, with top-level async code', async () => {
    const r = await run(`
      setTimeout(() => console.log('timeout 20'), 20)
      setTimeout(() => console.log('timeout 0'), 0)
      const id = setInterval(() => { console.log('tick'); if (++n === 2) clearInterval(id) }, 5)
      let n = 0
      Promise.resolve().then(() => console.log('microtask'))
      ;(async () => { await null; console.log('async') })()
      console.log('sync')`)
    expect(r.outcome.status).toBe('ok')
    expect(r.stdout).toBe('sync\nmicrotask\nasync\ntimeout 0\ntick\ntick\ntimeout 20\n')
  })

  it('reports an exception thrown in a timer', async () => {
    const r = await run('setTimeout(() => { throw new RangeError("later") }, 1)')
    expect(r.outcome).toMatchObject({ status: 'error', error: 'RangeError: later' })
  })

  it('reads stdin with readline() and require("fs")', async () => {
    const r = await run(
      `const all = require('fs').readFileSync(0, 'utf8')
       let line, lines = []
       while ((line = readline()) !== null) lines.push(line)
       process.stdout.write(lines.join('|') + ' ' + all.length + '\\n')`,
      { stdin: 'a\r\nb\nc' },
    )
    expect(r.stdout).toBe('a|b|c 6\n')
  })

  it('has no network or host objects inside the VM', async () => {
    const r = await run('console.log(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof __host, typeof importScripts)')
    expect(r.stdout).toBe('undefined undefined undefined undefined undefined\n')
    const mod = await run("require('http')")
    expect(mod.outcome.error).toMatch(/Cannot find module 'http'/)
  })
})
