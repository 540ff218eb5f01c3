// The console at scale: first paint of the interview list with 10,000
// interviews. A data folder is seeded through the console API in process
// (internal/loadgen/seed; on /dev/shm when there is one, so 10,000 commits
// take seconds), served by a real host, and the list opened in headless
// Chromium: from navigation start to the first frame painted with the
// list's rows. Once on the first load (empty browser cache, the host's
// index not loaded yet), then over reloads; prints table rows for
// `make bench`.
import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, it } from 'vitest'
import { openBrowser, startHost, type Browser, type Host } from '../e2e/harness'

const COUNT = Number(process.env.LIST_INTERVIEWS ?? 10_000)
const RUNS = Number(process.env.LIST_RUNS ?? 10)
const repo = resolve(import.meta.dirname, '../..')

/** Notes (in window.__listPaint, ms since navigation start) the first frame painted with rows in the list. */
const MARK_LIST_PAINT = `(() => {
  const painted = () => requestAnimationFrame(() => setTimeout(() => { window.__listPaint = performance.now() }, 0))
  const seen = new MutationObserver(() => {
    if (document.querySelector('#interviews-panel tbody tr')) { seen.disconnect(); painted() }
  })
  seen.observe(document, { childList: true, subtree: true })
})()`

let host: Host
let browser: Browser
let seedDir: string

beforeAll(async () => {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
  const dataDir = mkdtempSync(join(base, 'interviewdesk-list-'))
  seedDir = mkdtempSync(join(tmpdir(), 'interviewdesk-seed-'))
  const seed = join(seedDir, 'seed')
  execFileSync('go', ['build', '-o', seed, './internal/loadgen/seed'], { cwd: repo, stdio: 'inherit' })
  execFileSync(seed, ['-data', dataDir, '-n', String(COUNT)], { stdio: 'inherit' })
  host = await startHost({ dataDir })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  if (seedDir) rmSync(seedDir, { recursive: true, force: true })
})

async function listPaint(): Promise<number> {
  const page = browser.page
  await page.waitForFunction(() => (window as unknown as { __listPaint?: number }).__listPaint !== undefined, null, { timeout: 20_000 })
  return page.evaluate(() => Math.round((window as unknown as { __listPaint: number }).__listPaint))
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

it(`first paint of the interview list with ${COUNT} interviews`, async () => {
  browser = await openBrowser(host, { initScript: MARK_LIST_PAINT })
  const first = await listPaint() // the sign-in lands on the interview list
  const total = await browser.page.locator('#interviews-panel caption').textContent()
  const reloads: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await browser.page.reload({ waitUntil: 'commit' })
    reloads.push(await listPaint())
  }
  console.log(`interview list: ${total}; first load ${first} ms; reloads (ms): ${reloads.join(', ')}`)
  const rows = [
    `| InterviewListFirstPaint (${COUNT} interviews; first load: empty cache, host index cold) | ${first} ms | – | – |`,
    `| InterviewListFirstPaint (${COUNT} interviews; reload p50 / p95 of ${RUNS}) | ${percentile(reloads, 50)} ms / ${percentile(reloads, 95)} ms | – | – |`,
  ]
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
})
