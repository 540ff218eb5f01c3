// The shared editor in real Chromium: the candidate and two interviewers type
// at once (random edits, simultaneous edits at the same place) and every
// editor and the host's own copy end with the same text — also after a
// reload and after the host is killed and started again. Then code runs in
// the interviewer's browser with the network to anything but the host
// blocked, and the candidate sees the output.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview } from '../src/api/types'
import { api } from './harness'
import { RestartableHost } from './restartable'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: RestartableHost
let hostURL = ''
let recruiter: Participant
let ivan: Participant
let candidate: Participant
let interview: Interview
const offsite: string[] = []

beforeAll(async () => {
  host = await RestartableHost.create()
  const served = await host.serve()
  hostURL = served.url
  recruiter = await openParticipant(served, { login: true })
  ivan = await openParticipant(served)
  candidate = await openParticipant(served)
  // Nothing but the host: a runtime fetched from a CDN would fail here.
  for (const p of [recruiter, ivan, candidate]) {
    await p.context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(hostURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      offsite.push(url)
      return route.abort()
    })
  }
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  for (const p of [candidate, ivan, recruiter]) await p?.close()
  await host?.dispose()
})

const EDITOR = /^Code editor/

/** The editor's whole text, read from CodeMirror's own state (as EditorView.findFromDOM does). */
function docText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as (HTMLElement & { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }) | null
    const view = content?.cmTile?.root?.view
    if (!view) throw new Error('no editor on the page')
    return view.state.doc.toString()
  })
}

async function hostText(page: Page): Promise<string> {
  const rec = await api<{ docs: { doc: string; final: string }[] }>(page, 'GET', `/api/interviews/${interview.id}/playback`)
  return rec.docs.find((d) => d.doc === 'main')!.final
}

/** A small deterministic generator, one per typist. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['alpha', 'beta ', 'γδ', '🙂', 'x = 1;', '()', '[]', 'end ']

/** Random typing: words, deletions and moves; everyone starts at the very top at once. */
async function type(page: Page, seed: number, ops: number): Promise<void> {
  const r = random(seed)
  await page.getByRole('textbox', { name: EDITOR }).click()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < ops; i++) {
    const x = r()
    if (x < 0.5) await page.keyboard.type(WORDS[Math.floor(r() * WORDS.length)]!)
    else if (x < 0.65) await page.keyboard.press('Backspace')
    else if (x < 0.75) await page.keyboard.press('Enter')
    else if (x < 0.85) for (let k = Math.floor(r() * 6); k > 0; k--) await page.keyboard.press('ArrowLeft')
    else if (x < 0.92) await page.keyboard.press('Control+End')
    else await page.keyboard.press('Control+Home')
  }
}

/** The candidate after a reload: the pre-join steps again, then straight into the interview. */
async function rejoin(page: Page): Promise<void> {
  for (const name of [/processing of my personal data/, /analysis of my answers/, 'I agree that the interview is recorded (optional)']) {
    const box = page.getByRole('checkbox', { name })
    if (!(await box.isChecked())) await box.check()
  }
  await page.getByRole('button', { name: 'Join interview' }).click()
}

async function converged(pages: Page[], console: Page): Promise<string> {
  let text = ''
  await expect
    .poll(
      async () => {
        const texts = await Promise.all(pages.map(docText))
        const fromHost = await hostText(console)
        text = fromHost
        return texts.every((t) => t === fromHost) && fromHost.length > 0
      },
      { timeout: 45_000, interval: 250 },
    )
    .toBe(true)
  return text
}

it('three people type at once and every editor ends with the host’s text, after a reload and a crash too', async () => {
  const iv = recruiter.page
  ;({ interview } = await createInterview(iv))
  expect(interview.tools.liveCode).toBe(true)
  interview = await api<Interview>(iv, 'POST', `/api/interviews/${interview.id}/interviewers`, {
    name: 'Ivan Petrov',
    email: 'ivan@example.com',
  })
  await iv.goto(interview.interviewerLink)
  await ivan.page.goto(interview.interviewers[1]!.link)
  await candidate.page.goto(interview.candidateLink)
  await candidateJoins(candidate.page)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  const pages = [iv, ivan.page, candidate.page]
  for (const p of pages) await p.getByRole('textbox', { name: EDITOR }).waitFor()
  // Cameras off: three browsers on one small test machine, each encoding its
  // camera and decoding the other two, leave the editors too little CPU to type
  // into. The call's media has tests of its own (room-media, room-flow).
  for (const p of pages) await p.getByRole('button', { name: 'Stop video' }).click()

  await Promise.all(pages.map((p, i) => type(p, 100 + i, 60)))
  const first = await converged(pages, iv)

  await candidate.page.reload()
  await rejoin(candidate.page)
  await candidate.page.getByRole('textbox', { name: EDITOR }).waitFor()
  expect(await docText(candidate.page)).toBe(first)

  await host.crash()
  await iv.getByText('Connection lost.').waitFor({ timeout: 20_000 })
  await host.serve()
  for (const p of pages) await p.getByText('Connection lost.').waitFor({ state: 'detached', timeout: 30_000 })
  expect(await hostText(iv)).toBe(first)
  await Promise.all(pages.map((p, i) => type(p, 200 + i, 20)))
  await converged(pages, iv)
  // Everyone saw the others' cursors with their names while typing.
  await expect.poll(() => candidate.page.locator('.cm-editor [data-name="Ivan Petrov"]').count()).toBeGreaterThan(0)
}, 180_000) // a long scenario (typing, a reload, a crash and a restart) on a machine that may be slow

it('runs JavaScript and Python in the interviewer’s browser offline; the candidate sees the output', async () => {
  const iv = recruiter.page
  const output = (p: Page) => p.getByRole('region', { name: 'Output' })
  const replaceCode = async (code: string) => {
    await iv.getByRole('textbox', { name: EDITOR }).click()
    await iv.keyboard.press('Control+a')
    await iv.keyboard.type(code)
    await expect.poll(() => hostText(iv)).toBe(code)
  }

  await iv.getByRole('combobox', { name: 'Language' }).selectOption('javascript')
  await expect.poll(() => candidate.page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('javascript')
  await replaceCode('console.log(6 * 7)')
  await iv.getByRole('button', { name: 'Run', exact: true }).click()
  await output(candidate.page).getByText('42').waitFor({ timeout: 30_000 })
  await expect.poll(() => output(candidate.page).getByRole('status').textContent()).toMatch(/Finished.*interviewer/)

  await iv.getByRole('combobox', { name: 'Language' }).selectOption('python')
  await replaceCode('print(sum(range(10)))')
  // The candidate may run too; the interviewer's browser runs it.
  await candidate.page.getByRole('textbox', { name: EDITOR }).click()
  await candidate.page.keyboard.press('Control+Enter')
  await output(iv).getByText('45').waitFor({ timeout: 60_000 })
  await output(candidate.page).getByText('45').waitFor()
  expect(offsite).toEqual([])
}, 150_000) // Python's runtime starts in the browser first: slow on a small machine

it('plays the session back on the details page: the editor as it was at any moment, with markers', async () => {
  const iv = recruiter.page
  const final = await hostText(iv)
  await iv.goto(new URL(`/#/interviews/${interview.id}`, hostURL).toString())
  const card = iv.getByRole('region', { name: 'Playback' })
  await card.locator('.cm-content').waitFor()
  // At the end, the host's final text; at the start, only the first change.
  const position = card.getByRole('slider', { name: 'Playback position' })
  await position.focus()
  await iv.keyboard.press('End')
  await expect.poll(() => docTextIn(card)).toBe(final)
  await iv.keyboard.press('Home')
  await expect.poll(async () => (await docTextIn(card)).length).toBeLessThanOrEqual(WORDS.reduce((n, w) => Math.max(n, w.length), 1))
  // Runs are marked on the scrubber; a marker seeks there (from the keyboard too).
  await card.getByRole('button', { name: /^Run: finished at / }).first().press('Enter')
  await expect.poll(() => docTextIn(card)).toBe('console.log(6 * 7)')
  await card.getByRole('combobox', { name: 'Speed' }).selectOption('32')
  await card.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => docTextIn(card), { timeout: 20_000 }).toBe(final)
  await card.getByRole('button', { name: 'Play' }).waitFor() // stopped at the end by itself
})

/** The text of the read-only editor inside a region. */
function docTextIn(region: ReturnType<Page['getByRole']>): Promise<string> {
  return region.locator('.cm-content').evaluate((el) => {
    const view = (el as HTMLElement & { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }).cmTile?.root?.view
    if (!view) throw new Error('no editor')
    return view.state.doc.toString()
  })
}

it('the whiteboard in the room: the candidate draws, the host keeps it, the interviewer receives it', async () => {
  const iv = recruiter.page
  const cand = candidate.page
  const { interview: second } = await createInterview(iv, { candidate: 'Sam Park', email: 'sam.park@example.com' })
  await api(iv, 'PUT', `/api/interviews/${second.id}/tools`, { liveCode: true, whiteboard: true })
  const frames: string[] = []
  iv.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))))
  await iv.goto(second.interviewerLink)
  await cand.goto(second.candidateLink)
  await candidateJoins(cand)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await iv.getByRole('tab', { name: 'Whiteboard' }).click()
  await cand.getByRole('tab', { name: 'Whiteboard' }).click()
  const board = cand.getByRole('region', { name: /^Whiteboard/ })
  await board.locator('canvas.excalidraw__canvas.interactive').waitFor({ timeout: 20_000 })
  const box = (await board.boundingBox())!
  await board.locator('.excalidraw').focus()
  await cand.keyboard.press('r')
  await cand.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4)
  await cand.mouse.down()
  await cand.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 12 })
  await cand.mouse.up()

  await expect
    .poll(async () => {
      const rec = await api<{ board: { elements: { type: string }[] }[] }>(iv, 'GET', `/api/interviews/${second.id}/playback`)
      return rec.board.flatMap((s) => s.elements).some((e) => e.type === 'rectangle')
    }, { timeout: 15_000 })
    .toBe(true)
  await expect.poll(() => frames.some((f) => f.includes('"type":"board.updates"') && f.includes('"rectangle"'))).toBe(true)
  expect(offsite).toEqual([])
})
