// Recording is the candidate's choice: a candidate who leaves the recording
// box unticked joins all the same; what the waiting interviewer's camera left
// is deleted at once, nothing of the call is recorded while video flows both
// ways, also after the host is killed and started again (the room replayed)
// and the interviewer is back in the call before the candidate, and the
// interviewer's room says so.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api } from './harness'
import { RestartableHost } from './restartable'
import { TRACK_PEERS, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: RestartableHost
let recruiter: Participant
let candidate: Participant

beforeAll(async () => {
  host = await RestartableHost.create()
  const served = await host.serve()
  recruiter = await openParticipant(served, { login: true })
  candidate = await openParticipant(served)
  await recruiter.page.addInitScript(TRACK_PEERS)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.dispose()
})

type Rec = { participant: string; source: string; active: boolean }

const recordings = async (page: Page, id: string): Promise<Rec[]> =>
  (await api<{ recordings: Rec[] }>(page, 'GET', `/api/interviews/${id}/recordings`)).recordings

/** Video frames the page's newest open peer connection has decoded (received) or sent. */
const videoFrames = (page: Page, dir: 'inbound' | 'outbound'): Promise<number> =>
  page.evaluate(async (dir) => {
    const peers = ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).filter((p) => p.connectionState !== 'closed')
    const pc = peers[peers.length - 1]
    if (!pc) return 0
    let n = 0
    ;(await pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === `${dir}-rtp` && s.kind === 'video') n += Number((dir === 'inbound' ? s.framesDecoded : s.framesSent) ?? 0)
    })
    return n
  }, dir)

/** How many peer connections the page has made. */
const peerCount = (page: Page): Promise<number> =>
  page.evaluate(() => ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).length)

it('records nothing of a call whose candidate declined recording, across a host restart, and tells the interviewer', async () => {
  const iv = recruiter.page
  const cand = candidate.page
  const { interview } = await createInterview(iv, { template: 'General P2P interview' })
  const note = iv.getByText('Olivia Diaz declined recording: this interview is not recorded.')

  // The interviewer waits in the call: recorded, as nobody has objected yet.
  await iv.goto(interview.interviewerLink)
  await iv.getByText('Candidate Olivia Diaz has not joined yet').waitFor()
  await expect
    .poll(async () => (await recordings(iv, interview.id)).some((r) => r.participant !== 'candidate' && r.active), { timeout: 20_000 })
    .toBe(true)

  // The candidate joins without ticking the recording box.
  await cand.goto(interview.candidateLink)
  await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
  await cand.getByText('The interviewer would like to record this interview.').waitFor()
  await cand.getByText('If you decline, nothing of the interview is recorded; the interviewer may then take notes only.').waitFor()
  await cand.getByRole('checkbox', { name: /processing of my personal data/ }).check()
  await cand.getByRole('checkbox', { name: /analysis of my answers/ }).check()
  expect(await cand.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).isChecked()).toBe(false)
  await cand.getByRole('button', { name: 'Join interview' }).click()
  await cand.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor()

  // What was recorded before the candidate could object is gone.
  await expect.poll(() => recordings(iv, interview.id), { timeout: 10_000 }).toEqual([])
  await note.waitFor()

  // The call: the interviewer decodes the candidate's video, so the host
  // forwarded keyframes that a recording would have started with.
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await cand.getByRole('region', { name: 'Video call' }).waitFor()
  await expect
    .poll(() => iv.getByRole('figure', { name: 'Olivia Diaz', exact: true }).locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0)
  await expect.poll(() => videoFrames(iv, 'inbound'), { timeout: 20_000 }).toBeGreaterThan(20)
  expect(await recordings(iv, interview.id)).toEqual([])

  // The host dies while the candidate is away, and comes back: the
  // interviewer is in the call alone again, sending video, and the replayed
  // room still says no recording.
  const peers = await peerCount(iv)
  await cand.goto('about:blank')
  await host.crash()
  await iv.getByText('Connection lost.').waitFor({ timeout: 20_000 })
  await host.serve()
  await iv.getByText('Connection lost.').waitFor({ state: 'detached', timeout: 30_000 })
  await expect
    .poll(async () => (await peerCount(iv)) > peers && (await videoFrames(iv, 'outbound')) > 20, { timeout: 30_000 })
    .toBe(true)
  expect(await recordings(iv, interview.id)).toEqual([])
  await note.waitFor()

  // The candidate comes back (the answers are remembered) and the call goes on, unrecorded.
  await cand.goto(interview.candidateLink)
  await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
  expect(await cand.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).isChecked()).toBe(false)
  await cand.getByRole('button', { name: 'Join interview' }).click()
  await cand.getByRole('region', { name: 'Video call' }).waitFor()
  await expect.poll(() => videoFrames(iv, 'inbound'), { timeout: 30_000 }).toBeGreaterThan(20)
  expect(await recordings(iv, interview.id)).toEqual([])

  // After the call, the interview has no recordings.
  await iv.getByRole('button', { name: 'End interview' }).click()
  await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
  await cand.getByText('Thank you for your time. You can close this page now.').waitFor()
  expect(await recordings(iv, interview.id)).toEqual([])
})
