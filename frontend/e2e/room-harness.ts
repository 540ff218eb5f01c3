// Helpers for the room tests: participants in their own Chromium (fake camera
// and microphone), interviews created through the console API, and recorders
// of everything a page receives.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page, type WebSocket } from 'playwright-core'
import type { Interview, Template, TemplateSummary } from '../src/api/types'
import { api, CHROMIUM_ARGS, enterDetails, TEST_DETAILS, type Host } from './harness'

export const MEDIA_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--autoplay-policy=no-user-gesture-required',
]

export type Participant = { context: BrowserContext; page: Page; close: () => Promise<void> }

/**
 * A browser of its own (separate profile, so separate cookies and storage).
 * With `login`, it signs in to the console first (the recruiter's browser,
 * entering TEST_DETAILS where a fresh host asks for them);
 * `args` add Chromium switches (e.g. a WAV file as the microphone).
 */
export async function openParticipant(host: Host, opts: { login?: boolean; args?: string[] } = {}): Promise<Participant> {
  const profile = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-room-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...MEDIA_ARGS, ...(opts.args ?? [])],
    headless: true,
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    permissions: ['camera', 'microphone'],
  })
  context.setDefaultTimeout(10_000)
  const page = context.pages()[0] ?? (await context.newPage())
  if (opts.login) {
    await page.goto(host.loginUrl)
    await page.waitForURL((u) => !u.pathname.startsWith('/console/login'))
    await enterDetails(page, TEST_DETAILS) // a fresh host's console asks first
  }
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The organizer becomes the interview's first interviewer (notes need an email). */
export async function setOrganizer(console: Page, name = 'Alex Recruiter', email = 'alex@example.com'): Promise<void> {
  await api(console, 'PUT', '/api/settings', { organizer: { name, email } })
}

/** Creates an interview that starts now from a built-in template. */
export async function createInterview(
  console: Page,
  o: { template?: string; candidate?: string; email?: string; position?: string } = {},
): Promise<{ interview: Interview; template: Template }> {
  const { templates } = await api<{ templates: TemplateSummary[] }>(console, 'GET', '/api/templates')
  const summary = templates.find((t) => t.name === (o.template ?? 'Go backend engineer'))
  if (!summary) throw new Error(`no template ${o.template}`)
  const template = await api<Template>(console, 'GET', `/api/templates/${summary.id}`)
  const interview = await api<Interview>(console, 'POST', '/api/interviews', {
    templateId: summary.id,
    position: o.position ?? 'Senior Go developer',
    candidateName: o.candidate ?? 'Olivia Diaz',
    candidateEmail: o.email ?? 'olivia.diaz@example.com',
    when: 'now',
  })
  return { interview, template }
}

export type Received = {
  /** WebSocket payloads received, in order. */
  frames: string[]
  /** Bodies of every HTTP response (documents, scripts, styles, API). */
  bodies: { url: string; body: string }[]
  sockets: WebSocket[]
  /** Resolves once every response body seen so far has been read. */
  settle: () => Promise<void>
}

/** Records everything the page receives, from now on. */
export function recordReceived(page: Page): Received {
  const rec: Received = { frames: [], bodies: [], sockets: [], settle: async () => {} }
  const reading: Promise<void>[] = []
  page.on('websocket', (ws) => {
    rec.sockets.push(ws)
    ws.on('framereceived', (f) => rec.frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8')))
  })
  page.on('response', (res) => {
    reading.push(
      res.body().then(
        (b) => {
          rec.bodies.push({ url: res.url(), body: b.toString('utf8') })
        },
        () => {
          // redirects and aborted loads have no body
        },
      ),
    )
  })
  rec.settle = async () => {
    await Promise.all(reading)
  }
  return rec
}

/** Parsed JSON frames of a given type. */
export function framesOfType<T = Record<string, unknown>>(frames: string[], type: string): T[] {
  const out: T[] = []
  for (const f of frames) {
    try {
      const m = JSON.parse(f) as { type?: string }
      if (m.type === type) out.push(m as T)
    } catch {
      // not JSON
    }
  }
  return out
}

/** Candidate: the pre-join steps, ticked and joined. */
export async function candidateJoins(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
  const join = page.getByRole('button', { name: 'Join interview' })
  await page.getByRole('checkbox', { name: /processing of my personal data/ }).check()
  await page.getByRole('checkbox', { name: /analysis of my answers/ }).check()
  await page.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).check()
  await join.click()
  await page.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor()
}

/** The interviewer's live status line about the candidate. */
export const statusLine = (page: Page) => page.locator('.room-status-text')

/** Collects every RTCPeerConnection the page makes, for getStats() from the test. */
export const TRACK_PEERS = `(() => {
  const Native = window.RTCPeerConnection
  if (!Native) return
  window.__peers = []
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__peers.push(this) }
  }
})()`
