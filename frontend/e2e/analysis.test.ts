// After the interview, with a spoken answer: the candidate's fake microphone
// plays speech made with espeak-ng; once the interview ends the host
// transcribes each participant's recorded track (PocketSphinx, offline),
// places the candidate's words in the question's window, measures talk time
// and scores the answer. The interviewer overrides the score.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHost, type Host } from './harness'
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

it('transcribes the spoken answer into its question, measures talk time, scores it, and takes an override', async () => {
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

  // The console: the finished interview leads with its analysis.
  await iv.goto(new URL(`/#/interviews/${interview.id}`, host.url).toString())
  const card = iv.getByRole('region', { name: 'Analysis' })
  await card.getByText(/AI score [0-9.]+ \/ 5/).first().waitFor()
  await card.getByLabel('The interview’s recording, everyone in sync').waitFor()
  await card.getByRole('button', { name: /^Play from / }).first().click()
  await card.getByRole('listitem').filter({ hasText: 'Question 1:' }).getByRole('button', { name: 'Override the score' }).click()
  await card.getByLabel('Score (0–5)').fill('4.5')
  await card.getByLabel('Why (optional)').fill('explained the scheduler in the follow-up')
  await card.getByRole('button', { name: 'Save score' }).click()
  await card.getByText('4.5 / 5 by Alex Recruiter').waitFor()
  expect(await iv.getByRole('button', { name: 'Change date' }).count()).toBe(0)
  // The report, to send to a hiring manager: HTML and PDF, with the override in it.
  await iv.getByRole('link', { name: 'Download report (PDF)' }).waitFor()
  const exported = await iv.evaluate(async (id) => {
    const html = await (await fetch(`/api/interviews/${id}/report.html`)).text()
    const pdf = new Uint8Array(await (await fetch(`/api/interviews/${id}/report.pdf`)).arrayBuffer())
    return { html, pdfHead: String.fromCharCode(...pdf.slice(0, 5)), pdfBytes: pdf.length }
  }, interview.id)
  expect(exported.html).toContain('Olivia Diaz')
  expect(exported.html).toContain('explained the scheduler in the follow-up')
  expect(exported.pdfHead).toBe('%PDF-')
  expect(exported.pdfBytes).toBeGreaterThan(2000)
  await card.getByRole('searchbox', { name: 'Search the transcript' }).fill('zzzz-nothing')
  await card.getByText('No line contains “zzzz-nothing”.').waitFor()
})
