// Privacy as a recruiter uses it, in real Chromium on a real host: the room
// shows everybody whether the call is recorded; a finished interview is
// deleted for good from its page after a confirmation that names the
// candidate and what goes, and its recording files leave the data folder;
// retention is previewed and applied from Settings → Privacy; a backup is
// downloaded; and the audit log shows all of it.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview } from '../src/api/types'
import { api, screenshot, startHost, type Host } from './harness'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

type Rec = { participant: string; bytes: number; active: boolean }

const recordings = async (page: Page, id: string): Promise<Rec[]> =>
  (await api<{ recordings: Rec[] }>(page, 'GET', `/api/interviews/${id}/recordings`)).recordings

/** The room header's recording indicator. */
const indicator = (page: Page) => page.locator('.room-header').getByRole('status')

/** Runs an interview in the room up to its end; the candidate's consent to recording as given. */
async function holdInterview(record: boolean): Promise<Interview> {
  const iv = recruiter.page
  const cand = candidate.page
  const { interview } = await createInterview(iv, { template: 'General P2P interview' })
  await iv.goto(interview.interviewerLink)
  await iv.getByText('Candidate Olivia Diaz has not joined yet').waitFor()
  await cand.goto(interview.candidateLink)
  if (record) {
    await candidateJoins(cand)
  } else {
    await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
    await cand.getByRole('checkbox', { name: /processing of my personal data/ }).check()
    await cand.getByRole('button', { name: 'Join interview' }).click()
    await cand.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor()
  }
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await cand.getByRole('region', { name: 'Video call' }).waitFor()
  return interview
}

async function endInterview() {
  const iv = recruiter.page
  await iv.getByRole('button', { name: 'End interview' }).click()
  await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
  await candidate.page.getByText('Thank you for your time. You can close this page now.').waitFor({ timeout: 30_000 })
}

it('shows everybody in the room that the call is not recorded when the candidate declined', async () => {
  await holdInterview(false)
  for (const page of [recruiter.page, candidate.page]) {
    await expect.poll(() => indicator(page).textContent()).toBe('Not recorded')
  }
  await screenshot(candidate.page, 'privacy-room-not-recorded')
  await endInterview()
})

it('deletes a finished interview for good after a confirmation naming the candidate, with its recording files', async () => {
  const interview = await holdInterview(true)
  const iv = recruiter.page
  for (const page of [iv, candidate.page]) {
    await expect.poll(() => indicator(page).textContent()).toBe('Recording')
  }
  await expect
    .poll(async () => (await recordings(iv, interview.id)).filter((r) => r.bytes > 0).length, { timeout: 20_000 })
    .toBeGreaterThan(1)
  await screenshot(iv, 'privacy-room-recording')
  await endInterview()
  // The analysis that the end queued holds the deletion until it has run.
  await expect
    .poll(async () => (await api<{ status: string }>(iv, 'GET', `/api/interviews/${interview.id}/analysis`)).status, { timeout: 60_000 })
    .toMatch(/done|failed|declined/)
  const folder = join(host.dataDir, 'recordings', interview.id)
  expect(readdirSync(folder).filter((f) => f.endsWith('.webm')).length).toBeGreaterThan(1)

  await iv.goto(`${host.url}/#/interviews/${interview.id}`)
  const consent = iv.getByRole('region', { name: 'Consent' })
  await consent.getByText('Personal data processing: agreed').waitFor()
  await consent.getByText('Recording: agreed').waitFor()
  await consent.getByText(/Texts version v1-/).waitFor()
  await consent.getByText('The texts shown').click()
  await consent.getByText('I agree that the interview is recorded (optional)').waitFor()
  await screenshot(iv, 'privacy-interview-consent')

  await iv.getByRole('button', { name: 'Delete interview and its data' }).click()
  const dialog = iv.getByRole('dialog', { name: 'Delete the interview with Olivia Diaz for good?' })
  await dialog.getByText(/^\d+ recording files \(/).waitFor()
  await dialog.getByText(/events of the room: the timeline, notes, code and whiteboard, playback and the consent record/).waitFor()
  await screenshot(iv, 'privacy-delete-dialog')
  // Keep first: nothing goes.
  await dialog.getByRole('button', { name: 'Keep interview' }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(existsSync(folder)).toBe(true)

  await iv.getByRole('button', { name: 'Delete interview and its data' }).click()
  await dialog.getByRole('button', { name: 'Delete for good' }).click()
  await iv.getByText(/The interview with Olivia Diaz is deleted for good, with \d+ recording files/).waitFor()
  await iv.waitForURL((u) => u.hash === '#/interviews')
  await expect(api(iv, 'GET', `/api/interviews/${interview.id}`)).rejects.toThrow(/404/)
  expect(existsSync(folder)).toBe(false)
  expect(existsSync(join(host.dataDir, 'analysis', interview.id))).toBe(false)
})

it('previews retention and applies it from Settings → Privacy, and keeps the run in its log', async () => {
  const iv = recruiter.page
  // Files no interview owns (as a crash between a deletion and its files leaves them).
  const leftover = join(host.dataDir, 'recordings', '0193aaaa-dead-7000-8000-000000000000')
  mkdirSync(leftover, { recursive: true })
  writeFileSync(join(leftover, 'candidate-camera-1.webm'), 'left behind')

  await iv.goto(`${host.url}/#/settings/privacy`)
  const retention = iv.getByRole('region', { name: 'Retention', exact: true })
  await retention.getByRole('combobox', { name: 'Keep recordings' }).selectOption({ label: '30 days' })
  await retention.getByRole('button', { name: 'Save retention' }).click()
  await iv.getByText('Retention saved. The host applies it once a day.').waitFor()

  await retention.getByRole('button', { name: 'Apply now…' }).click()
  const dialog = iv.getByRole('dialog', { name: 'Delete 1 item now?' })
  await dialog.getByRole('cell', { name: 'Left-over files' }).waitFor()
  await dialog.getByRole('cell', { name: 'Files of an interview deleted before.' }).waitFor()
  await screenshot(iv, 'privacy-retention-preview')
  expect(existsSync(leftover)).toBe(true) // a preview deletes nothing
  await dialog.getByRole('button', { name: 'Delete 1 item' }).click()
  await iv.getByText('Retention applied: 1 deleted.').waitFor()
  expect(existsSync(leftover)).toBe(false)
  const log = iv.getByRole('region', { name: 'Retention log' })
  await log.getByText(/by console · 1 deleted, 1 recording file/).waitFor()

  // Back up now downloads a backup, which becomes the last one.
  const backups = iv.getByRole('region', { name: 'Backups' })
  await backups.getByText('No backup has been made through this host yet.').waitFor()
  const [download] = await Promise.all([iv.waitForEvent('download'), backups.getByRole('link', { name: 'Back up now' }).click()])
  expect(download.suggestedFilename()).toMatch(/^interviewdesk-backup-.*\.zip$/)
  expect(await download.failure()).toBeNull()
  await backups.getByText(/Last backup: .* by console — the data file \(\d+ KB\), without recordings\./).waitFor({ timeout: 20_000 })
  await screenshot(iv, 'privacy-settings')
})

it('shows the deletion, the retention run, the settings change, the backup and the sign-in in the audit log', async () => {
  const iv = recruiter.page
  await iv.goto(`${host.url}/#/settings/audit`)
  const table = iv.getByRole('table', { name: 'Audit log entries, newest first' })
  const rows = table.getByRole('row')
  await rows.filter({ hasText: 'Backup' }).filter({ hasText: 'Backed up the data file' }).waitFor()
  await rows.filter({ hasText: 'Retention' }).filter({ hasText: 'Applied retention' }).waitFor()
  await rows.filter({ hasText: 'Settings' }).filter({ hasText: 'Set retention: recordings 30 days' }).waitFor()
  await rows.filter({ hasText: 'Deletion' }).filter({ hasText: /Deleted interview .* with \d+ recording files/ }).waitFor()
  await rows.filter({ hasText: 'Sign-in' }).first().waitFor()
  expect(await table.textContent()).not.toContain('Olivia')
  // Newest first: the backup came last.
  expect(await rows.nth(1).textContent()).toContain('Backup')
  await screenshot(iv, 'privacy-audit-log')

  await iv.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Deletion' })
  await expect.poll(async () => (await rows.allTextContents()).slice(1)).toHaveLength(1)
  expect(await rows.nth(1).textContent()).toContain('Deleted interview')
})
