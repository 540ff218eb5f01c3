// After the interview, with a spoken answer: the candidate's fake microphone
// plays speech made with espeak-ng; once the interview ends the host
// transcribes each participant's recorded track (PocketSphinx, offline),
// places the candidate's words in the question's window, measures talk time
// and scores the answer. The recruiter opens the report from the Overview,
// plays the one recording from a transcript line, switches it to a grid,
// overrides the score and downloads the PDF.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { check } from './axe'
import { screenshot, startHost, type Host } from './harness'
import { pdfText } from './pdf'
import { openParticipant, setOrganizer, type Participant } from './room-harness'
import { answerQuestionOne, cockpit, finishedAnalysis, spokenAnswer } from './speech-harness'

let host: Host
let recruiter: Participant
let candidate: Participant
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-speech-'))
  const voice = spokenAnswer(dir, 'A goroutine is a lightweight thread managed by the Go runtime.')
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host, { args: [`--use-file-for-fake-audio-capture=${voice}`] })
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
  rmSync(dir, { recursive: true, force: true })
})

it('transcribes the spoken answer into its question, scores it, and makes a report to watch, correct and send', async () => {
  const iv = recruiter.page
  const cand = candidate.page
  const candidateFrames: string[] = []
  cand.on('websocket', (ws) => ws.on('framereceived', (f) => candidateFrames.push(String(f.payload))))
  const { interview } = await answerQuestionOne(iv, cand, async () => {
    // Moving on closes question 1's window: its preliminary assessment reaches the cockpit, never the candidate.
    await cockpit(iv).getByRole('button', { name: 'Next →' }).click()
    const assessment = cockpit(iv).getByRole('region', { name: 'AI assessment (preliminary)' })
    await assessment.getByText(/Question 1 · [0-9.]+ \/ 5/).waitFor({ timeout: 60_000 })
    expect(candidateFrames.some((f) => f.includes('assessments') || f.includes('"assessed"'))).toBe(false)
  })
  const a = await finishedAnalysis(iv, interview.id)
  expect(a.status, a.error).toBe('done')
  const words = a.transcript.filter((l) => l.role === 'candidate' && l.question === 0)
  expect(words.length, JSON.stringify(a.transcript)).toBeGreaterThan(0)
  expect(a.engines.transcription).toBe('pocketsphinx')
  const talk = a.talkTime.find((t) => t.role === 'candidate' && t.question === 0)
  expect(talk?.ms ?? 0).toBeGreaterThan(2000)
  expect(a.answers[0]!.index).toBe(0)
  expect(a.answers[0]!.answer.length).toBeGreaterThan(0)
  // One recording of the whole call, everyone in sync.
  expect(a.recording?.durationMs ?? 0).toBeGreaterThan(8000)
  const file = await iv.evaluate(async (url) => {
    const r = await fetch(url)
    return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength }
  }, `/api/interviews/${interview.id}/recording`)
  expect(file).toMatchObject({ status: 200, type: 'video/webm' })
  expect(file.bytes).toBeGreaterThan(10_000)

  // The interview's page sums the analysis up and leads to the report.
  await iv.goto(new URL(`/#/interviews/${interview.id}`, host.url).toString())
  const card = iv.getByRole('region', { name: 'Analysis' })
  await expect.poll(() => card.locator('.score-figure').first().textContent()).toMatch(/^Final score[0-9.]+ \/ 5/)
  await card.getByRole('link', { name: 'Open the full report' }).waitFor()
  expect(await iv.getByRole('button', { name: 'Change date' }).count()).toBe(0)
  await iv.getByRole('link', { name: 'Open report', exact: true }).waitFor()
  await screenshot(iv, 'details-finished')

  // The Overview's row opens the report.
  await iv.goto(new URL('/#/overview', host.url).toString())
  await iv.getByRole('link', { name: 'Open report: Olivia Diaz' }).waitFor()
  await screenshot(iv, 'overview-with-report-link')
  await iv.getByRole('link', { name: 'Open report: Olivia Diaz' }).click()
  await iv.getByRole('heading', { name: 'Report: Olivia Diaz', level: 1 }).waitFor()
  const summary = iv.getByRole('region', { name: 'Summary' })
  expect(await summary.locator('.score-figure').first().textContent()).toMatch(/^Final score[0-9.]+ \/ 5AI score over \d+ answers?/)
  expect(await summary.locator('.score-figure').nth(1).textContent()).toMatch(/^Interviewers’ rating/)
  await summary.getByText('Transcript: pocketsphinx.', { exact: false }).waitFor()

  // The one player: markers, the people in it, a transcript line that plays from its moment.
  const rec = iv.getByRole('region', { name: 'Recording and transcript' })
  const video = rec.getByLabel('The interview’s recording, everyone in sync')
  await rec.getByRole('button', { name: /^Question 1 at \d+:\d\d$/ }).waitFor()
  expect(await rec.getByRole('list', { name: 'Who is speaking' }).getByRole('listitem').allTextContents()).toEqual([
    expect.stringContaining('Olivia Diaz'),
    expect.stringContaining('Alex Recruiter'),
  ])
  const line = a.transcript.find((l) => l.role === 'candidate' && l.question === 0)!
  const want = (Date.parse(line.at) - Date.parse(a.recording!.start)) / 1000
  await rec.getByRole('region', { name: /^Question 1: / }).getByRole('button', { name: /^Play from / }).first().click()
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThan(want - 0.5)
  expect(await video.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeLessThan(want + 5)
  // Her microphone carries speech there: her name lights up.
  await rec.locator('.speaker-on', { hasText: 'Olivia Diaz' }).waitFor()

  // Grid or picture-in-picture: the grid is built after the analysis, on demand at the latest.
  await rec.getByRole('button', { name: 'Grid' }).click()
  await rec.locator('video[data-layout="grid"]').waitFor({ timeout: 120_000 })
  const grid = await iv.evaluate(async (url) => {
    const r = await fetch(url)
    return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength }
  }, `/api/interviews/${interview.id}/recording/grid`)
  expect(grid).toMatchObject({ status: 200, type: 'video/webm' })
  expect(grid.bytes).toBeGreaterThan(10_000)
  // The other layout goes on from the same moment.
  await rec.getByRole('button', { name: /^Question 1 at / }).click()
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThan(0.5)
  const at = await video.evaluate((v) => {
    const el = v as HTMLVideoElement
    el.pause()
    return el.currentTime
  })
  await rec.getByRole('button', { name: 'Picture-in-picture' }).click()
  await rec.locator('video[data-layout="pip"]').waitFor()
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThan(at - 0.5)
  expect(await video.evaluate((v) => (v as HTMLVideoElement).paused)).toBe(true)

  // An interviewer's override, kept with its author.
  const q1 = iv.getByRole('article', { name: /^Question 1: / })
  await q1.getByRole('button', { name: 'Override the score' }).click()
  await q1.getByLabel('Score (0–5)').fill('4.5')
  await q1.getByLabel('Why (optional)').fill('explained the scheduler in the follow-up')
  await q1.getByRole('button', { name: 'Save score' }).click()
  await q1.getByText('4.5 / 5 by Alex Recruiter').waitFor()
  await expect.poll(() => summary.locator('.score-figure').first().textContent()).toContain('1 overridden by an interviewer')

  // The report as a PDF for a hiring manager, and as HTML, with the override in it.
  const [download] = await Promise.all([iv.waitForEvent('download'), iv.getByRole('link', { name: 'Download PDF' }).click()])
  expect(download.suggestedFilename()).toMatch(/^Report – Olivia Diaz – \d{4}-\d\d-\d\d\.pdf$/)
  const pdf = readFileSync((await download.path())!)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  // Lines of text are drawn one by one: compare without the spaces where they break.
  const text = pdfText(pdf).replace(/\s+/g, '')
  expect(text).toContain('InterviewDeskreport·OliviaDiaz·') // every page's footer
  expect(text).toContain('OliviaDiaz')
  expect(text).toContain('4.5/5byAlexRecruiter')
  expect(text).toContain('explainedtheschedulerinthefollow-up')
  const html = await iv.evaluate(async (id) => (await fetch(`/api/interviews/${id}/report.html`)).text(), interview.id)
  expect(html).toContain('Olivia Diaz')
  expect(html).toContain('explained the scheduler in the follow-up')
  await rec.getByRole('searchbox', { name: 'Search the transcript' }).fill('zzzz-nothing')
  await rec.getByText('No line contains “zzzz-nothing”.').waitFor()
  await rec.getByRole('searchbox', { name: 'Search the transcript' }).fill('')

  // At 1440×900, light and dark: looked at, and checked by axe.
  await iv.setViewportSize({ width: 1440, height: 900 })
  const found: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await iv.emulateMedia({ colorScheme: scheme })
    await screenshot(iv, `report-1440-${scheme}`)
    found.push(...(await check(iv, `report, ${scheme}`)))
  }
  expect(found).toEqual([])
}, 300_000)
