// Video through the host's SFU, forced through its TURN relay
// (iceTransportPolicy "relay" via ?ice=relay): both sides decode each other's
// video and hear each other, a shared screen arrives, and the quality
// indicator reports the relay. Needs internal/media wired into `serve`: the
// first test fails fast, saying so, when the host does not answer `call`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview } from '../src/api/types'
import { screenshot, startHost, type Host } from './harness'
import { TRACK_PEERS, candidateJoins, createInterview, framesOfType, openParticipant, recordReceived, setOrganizer, type Participant, type Received } from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant
let interview: Interview
let iv: Page
let cand: Page
let ivFrames: Received


type Stats = {
  video: { framesDecoded: number; width: number }[]
  audioPackets: number
  localType: string | undefined
  remoteType: string | undefined
  state: string
}

/** getStats() of the page's newest open peer connection. */
async function stats(page: Page): Promise<Stats | undefined> {
  return page.evaluate(async () => {
    const peers = ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).filter(
      (p) => p.connectionState !== 'closed',
    )
    const pc = peers[peers.length - 1]
    if (!pc) return undefined
    const report = await pc.getStats()
    const all = [...report.values()] as Record<string, unknown>[]
    const byId = new Map(all.map((s) => [s.id as string, s]))
    const video = all
      .filter((s) => s.type === 'inbound-rtp' && s.kind === 'video')
      .map((s) => ({ framesDecoded: Number(s.framesDecoded ?? 0), width: Number(s.frameWidth ?? 0) }))
    const audioPackets = all
      .filter((s) => s.type === 'inbound-rtp' && s.kind === 'audio')
      .reduce((n, s) => n + Number(s.packetsReceived ?? 0), 0)
    const transport = all.find((s) => s.type === 'transport' && s.selectedCandidatePairId)
    const pair = transport ? byId.get(transport.selectedCandidatePairId as string) : undefined
    return {
      video,
      audioPackets,
      localType: pair ? (byId.get(pair.localCandidateId as string)?.candidateType as string) : undefined,
      remoteType: pair ? (byId.get(pair.remoteCandidateId as string)?.candidateType as string) : undefined,
      state: pc.connectionState,
    }
  })
}

/** RTP packets the page's newest open peer connection sent and received, and its state. */
async function rtpCounts(page: Page): Promise<{ state: string; sent: number; received: number; sentVideo: number }> {
  return page.evaluate(async () => {
    const peers = ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).filter((p) => p.connectionState !== 'closed')
    const pc = peers[peers.length - 1]
    if (!pc) return { state: 'none', sent: 0, received: 0, sentVideo: 0 }
    let sent = 0
    let received = 0
    let sentVideo = 0
    for (const s of (await pc.getStats()).values()) {
      if (s.type === 'outbound-rtp') {
        sent += Number(s.packetsSent ?? 0)
        if (s.kind === 'video') sentVideo += Number(s.packetsSent ?? 0)
      }
      if (s.type === 'inbound-rtp') received += Number(s.packetsReceived ?? 0)
    }
    return { state: pc.connectionState, sent, received, sentVideo }
  })
}

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  iv = recruiter.page
  cand = candidate.page
  await iv.addInitScript(TRACK_PEERS)
  await cand.addInitScript(TRACK_PEERS)
  await setOrganizer(iv)
  ;({ interview } = await createInterview(iv, { template: 'General P2P interview' }))
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

const relay = (link: string) => `${link}?ice=relay`

describe('the call, through the TURN relay', () => {
  it('the host takes the interviewer into the call (media is wired)', async () => {
    ivFrames = recordReceived(iv)
    await iv.goto(relay(interview.interviewerLink))
    await iv.getByText('Candidate Olivia Diaz has not joined yet').waitFor()
    const deadline = Date.now() + 8000
    let configs = 0
    while (Date.now() < deadline) {
      configs = framesOfType<{ signal: { type: string } }>(ivFrames.frames, 'signal').filter((f) => f.signal.type === 'config').length
      if (configs > 0) break
      await iv.waitForTimeout(100)
    }
    if (configs === 0) {
      const refusals = framesOfType<{ error?: string }>(ivFrames.frames, 'ack')
        .map((a) => a.error)
        .filter(Boolean)
      throw new Error(
        'The host never answered the interviewer\'s `call` with a media `config` signal, so no video test can pass. ' +
          `Is internal/media wired into \`serve\`? Host refusals: ${JSON.stringify(refusals)}`,
      )
    }
  })

  it('both sides decode each other\'s video and receive audio, over relay candidates', async () => {
    await cand.goto(relay(interview.candidateLink))
    await candidateJoins(cand)
    // In the waiting room the candidate's connection is already up (so that
    // joining only starts the media), yet no media goes either way: checked
    // once the interviewer has been sending for a while.
    await expect.poll(async () => (await rtpCounts(cand)).state, { timeout: 15_000 }).toBe('connected')
    const ivSent = (await rtpCounts(iv)).sentVideo
    await expect.poll(async () => (await rtpCounts(iv)).sentVideo, { timeout: 15_000 }).toBeGreaterThan(ivSent + 50)
    expect(await rtpCounts(cand), 'a waiting candidate sends and receives nothing').toMatchObject({ sent: 0, received: 0 })
    expect((await stats(iv))?.video.some((v) => v.framesDecoded > 0), 'the interviewer decodes nothing of a waiting candidate').toBe(false)
    await iv.getByRole('button', { name: 'Start interview' }).click()
    await cand.getByRole('region', { name: 'Video call' }).waitFor()

    for (const [who, page] of [['interviewer', iv], ['candidate', cand]] as const) {
      await expect
        .poll(async () => (await stats(page))?.video.some((v) => v.framesDecoded > 0) ?? false, {
          timeout: 20_000,
          message: `${who} decodes no video`,
        })
        .toBe(true)
      await expect
        .poll(async () => (await stats(page))?.audioPackets ?? 0, { timeout: 10_000, message: `${who} receives no audio` })
        .toBeGreaterThan(0)
      const s = await stats(page)
      expect(s?.localType, `${who} should connect through the relay`).toBe('relay')
    }
    // The tiles show the pictures, named.
    await expect
      .poll(() => iv.getByRole('figure', { name: 'Olivia Diaz', exact: true }).locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth))
      .toBeGreaterThan(0)
    await expect
      .poll(() => cand.getByRole('figure', { name: 'Alex Recruiter', exact: true }).locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth))
      .toBeGreaterThan(0)
    // …and the placeholders gave way to them.
    await expect.poll(() => iv.getByRole('figure', { name: 'Olivia Diaz', exact: true }).getAttribute('class')).toContain('tile-live')
    await expect.poll(() => cand.getByRole('figure', { name: 'Alex Recruiter', exact: true }).getAttribute('class')).toContain('tile-live')
    // The quality indicator has measured the connection.
    await expect.poll(() => iv.locator('.quality-text').textContent(), { timeout: 10_000 }).toMatch(/Good|Fair|Poor/)
    await screenshot(iv, 'room-interviewer-call')
    await screenshot(cand, 'room-candidate-call')
  })

  it('a shared screen arrives at the interviewer, and goes away when stopped', async () => {
    await cand.getByRole('button', { name: 'Share screen' }).click()
    await cand.getByText('You are sharing your screen').waitFor()
    const shared = iv.getByRole('figure', { name: 'Olivia Diaz · shared screen' })
    await shared.waitFor({ timeout: 15_000 })
    await expect
      .poll(() => shared.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 })
      .toBeGreaterThan(0)
    await expect
      .poll(async () => (await stats(iv))?.video.filter((v) => v.framesDecoded > 0).length ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2)
    await screenshot(iv, 'room-interviewer-screen-share')
    await cand.getByRole('button', { name: 'Stop sharing' }).click()
    await shared.waitFor({ state: 'detached', timeout: 15_000 })
  })

  it('muting is visible to nobody as an error, and the red phone closes the call on both sides', async () => {
    await cand.getByRole('button', { name: 'Mute' }).click()
    await cand.getByRole('button', { name: 'Unmute' }).waitFor()
    await iv.getByRole('button', { name: 'End interview' }).click()
    await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
    await cand.getByText('Thank you for your time. You can close this page now.').waitFor()
    // The candidate's camera is released.
    await expect
      .poll(() =>
        cand.evaluate(() =>
          ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).every((p) => p.connectionState === 'closed'),
        ),
      )
      .toBe(true)
  })
})
