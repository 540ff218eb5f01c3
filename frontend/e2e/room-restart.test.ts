// A host restart in the middle of the technical part: the host is killed with
// SIGKILL (a crash, not a clean stop) and started again on the same data folder
// and port. Both pages reconnect by themselves and resume at the same question,
// with the rating and the notes intact; the recording made before the crash is
// still listed and playable.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { inject } from 'vitest'
import type { Page } from 'playwright-core'
import type { Host } from './harness'
import { api } from './harness'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

const dataDir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-restart-'))
let listen = ''
let child: ChildProcess | undefined
let output = ''
let recruiter: Participant
let candidate: Participant

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

/** Starts `serve` on the fixed data folder and address; resolves once it serves. */
function serve(): Promise<Host> {
  const proc = spawn(inject('interviewdeskBin'), ['serve', '--data', dataDir, '--listen', listen], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  })
  child = proc
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000)
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d
      const m = /serving on (\S+) \(console: (\S+)\)/.exec(d)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1]!, loginUrl: m[2]!, dataDir, log: () => output, stop: async () => {} })
      }
    })
  })
}

function crash(): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

beforeAll(async () => {
  listen = `127.0.0.1:${await freePort()}`
  const host = await serve()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await crash()
  rmSync(dataDir, { recursive: true, force: true })
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

  await crash()
  await iv.getByText('Connection lost.').waitFor({ timeout: 20_000 })
  await serve()

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

  // What was recorded before the crash was finalised at start-up and plays.
  const { recordings } = await api<{ recordings: { participant: string; durationMs: number; finalised: boolean; active: boolean }[] }>(
    iv,
    'GET',
    `/api/interviews/${interview.id}/recordings`,
  )
  const before = recordings.filter((r) => !r.active)
  expect(before.length).toBeGreaterThan(0)
  expect(before.every((r) => r.finalised && r.durationMs > 1000)).toBe(true)
})
