// Calls on LiveKit: a LiveKit server v1.11.0 started here (--dev, loopback
// only) and our host serving with --livekit-url/--livekit-api-key/
// --livekit-api-secret. Candidate and interviewer go through the normal room
// flow — the waiting room holds: the candidate gets no LiveKit token before
// being let in — see each other's video through LiveKit, and the host's
// hidden participant records every track into the same per-track WebM files
// as the embedded SFU: they play, and the analysis reads them. A second
// interviewer removed from the interview leaves the LiveKit room at once.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, Recording } from '../src/api/types'
import { api, screenshot, startHost, type Host } from './harness'
import { startLiveKit, type LiveKit } from './livekit-server'
import { candidateJoins, createInterview, framesOfType, openParticipant, recordReceived, setOrganizer, type Participant, type Received } from './room-harness'
import { finishedAnalysis } from './speech-harness'

let livekit: LiveKit
let host: Host
let recruiter: Participant
let candidate: Participant
let second: Participant
let interview: Interview
let iv: Page
let cand: Page
let ivFrames: Received
let candFrames: Received

type Server = { kind: string; url: string; token: string; expires: string }
type Claims = {
  sub: string
  name?: string
  exp: number
  nbf: number
  attributes?: Record<string, string>
  video: Record<string, unknown>
}

/** The LiveKit access the host sent a page in its call's config signals. */
const servers = (r: Received): Server[] =>
  framesOfType<{ signal: { type: string; server?: Server } }>(r.frames, 'signal')
    .map((f) => f.signal.server)
    .filter((s): s is Server => s !== undefined)

const claims = (token: string): Claims => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Claims

const recordings = async (id: string): Promise<Recording[]> =>
  (await api<{ recordings: Recording[] }>(iv, 'GET', `/api/interviews/${id}/recordings`)).recordings

/** A figure's video shows pictures. */
const videoWidth = (page: Page, name: string) =>
  page.getByRole('figure', { name, exact: true }).locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)

beforeAll(async () => {
  livekit = await startLiveKit()
  host = await startHost({
    args: ['--livekit-url', livekit.url, '--livekit-api-key', livekit.apiKey, '--livekit-api-secret', livekit.apiSecret],
  })
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  second = await openParticipant(host)
  iv = recruiter.page
  cand = candidate.page
  await setOrganizer(iv)
  ;({ interview } = await createInterview(iv, { template: 'General P2P interview' }))
}, 120_000)

afterAll(async () => {
  await second?.close()
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
  await livekit?.stop()
})

describe('a call on LiveKit', () => {
  it('welcomes the interviewer with the LiveKit backend and a token of their own, with only the rights they need', async () => {
    ivFrames = recordReceived(iv)
    await iv.goto(interview.interviewerLink)
    await iv.getByText('Candidate Olivia Diaz has not joined yet').waitFor()
    const welcome = framesOfType<{ media?: string }>(ivFrames.frames, 'welcome')[0]
    expect(welcome?.media).toBe('livekit')
    await expect.poll(() => servers(ivFrames).length, { timeout: 10_000, message: `no LiveKit token came:\n${host.log()}` }).toBeGreaterThan(0)
    const s = servers(ivFrames)[0]!
    expect(s).toMatchObject({ kind: 'livekit', url: livekit.url })
    const c = claims(s.token)
    expect(c.video).toMatchObject({ room: interview.id, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: false })
    expect(c.video.roomAdmin).toBeUndefined()
    expect(c.video.hidden).toBeUndefined()
    expect(c.attributes?.role).toBe('interviewer')
    // The token ends with the interview's links (12 hours after its planned end) at the latest.
    const end = Date.parse(interview.startsAt) + (interview.durationMinutes * 60 + 12 * 3600) * 1000
    expect(c.exp * 1000).toBeLessThanOrEqual(end + 1000)
    expect(c.exp - c.nbf).toBeLessThanOrEqual(6 * 3600)
  })

  it('the waiting room holds: the candidate gets no token until let in, then one for the candidate alone', async () => {
    candFrames = recordReceived(cand)
    await cand.goto(interview.candidateLink)
    await candidateJoins(cand)
    await iv.getByText('Candidate Olivia Diaz is ready and waiting').waitFor()
    // Waiting: the candidate's page has had its welcome, state and presence, but no LiveKit access,
    // and LiveKit has nobody of the candidate in the room.
    expect(framesOfType<{ media?: string }>(candFrames.frames, 'welcome')[0]?.media).toBe('livekit')
    expect(servers(candFrames)).toEqual([])
    expect(candFrames.frames.some((f) => f.includes('"token"'))).toBe(false)
    await expect.poll(() => livekit.participants(interview.id), { timeout: 15_000 }).toContain('interviewdesk-recorder')
    const before = await livekit.participants(interview.id)
    expect(before.length, JSON.stringify(before)).toBe(2) // the interviewer and the recorder
    expect(before).not.toContain('candidate')

    await iv.getByRole('button', { name: 'Start interview' }).click()
    await cand.getByRole('region', { name: 'Video call' }).waitFor()
    await expect.poll(() => servers(candFrames).length, { timeout: 10_000 }).toBeGreaterThan(0)
    const c = claims(servers(candFrames)[0]!.token)
    expect(c.sub).toBe('candidate')
    expect(c.video).toMatchObject({ room: interview.id, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: false })
    expect(c.video.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio'])
    expect(c.video.roomAdmin).toBeUndefined()
    expect(c.attributes?.role).toBe('candidate')
  })

  it('both sides see each other through LiveKit, and the host records every track as a hidden participant', async () => {
    await expect.poll(() => videoWidth(iv, 'Olivia Diaz'), { timeout: 30_000, message: 'the interviewer sees no candidate video' }).toBeGreaterThan(0)
    await expect.poll(() => videoWidth(cand, 'Alex Recruiter'), { timeout: 30_000, message: 'the candidate sees no interviewer video' }).toBeGreaterThan(0)
    await expect.poll(() => iv.getByRole('figure', { name: 'Olivia Diaz', exact: true }).getAttribute('class')).toContain('tile-live')
    await screenshot(iv, 'livekit-interviewer-call')
    await screenshot(cand, 'livekit-candidate-call')
    // The recording participant is in the room, but hidden from the people in the call.
    expect(await livekit.participants(interview.id)).toContain('interviewdesk-recorder')
    expect(await iv.getByRole('figure', { name: /Recording/ }).count()).toBe(0)
    // Every participant's camera and microphone is being written, for a few seconds.
    await expect
      .poll(
        async () => {
          const recs = await recordings(interview.id)
          const long = (p: string, s: string) => recs.some((r) => r.participant === p && r.source === s && r.active && r.durationMs > 3000)
          return ['camera', 'microphone'].every((s) => long('candidate', s) && recs.some((r) => r.participant !== 'candidate' && r.source === s && long(r.participant, s)))
        },
        { timeout: 30_000, interval: 500, message: `not every track is recorded:\n${JSON.stringify(await recordings(interview.id))}` },
      )
      .toBe(true)
  })

  it('an interviewer removed from the interview leaves the LiveKit room at once', async () => {
    const added = await api<Interview>(iv, 'POST', `/api/interviews/${interview.id}/interviewers`, { name: 'Sam Second', email: 'sam@example.com' })
    const link = added.interviewers.find((i) => i.email === 'sam@example.com')!.link
    await second.page.goto(link)
    await expect.poll(() => videoWidth(second.page, 'Olivia Diaz'), { timeout: 30_000 }).toBeGreaterThan(0)
    const identities = await livekit.participants(interview.id)
    expect(identities.length).toBe(4) // candidate, two interviewers, the recorder
    await api(iv, 'DELETE', `/api/interviews/${interview.id}/interviewers/sam@example.com`)
    await expect.poll(async () => (await livekit.participants(interview.id)).length, { timeout: 10_000 }).toBe(3)
    await expect.poll(() => iv.getByRole('figure', { name: 'Sam Second', exact: true }).count(), { timeout: 10_000 }).toBe(0)
  })

  it('ending the interview ends the LiveKit room; the recordings play and the analysis sees every track', async () => {
    await iv.getByRole('button', { name: 'End interview' }).click()
    await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
    await cand.getByText('Thank you for your time. You can close this page now.').waitFor()
    await expect.poll(() => livekit.participants(interview.id).catch(() => []), { timeout: 10_000 }).toEqual([])

    let recs: Recording[] = []
    await expect
      .poll(
        async () => {
          recs = await recordings(interview.id)
          return recs.length >= 4 && recs.every((r) => r.finalised)
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true)
    for (const r of recs.filter((r) => r.participant === 'candidate' || r.source === 'camera' || r.source === 'microphone')) {
      const path = join(host.dataDir, 'recordings', interview.id, r.name)
      const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { encoding: 'utf8' }).trim())
      expect(duration, `${r.name} has no duration`).toBeGreaterThan(0)
      const stream = r.kind === 'video' ? 'v:0' : 'a:0'
      const frames = Number(
        execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', stream, '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path], {
          encoding: 'utf8',
        }).trim(),
      )
      expect(frames, `${r.name} decodes no frames`).toBeGreaterThan(0)
    }
    expect(recs.find((r) => r.participant === 'candidate' && r.source === 'camera')?.codec).toBe('vp8')
    expect(recs.find((r) => r.participant === 'candidate' && r.source === 'microphone')?.codec).toBe('opus')

    const a = await finishedAnalysis(iv, interview.id)
    expect(a.status, a.error).toBe('done')
    const voices = (a as unknown as { voice: { participant: string; role: string }[] }).voice
    expect(voices.map((v) => v.role).sort()).toEqual(expect.arrayContaining(['candidate', 'interviewer']))
    expect(a.recording?.durationMs ?? 0).toBeGreaterThan(2000)
  })
})
