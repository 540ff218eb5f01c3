// A host restart in the middle of the technical part: the host is killed with
// SIGKILL (a crash, not a clean stop) and started again on the same data folder
// and port. Both pages reconnect by themselves and resume at the same question,
// with the rating and the notes intact; the recording made before the crash is
// still listed and playable.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api } from './harness'
import { RestartableHost } from './restartable'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: RestartableHost
let recruiter: Participant
let candidate: Participant

beforeAll(async () => {
  host = await RestartableHost.create()
  const served = await host.serve()
  recruiter = await openParticipant(served, { login: true })
  candidate = await openParticipant(served)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.dispose()
})

const cockpit = (p: Page) => p.getByRole('complementary', { name: 'Interview cockpit' })

it('resumes at the same question, with notes and rating, after the host is killed and restarted', async () => {
  const iv = recruiter.page
  const cand = candidate.page
  const { interview, template } = await createInterview(iv)
  const n = template.questions.length
  await iv.goto(interview.interviewerLink)
  await cand.goto(interview.candidateLink)
  await candidateJoins(cand)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await cockpit(iv).getByRole('button', { name: 'Start technical part' }).click()
  await cockpit(iv).getByRole('button', { name: 'Next →' }).click()
  await cockpit(iv).getByRole('heading', { name: `Question 2/${n}` }).waitFor()
  await cand.getByRole('heading', { name: `Question 2/${n}` }).waitFor()
  await cockpit(iv).getByRole('radio', { name: /^3/ }).check()
  await iv.getByRole('textbox', { name: 'Interview notes' }).fill('Before the crash: explains goroutines well')
  await iv.getByText(/^Saved/).first().waitFor({ timeout: 10_000 })
  await cand.getByRole('region', { name: 'Video call' }).waitFor()
  await iv.waitForTimeout(2500) // let the recording gather a few seconds

  const crashedAt = Date.now()
  await host.crash()
  await iv.getByText('Connection lost.').waitFor({ timeout: 20_000 })
  await host.serve()

  // Both pages come back on their own, at the same question.
  await iv.getByText('Connection lost.').waitFor({ state: 'detached', timeout: 30_000 })
  await cand.getByText('Connection lost.').waitFor({ state: 'detached', timeout: 30_000 })
  await cand.getByRole('heading', { name: `Question 2/${n}` }).waitFor({ timeout: 30_000 })
  await cockpit(iv).getByRole('heading', { name: `Question 2/${n}` }).waitFor({ timeout: 30_000 })
  expect(await cockpit(iv).getByRole('radio', { name: /^3/ }).isChecked()).toBe(true)
  expect(await iv.getByRole('textbox', { name: 'Interview notes' }).inputValue()).toBe('Before the crash: explains goroutines well')

  // The interview goes on after the restart.
  await cockpit(iv).getByRole('button', { name: 'Next →' }).click()
  await cand.getByRole('heading', { name: `Question 3/${n}` }).waitFor()

  // A fresh browser sees the notes too: they were on the host, not only in the page.
  const timeline = await api<{ state: { notes: Record<string, { text: string }>; question: number } }>(
    iv,
    'GET',
    `/api/interviews/${interview.id}/timeline`,
  )
  expect(Object.values(timeline.state.notes).map((x) => x.text)).toContain('Before the crash: explains goroutines well')
  expect(timeline.state.question).toBe(2)

  // What was recorded before the crash is finalised after start-up (in the
  // background, one remux after another) and plays.
  type Rec = { participant: string; started: string; durationMs: number; finalised: boolean; active: boolean }
  const before = async () => {
    const { recordings } = await api<{ recordings: Rec[] }>(iv, 'GET', `/api/interviews/${interview.id}/recordings`)
    // (Tracks of the calls after the restart may have ended already too: they are not these.)
    return recordings.filter((r) => !r.active && Date.parse(r.started) < crashedAt)
  }
  await expect.poll(async () => (await before()).map((r) => r.finalised), { timeout: 30_000 }).not.toContain(false)
  const recs = await before()
  expect(recs.length).toBeGreaterThan(0)
  expect(recs.some((r) => r.durationMs > 1000)).toBe(true)
})
