// In-browser code execution in real headless Chromium, on a room page served by
// the real host, with every request that is not for the host's own origin
// aborted: the runtimes must come from the host and run offline. The page
// imports the built sandbox module (dist/assets/run-sandbox-HASH.js) and
// drives it from page.evaluate, as the room does from its Run button.
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunLanguage, RunResult, Sandbox } from '../src/room/run'
import { startHost, type Host } from './harness'
import { createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

declare global {
  interface Window {
    sandbox: Sandbox
  }
}

let host: Host
let browser: Participant
let page: Page
const requests: string[] = []
const aborted: string[] = []
const timings: string[] = []

const assets = resolve(import.meta.dirname, '../dist/assets')
const modules = readdirSync(assets).filter((f) => /^run-sandbox-[\w-]+\.js$/.test(f))

beforeAll(async () => {
  expect(modules, 'one built run-sandbox module in dist/assets (run `npm run build`)').toHaveLength(1)
  host = await startHost()
  browser = await openParticipant(host, { login: true })
  page = browser.page
  await setOrganizer(page)
  const { interview } = await createInterview(page)
  const origin = new URL(host.url).origin
  await browser.context.route('**/*', (route) => {
    const url = route.request().url()
    if (new URL(url).origin === origin) return route.continue()
    aborted.push(url)
    return route.abort('blockedbyclient')
  })
  browser.context.on('request', (r: Request) => requests.push(r.url()))
  await page.goto(interview.interviewerLink)
  // A string, so the test runner does not rewrite the import() for Node.
  await page.evaluate(`import('/assets/${modules[0]}').then((m) => { window.sandbox = new m.Sandbox() })`)
})

afterAll(async () => {
  if (timings.length) console.log(`run sandbox timings in Chromium:\n  ${timings.join('\n  ')}`)
  await browser?.close()
  await host?.stop()
})

type Ran = RunResult & { stdout: string; stderr: string; wallMs: number }

function run(language: RunLanguage, code: string, o: { timeoutMs?: number; stdin?: string } = {}): Promise<Ran> {
  return page.evaluate(
    async ([language, code, timeoutMs, stdin]) => {
      const out = { stdout: '', stderr: '' }
      const t0 = performance.now()
      const r = await window.sandbox.run(language, code, { timeoutMs, stdin, onOutput: (s, text) => (out[s] += text) })
      return { ...r, ...out, wallMs: Math.round(performance.now() - t0) }
    },
    [language, code, o.timeoutMs ?? 10_000, o.stdin ?? ''] as const,
  )
}

function prepare(language: RunLanguage): Promise<number> {
  return page.evaluate(async (language) => {
    const t0 = performance.now()
    await window.sandbox.prepare(language)
    return Math.round(performance.now() - t0)
  }, language)
}

/** Cold start (prepare on a fresh page), then the wall time of a trivial run on the warm spare. */
async function measure(language: RunLanguage, code: string): Promise<void> {
  const cold = await prepare(language)
  const warm = await run(language, code)
  expect(warm.status).toBe('ok')
  timings.push(`${language}: cold start ${cold} ms, run on the warm worker ${warm.wallMs} ms (${warm.durationMs} ms in the worker)`)
}

describe('the room page runs code offline', () => {
  it('JavaScript: console.log(1 + 1) prints 2', async () => {
    await measure('javascript', '1')
    const r = await run('javascript', 'console.log(1 + 1)')
    expect(r).toMatchObject({ status: 'ok', exitCode: 0, stdout: '2\n', stderr: '', truncated: false })
  })

  it('JavaScript: an uncaught exception is an error with its message and stack', async () => {
    const r = await run('javascript', 'function explode() {\n  throw new Error("nope")\n}\nexplode()')
    expect(r).toMatchObject({ status: 'error', exitCode: 1, error: 'Error: nope' })
    expect(r.stderr).toContain('at explode (main.js:2')
  })

  it('TypeScript with types runs', async () => {
    await measure('typescript', 'const x: number = 1')
    const r = await run('typescript', 'type Pair = [string, number]\nconst p: Pair = ["answer", 42]\nconsole.log(`${p[0]}=${p[1] as number}`)')
    expect(r).toMatchObject({ status: 'ok', stdout: 'answer=42\n' })
  })

  it('Python: print(sum(range(10))) prints 45, and stdin reaches input()', async () => {
    await measure('python', 'pass')
    const r = await run('python', 'print(sum(range(10)))')
    expect(r).toMatchObject({ status: 'ok', exitCode: 0, stdout: '45\n' })
    const echo = await run('python', 'name = input()\nprint(f"hello {name}")', { stdin: 'Ada\n' })
    expect(echo.stdout).toBe('hello Ada\n')
  })

  it('Python: import numpy fails and says only the standard library is there', async () => {
    const r = await run('python', 'import numpy')
    expect(r).toMatchObject({ status: 'error', exitCode: 1 })
    expect(r.error).toBe(
      "ModuleNotFoundError: No module named 'numpy': only the Python standard library is available here (the code runs offline in the browser; packages cannot be installed)",
    )
    expect(r.stderr).toContain('File "main.py", line 1')
    const stdlib = await run('python', 'import json, collections, heapq\nprint(json.dumps(collections.Counter("abca").most_common(1)))')
    expect(stdlib.stdout).toBe('[["a", 2]]\n')
  })

  it('SQL: a SELECT prints an aligned table', async () => {
    await measure('sql', 'SELECT 1;')
    const r = await run('sql', "CREATE TABLE t (id INTEGER, name TEXT);\nINSERT INTO t VALUES (1, 'Ada'), (22, 'Grace');\nSELECT id, name FROM t;")
    expect(r).toMatchObject({ status: 'ok', exitCode: 0 })
    expect(r.stdout).toBe(' id | name\n----+-------\n  1 | Ada\n 22 | Grace\n(2 rows)\n')
    const bad = await run('sql', 'SELECT nope FROM t;')
    expect(bad).toMatchObject({ status: 'error', stderr: 'Error: no such table: t\n' })
  })
})

describe('limits', () => {
  it('JavaScript: while(true){} ends as timeout at its limit, and the next run works', async () => {
    const r = await run('javascript', 'while (true) {}', { timeoutMs: 1_500 })
    expect(r).toMatchObject({ status: 'timeout', exitCode: 124 })
    expect(r.durationMs).toBeGreaterThanOrEqual(1_500)
    timings.push(`javascript while(true){} with a 1.5 s limit: ended after ${r.durationMs} ms`)
    expect(await run('javascript', 'console.log("after")')).toMatchObject({ status: 'ok', stdout: 'after\n' })
  })

  it('Python: while True: pass is terminated at its limit, and the next run starts warm', async () => {
    const r = await run('python', 'print("looping", flush=True)\nwhile True:\n    pass', { timeoutMs: 3_000 })
    expect(r).toMatchObject({ status: 'timeout', exitCode: 124, stdout: 'looping\n' })
    expect(r.durationMs).toBeGreaterThanOrEqual(3_000)
    const next = await run('python', 'print("after")')
    expect(next).toMatchObject({ status: 'ok', stdout: 'after\n' })
    timings.push(`python while True: pass with a 3 s limit: ended after ${r.durationMs} ms; the next run took ${next.wallMs} ms`)
  })

  it('stop() ends a run at once', async () => {
    const running = run('python', 'while True:\n    pass', { timeoutMs: 30_000 })
    await expect.poll(() => page.evaluate(() => window.sandbox.state('python'))).toBe('running')
    await page.evaluate(() => window.sandbox.stop())
    expect(await running).toMatchObject({ status: 'stopped', exitCode: 130 })
    // Stopped before a spare was started beside it: this is the replacement's own load.
    timings.push(`python: a replacement worker after stop() was ready in ${await prepare('python')} ms`)
  })

  it('Python: a memory bomb ends as memory, and the next run works', async () => {
    const r = await run('python', 'blocks = []\nwhile True:\n    blocks.append(bytearray(16 * 1024 * 1024))', { timeoutMs: 20_000 })
    expect(r).toMatchObject({ status: 'memory', exitCode: 137 })
    expect(r.error).toContain('MemoryError')
    expect(await run('python', 'print(2 ** 10)')).toMatchObject({ status: 'ok', stdout: '1024\n' })
  })

  it('JavaScript: a memory bomb ends as memory', async () => {
    const r = await run('javascript', 'const a = []; for (let i = 0; ; i++) a.push(i)')
    expect(r).toMatchObject({ status: 'memory', exitCode: 137 })
  })

  it('output past 64 KiB is cut there and the run stopped', async () => {
    const r = await run('python', 'while True:\n    print("x" * 99)')
    expect(r).toMatchObject({ status: 'stopped', truncated: true })
    expect(r.stdout.length).toBe(64 * 1024)
    expect(r.error).toContain('Output limit reached (64 KiB)')
  })
})

describe('user code cannot reach the network', () => {
  const probe = '/api/settings'

  it('the page itself can (the positive control: the session cookie would be accepted)', async () => {
    expect(await page.evaluate((p) => fetch(p).then((r) => r.status), probe)).toBe(200)
  })

  it("JavaScript has no fetch, XMLHttpRequest or WebSocket at all", async () => {
    const r = await run('javascript', `fetch(${JSON.stringify(probe)})`)
    expect(r).toMatchObject({ status: 'error', error: "ReferenceError: 'fetch' is not defined" })
    const kinds = await run('javascript', 'console.log(typeof XMLHttpRequest, typeof WebSocket, typeof importScripts, typeof postMessage)')
    expect(kinds.stdout).toBe('undefined undefined undefined undefined\n')
  })

  it('Python cannot reach them through js, pyodide.http, eval, Function, urllib or loadPackage', async () => {
    const before = apiRequests()
    const attempts = {
      'js.fetch': 'import js; js.fetch(URL)',
      'from js import fetch': 'from js import fetch',
      'js.XMLHttpRequest': 'import js; js.XMLHttpRequest.new()',
      'js.WebSocket': 'import js; js.WebSocket.new("ws://" + js.location.host + "/ws/x")',
      'js.EventSource': 'import js; js.EventSource.new(URL)',
      'js.navigator.sendBeacon': 'import js; js.navigator.sendBeacon(URL)',
      'js.importScripts': 'import js; js.importScripts(URL)',
      'js.Worker': 'import js; js.Worker.new(URL)',
      'js.BroadcastChannel': 'import js; js.BroadcastChannel.new("room")',
      'js.indexedDB': 'import js; js.indexedDB.open("x")',
      'js.caches': 'import js; js.caches.open("x")',
      'js.FontFace': 'import js; js.FontFace.new("probe", "url(/api/settings)").load()',
      'js.fonts': 'import js; js.fonts.add(js.Object.new())',
      'js.eval': 'import js; js.eval("fetch(URL)")',
      'js.Function': 'import js; js.Function("return fetch")()',
      'constructor of a function': 'import js; js.Object.constructor("return import(\'/api/settings\')")()',
      'pyodide.code.run_js': 'from pyodide.code import run_js; run_js("fetch(\'/api/settings\')")',
      'setTimeout with a string': 'import js; js.setTimeout("fetch(\'/api/settings\')", 0)',
      'postMessage to the page': 'import js; js.postMessage({"type": "done"})',
      'pyodide.http.pyfetch': 'import asyncio\nfrom pyodide.http import pyfetch\nasyncio.get_event_loop().run_until_complete(pyfetch(URL))',
      'pyodide.http.open_url': 'from pyodide.http import open_url; open_url(URL)',
      'urllib': 'import js, urllib.request; urllib.request.urlopen(js.location.origin + URL)',
      'pyodide_js.loadPackage': 'import pyodide_js, asyncio; asyncio.get_event_loop().run_until_complete(pyodide_js.loadPackage(js.location.origin + URL))',
    }
    const code = [
      `URL = ${JSON.stringify(probe)}`,
      'import js',
      'results = {}',
      ...Object.entries(attempts).map(
        ([name, attempt]) =>
          `try:\n    exec(${JSON.stringify(attempt)}, {"URL": URL, "js": js})\n    results[${JSON.stringify(name)}] = "REACHED"\nexcept BaseException as e:\n    results[${JSON.stringify(name)}] = type(e).__name__`,
      ),
      'for k, v in results.items():\n    print(f"{k}: {v}")',
    ].join('\n')
    const r = await run('python', code)
    expect(r.status, r.stderr).toBe('ok')
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(Object.keys(attempts).length)
    for (const line of lines) expect(line).not.toMatch(/REACHED$/)
    expect(apiRequests()).toEqual(before)
  })

  it('every request of the page and its workers went to the host, and none was aborted', () => {
    const origin = new URL(host.url).origin
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
    expect(aborted).toEqual([])
    // The runtimes came from the host, fetched by the workers themselves.
    expect(requests.some((url) => url.endsWith('/pyodide.asm.wasm'))).toBe(true)
    expect(requests.some((url) => /\/assets\/sql-wasm-browser-[\w-]+\.wasm$/.test(url))).toBe(true)
  })
})

function apiRequests(): string[] {
  return requests.filter((url) => new URL(url).pathname.startsWith('/api/'))
}
