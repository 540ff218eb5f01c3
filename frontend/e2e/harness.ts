// Test harness: one real `interviewdesk serve` per test file on 127.0.0.1:0 with
// a fresh data folder, and one headless Chromium (Debian's /usr/bin/chromium).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

export type Host = {
  /** e.g. http://127.0.0.1:43211 */
  url: string
  /** the console/login?key=… URL printed by serve */
  loginUrl: string
  dataDir: string
  /** stdout + stderr so far, for failure messages */
  log: () => string
  stop: () => Promise<void>
}

const SERVING = /serving on (https?:\/\/\S+) \(console: (\S+)\)/

/**
 * Serves a fresh data folder, or `opts.dataDir` (e.g. one seeded beforehand); either is deleted on stop.
 * `opts.args` are more flags for serve (e.g. --tls-cert, or a LiveKit server to put calls on).
 */
export async function startHost(opts: { dataDir?: string; args?: string[] } = {}): Promise<Host> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-data-'))
  const started = await startPrinting(
    inject('interviewdeskBin'),
    ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...(opts.args ?? [])],
    SERVING,
    'serve',
  )
  return {
    url: started.match[1]!,
    loginUrl: started.match[2]!,
    dataDir,
    log: started.log,
    stop: () => stopProcess(started.child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  }
}

/** A program started by startPrinting, with the line it printed. */
export type Started = { child: ChildProcess; match: RegExpExecArray; log: () => string }

/** Starts `bin args` and waits (20 s at most) until its output matches `printed`. */
export async function startPrinting(bin: string, args: string[], printed: RegExp, what: string): Promise<Started> {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const match = await new Promise<RegExpExecArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} printed no URL in 20 s:\n${output}`)), 20_000)
    const check = () => {
      const m = printed.exec(output)
      if (m) {
        clearTimeout(timer)
        child.stdout.off('data', check)
        resolvePromise(m)
      }
    }
    child.stdout.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output}`))
    })
  })
  return { child, match, log: () => output }
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      done()
    })
    child.kill('SIGTERM')
  })
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> }

/** Starts Chromium on the profile folder `profile`, as a user (re)starting their browser: its cookies survive. */
export async function launchProfile(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  })
  context.setDefaultTimeout(10_000)
  return context
}

/** The console owner's name and email, as "Enter your details" asks for them. */
export type Details = { name: string; email: string }

/** Who enters their details when a test's fresh host first opens its console. */
export const TEST_DETAILS: Details = { name: 'Rita Recruiter', email: 'rita@example.com' }

/**
 * A signed-in console. On a fresh host the console first asks "Enter your
 * details": `details` are entered there (TEST_DETAILS unless given; false
 * leaves the screen for the test). `initScript` runs in every page before its
 * own scripts, the first one included.
 */
export async function openBrowser(
  host: Host,
  opts: { colorScheme?: 'light' | 'dark'; details?: Details | false; initScript?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 860 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  context.setDefaultTimeout(10_000)
  if (opts.initScript) await context.addInitScript(opts.initScript)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(host.loginUrl)
  await page.waitForURL((u) => !u.pathname.startsWith('/console/login'))
  if (opts.details !== false) await enterDetails(page, opts.details ?? TEST_DETAILS)
  return {
    context,
    page,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Completes "Enter your details" when the console shows it, through the form. */
export async function enterDetails(page: Page, d: Details): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Enter your details' })
  const consoleNav = page.getByRole('navigation', { name: 'Main' })
  await setup.or(consoleNav).first().waitFor()
  if (!(await setup.isVisible())) return
  await page.getByRole('textbox', { name: 'Your name' }).fill(d.name)
  await page.getByRole('textbox', { name: 'Your email' }).fill(d.email)
  await page.getByRole('button', { name: 'Next' }).click()
  await consoleNav.waitFor()
}

const screenshots = resolve(import.meta.dirname, 'screenshots')

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshots, { recursive: true })
  const path = join(screenshots, `${name}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

/** Calls the console API with the browser's session cookie (for checks, not for setup shortcuts). */
export async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), {
    method,
    // Every mutation declares JSON, even an empty one (docs/api.md).
    headers: method === 'GET' && body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  })
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`)
  return (await res.json()) as T
}
