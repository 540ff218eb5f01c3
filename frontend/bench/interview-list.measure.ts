// The console at scale: first paint of the interview list with 10,000
// interviews. A data folder is seeded through the console API in process
// (internal/loadgen/seed; on /dev/shm when there is one, so 10,000 commits
// take seconds), served by a real host, and the list opened in headless
// Chromium: from navigation start to the first frame painted with the
// list's rows. Once on the first load (empty browser cache, the host's
// index not loaded yet), then over reloads; prints table rows for
// `make bench`.
//
// A reload's end is reported by the page itself, as a console message the
// harness listens for: waiting in the page (Playwright's waitForFunction)
// would compile Playwright's own script into every new page while it loads,
// ≈ 25 ms of the measured time on these machines that no user's console
// spends. Reloads come in pairs: one of a settled console (its screens
// loaded ahead and nothing fetched for a while, as when someone opens it
// again), and one at once after that one's paint, while the old page is
// still loading screens ahead. For scale, the same browser and measure
// reload a page with one row from a loopback server: what any page costs
// this browser on this machine.
import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { openBrowser, startHost, type Browser, type Host } from '../e2e/harness'

const COUNT = Number(process.env.LIST_INTERVIEWS ?? 10_000)
const RUNS = Number(process.env.LIST_RUNS ?? 10)
const repo = resolve(import.meta.dirname, '../..')

/** What the page logs when the list's rows are painted, followed by the time. */
const PAINT_LOG = 'interview-list-painted '

/**
 * Notes (in window.__listPaint, and in a console message, ms since
 * navigation start) the first frame painted with rows in the list.
 */
const MARK_LIST_PAINT = `(() => {
  const painted = () => requestAnimationFrame(() => setTimeout(() => {
    window.__listPaint = performance.now()
    console.log(${JSON.stringify(PAINT_LOG)} + window.__listPaint)
  }, 0))
  const seen = new MutationObserver(() => {
    if (document.querySelector('#interviews-panel tbody tr')) { seen.disconnect(); painted() }
  })
  seen.observe(document, { childList: true, subtree: true })
})()`

/** A page with nothing but the list's one row, for the baseline. */
const ONE_ROW_PAGE =
  '<!doctype html><html lang="en"><title>One row</title><table id="interviews-panel"><tbody></tbody></table>' +
  '<script>document.querySelector("tbody").innerHTML = "<tr><td>Ada Lovelace</td></tr>"</script></html>'

let host: Host
let browser: Browser
let seedDir: string
let oneRow: Server | undefined

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
  oneRow?.close()
  await browser?.close()
  await host?.stop()
  if (seedDir) rmSync(seedDir, { recursive: true, force: true })
})

async function listPaint(): Promise<number> {
  const page = browser.page
  await page.waitForFunction(() => (window as unknown as { __listPaint?: number }).__listPaint !== undefined, null, { timeout: 20_000 })
  return page.evaluate(() => Math.round((window as unknown as { __listPaint: number }).__listPaint))
}

/** Reloads the page and resolves with the list's paint as the new page logs it. */
function reloadToListPaint(page: Page): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error, ms?: number) => {
      clearTimeout(timer)
      page.off('console', onLog)
      if (err) reject(err)
      else resolve(Math.round(ms!))
    }
    const onLog = (m: ConsoleMessage) => {
      const text = m.text()
      if (text.startsWith(PAINT_LOG)) done(undefined, Number(text.slice(PAINT_LOG.length)))
    }
    const timer = setTimeout(() => done(new Error('the reloaded list did not paint its rows within 20 s')), 20_000)
    page.on('console', onLog)
    page.reload({ waitUntil: 'commit' }).catch((e: Error) => done(e))
  })
}

/** Waits until the page has fetched nothing for 750 ms (its screens loaded ahead), 15 s at most. */
async function settle(page: Page): Promise<void> {
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').length)
  let last = await fetched()
  let quiet = 0
  for (let waited = 0; quiet < 3 && waited < 15_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250))
    const now = await fetched()
    quiet = now === last ? quiet + 1 : 0
    last = now
  }
}

/** Serves ONE_ROW_PAGE on loopback; resolves with its URL. */
async function serveOneRow(): Promise<string> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(ONE_ROW_PAGE)
  })
  oneRow = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  if (addr === null || typeof addr === 'string') throw new Error('the one-row page has no port')
  return `http://127.0.0.1:${addr.port}/`
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

it(`first paint of the interview list with ${COUNT} interviews`, async () => {
  browser = await openBrowser(host, { initScript: MARK_LIST_PAINT })
  const first = await listPaint() // the sign-in lands on the interview list
  const total = await browser.page.locator('#interviews-panel caption').textContent()
  const settled: number[] = []
  const atOnce: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await settle(browser.page)
    settled.push(await reloadToListPaint(browser.page))
    atOnce.push(await reloadToListPaint(browser.page))
  }
  const page = await browser.context.newPage()
  await page.goto(await serveOneRow())
  const baseline: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await settle(page)
    baseline.push(await reloadToListPaint(page))
  }
  await page.close()
  console.log(`interview list: ${total}; first load ${first} ms; reloads of a settled console (ms): ${settled.join(', ')}; reloads at once after a paint (ms): ${atOnce.join(', ')}; reloads of a one-row page (ms): ${baseline.join(', ')}`)
  const p50p95 = (xs: number[]) => `${percentile(xs, 50)} ms / ${percentile(xs, 95)} ms`
  const rows = [
    `| InterviewListFirstPaint (${COUNT} interviews; first load: empty cache, host index cold) | ${first} ms | – | – |`,
    `| InterviewListFirstPaint (${COUNT} interviews; reload of a settled console, p50 / p95 of ${RUNS}) | ${p50p95(settled)} | – | – |`,
    `| InterviewListFirstPaint (${COUNT} interviews; reload at once after the last paint, p50 / p95 of ${RUNS}) | ${p50p95(atOnce)} | – | – |`,
    `| FirstPaintBaseline (a page with one row from a loopback server, same browser and measure; reload p50 / p95 of ${RUNS}) | ${p50p95(baseline)} | – | – |`,
  ]
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
})
