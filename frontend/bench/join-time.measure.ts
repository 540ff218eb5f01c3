// Join time, as a candidate lives it, beside LiveKit in the same run: click
// "Join interview" on an interview already under way → the first decoded frame
// of the candidate's video at the interviewer (and → the first RTP packet of it
// at the host, from the host's log), directly and over the TURN relay
// (?ice=relay); and LiveKit server v1.11.0 with livekit-client in the same
// Chromium, same fake devices, same loopback: Room.connect + publishing the
// camera and microphone (captured beforehand, as our device check does) → the
// first decoded frame at a subscriber already in the room; and, for
// reference, LiveKit with the room connected beforehand (no subscriptions)
// and only publishing at the click. The four are interleaved run by run (the
// order rotates), JOIN_RUNS rounds (default 10); prints p50/p95 and the
// ratios as table rows for `make bench`. Alongside, the other way round: the
// click (or LiveKit's connect) → the first decoded frame of the interviewer's
// video at the one who joins.
import { appendFileSync } from 'node:fs'
import { afterAll, beforeAll, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startHost, type Host } from '../e2e/harness'
import { TRACK_PEERS, candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from '../e2e/room-harness'
import { startLiveKit, type LiveKit } from './livekit'

// 20 rounds: LiveKit's join times come in two clusters (≈ 0.4–0.7 s and
// ≈ 1.4–1.8 s), and with 10 a run's p50 moved with how many fell in each.
const RUNS = Number(process.env.JOIN_RUNS ?? 20)
/** Time on the device check (or LiveKit's equivalent) before the click. */
const SETTLE_MS = Number(process.env.JOIN_SETTLE_MS ?? 1500)

type Mode = 'direct' | 'relay' | 'livekit' | 'livekit-prepared'

let host: Host
let livekit: LiveKit
let recruiter: Participant
let candidate: Participant
let lkSubscriber: Participant
let lkPublisher: Participant

/** Notes when the candidate clicks Join (with the page's own clock). */
const MARK_JOIN_CLICK = `(() => {
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null
    if (b && b.textContent && b.textContent.includes('Join interview')) window.__joinClick = Date.now()
  }, true)
})()`

/** Keys of inbound video streams the page already decodes. */
async function inboundVideo(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = []
    for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
      if (pc.connectionState === 'closed') continue
      for (const s of (await pc.getStats()).values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && Number(s.framesDecoded ?? 0) > 0) out.push(`${s.ssrc}:${s.trackIdentifier}`)
      }
    }
    return out
  })
}

/** Resolves with the time a video stream not in `known` first decodes a frame. */
function firstNewFrame(page: Page, known: string[]): Promise<number> {
  return page.evaluate(
    (known) =>
      new Promise<number>((resolve, reject) => {
        const deadline = Date.now() + 20_000
        const poll = async () => {
          for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
            if (pc.connectionState === 'closed') continue
            for (const s of (await pc.getStats()).values()) {
              if (s.type === 'inbound-rtp' && s.kind === 'video' && Number(s.framesDecoded ?? 0) > 0 && !known.includes(`${s.ssrc}:${s.trackIdentifier}`)) {
                return resolve(Date.now())
              }
            }
          }
          if (Date.now() > deadline) return reject(new Error('no new video decoded within 20 s'))
          setTimeout(poll, 10)
        }
        void poll()
      }),
    known,
  )
}

/** Waits until one of the page's peer connections is connected. */
async function peerConnected(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (window as unknown as { __peers?: RTCPeerConnection[] }).__peers?.some((pc) => pc.connectionState === 'connected'),
  )
}

/** The host's first-rtp time for the candidate's video after `since`, from its log. */
async function firstRTPAtHost(since: number): Promise<number> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    for (const line of host.log().split('\n')) {
      if (!line.includes('type=first-rtp') || !line.includes('participant=candidate') || !line.includes('kind=video')) continue
      const at = /at=(\S+)/.exec(line)
      const t = at ? Date.parse(at[1]!) : NaN
      if (t >= since) return t
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the host logged no first RTP from the candidate within 20 s')
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

beforeAll(async () => {
  ;[host, livekit] = await Promise.all([startHost(), startLiveKit()])
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  lkSubscriber = await openParticipant(host)
  lkPublisher = await openParticipant(host)
  for (const p of [recruiter, candidate, lkSubscriber, lkPublisher]) await p.context.addInitScript(TRACK_PEERS)
  await candidate.page.addInitScript(MARK_JOIN_CLICK)
  await setOrganizer(recruiter.page)
}, 400_000)

afterAll(async () => {
  for (const p of [lkPublisher, lkSubscriber, candidate, recruiter]) await p?.close()
  await host?.stop()
  await livekit?.stop()
})

it(`join time over ${RUNS} rounds, interleaved with LiveKit`, async () => {
  const cand = candidate.page
  // One interview per path; its interviewer waits in the call in a page of its own.
  const links = {} as Record<'direct' | 'relay', { candidate: string; interviewer: Page }>
  for (const mode of ['direct', 'relay'] as const) {
    const { interview } = await createInterview(recruiter.page, { template: 'General P2P interview' })
    const q = mode === 'relay' ? '?ice=relay' : ''
    const iv = mode === 'direct' ? recruiter.page : await recruiter.context.newPage()
    await iv.goto(`${interview.interviewerLink}${q}`)
    await cand.goto(`${interview.candidateLink}${q}`)
    await candidateJoins(cand)
    await iv.getByRole('button', { name: 'Start interview' }).click()
    await cand.getByRole('region', { name: 'Video call' }).waitFor()
    await peerConnected(iv)
    links[mode] = { candidate: `${interview.candidateLink}${q}`, interviewer: iv }
    await cand.goto('about:blank')
  }
  // LiveKit: the "interviewer" publishes a camera and microphone too, and waits in the room.
  await lkSubscriber.page.goto(livekit.page)
  await lkPublisher.page.goto(livekit.page)
  await lkSubscriber.page.evaluate(() => (window as unknown as { lkCapture: () => Promise<void> }).lkCapture())
  await lkSubscriber.page.evaluate(
    ([url, token]) => (window as unknown as { lkJoin: (u: string, t: string) => Promise<number> }).lkJoin(url!, token!),
    [livekit.url, livekit.token('join', 'interviewer')],
  )

  const toFrame: Record<Mode, number[]> = { direct: [], relay: [], livekit: [], 'livekit-prepared': [] }
  const toRTP: Record<'direct' | 'relay', number[]> = { direct: [], relay: [] }
  /** → the first decoded frame of the interviewer at the one who joins (not for livekit-prepared, which subscribes to nothing). */
  const toSeen: Record<Exclude<Mode, 'livekit-prepared'>, number[]> = { direct: [], relay: [], livekit: [] }

  const ours = async (mode: 'direct' | 'relay') => {
    const iv = links[mode].interviewer
    await cand.goto(links[mode].candidate)
    await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
    await cand.getByRole('button', { name: 'Join interview' }).waitFor()
    for (const name of [/processing of my personal data/, /analysis of my answers/, /interview is recorded/]) {
      const box = cand.getByRole('checkbox', { name })
      if (!(await box.isChecked())) await box.check()
    }
    await cand.waitForTimeout(SETTLE_MS) // the previous session leaves; the device check settles
    const known = await inboundVideo(iv)
    const frame = firstNewFrame(iv, known)
    const seen = firstNewFrame(cand, await inboundVideo(cand))
    await cand.getByRole('button', { name: 'Join interview' }).click()
    const clicked = await cand.evaluate(() => (window as unknown as { __joinClick: number }).__joinClick)
    const [rtpAt, frameAt, seenAt] = await Promise.all([firstRTPAtHost(clicked), frame, seen])
    toRTP[mode].push(rtpAt - clicked)
    toFrame[mode].push(frameAt - clicked)
    toSeen[mode].push(seenAt - clicked)
    await cand.goto('about:blank')
  }
  type LK = {
    lkCapture: () => Promise<void>
    lkJoin: (u: string, t: string) => Promise<number>
    lkPrepare: (u: string, t: string) => Promise<void>
    lkPublish: () => Promise<number>
    lkLeave: () => Promise<void>
  }
  const theirs = async (prepared: boolean) => {
    const pub = lkPublisher.page
    const args: [string, string] = [livekit.url, livekit.token('join', 'candidate')]
    await pub.reload()
    await pub.evaluate(() => (window as unknown as LK).lkCapture())
    if (prepared) await pub.evaluate(([url, token]) => (window as unknown as LK).lkPrepare(url, token), args)
    await pub.waitForTimeout(SETTLE_MS)
    const known = await inboundVideo(lkSubscriber.page)
    const frame = firstNewFrame(lkSubscriber.page, known)
    const seen = prepared ? undefined : firstNewFrame(pub, await inboundVideo(pub))
    const started = prepared
      ? await pub.evaluate(() => (window as unknown as LK).lkPublish())
      : await pub.evaluate(([url, token]) => (window as unknown as LK).lkJoin(url, token), args)
    toFrame[prepared ? 'livekit-prepared' : 'livekit'].push((await frame) - started)
    if (seen) toSeen.livekit.push((await seen) - started)
    await pub.evaluate(() => (window as unknown as LK).lkLeave())
  }

  const order: Mode[] = ['direct', 'relay', 'livekit', 'livekit-prepared']
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < order.length; i++) {
      const mode = order[(round + i) % order.length]!
      if (mode === 'direct' || mode === 'relay') await ours(mode)
      else await theirs(mode === 'livekit-prepared')
    }
  }

  const p = (m: Mode, q: number) => percentile(toFrame[m], q)
  const seen = (m: keyof typeof toSeen, q: number) => percentile(toSeen[m], q)
  const ratio = (a: number, b: number) => (a / b).toFixed(2)
  const n = `p50 / p95 of ${RUNS}`
  const rows = [
    `| JoinClickToFirstRTPAtHost (direct, ${n}) | ${percentile(toRTP.direct, 50)} ms / ${percentile(toRTP.direct, 95)} ms | – | – |`,
    `| JoinClickToFirstRTPAtHost (relay, ${n}) | ${percentile(toRTP.relay, 50)} ms / ${percentile(toRTP.relay, 95)} ms | – | – |`,
    `| JoinClickToFirstFrameAtInterviewer (direct, ${n}) | ${p('direct', 50)} ms / ${p('direct', 95)} ms | – | – |`,
    `| JoinClickToFirstFrameAtInterviewer (relay, ${n}) | ${p('relay', 50)} ms / ${p('relay', 95)} ms | – | – |`,
    `| LiveKit v1.11.0 ConnectToFirstFrameAtSubscriber (same run, ${n}) | ${p('livekit', 50)} ms / ${p('livekit', 95)} ms | – | – |`,
    `| LiveKit v1.11.0 PublishToFirstFrameAtSubscriber, room connected beforehand (same run, ${n}) | ${p('livekit-prepared', 50)} ms / ${p('livekit-prepared', 95)} ms | – | – |`,
    `| JoinTime ratio to LiveKit, direct (p50 / p95; goal ≤ 0.5 / ≤ 1) | ${ratio(p('direct', 50), p('livekit', 50))} / ${ratio(p('direct', 95), p('livekit', 95))} | – | – |`,
    `| JoinTime ratio to LiveKit, relay (p50 / p95; goal ≤ 0.5 / ≤ 1) | ${ratio(p('relay', 50), p('livekit', 50))} / ${ratio(p('relay', 95), p('livekit', 95))} | – | – |`,
    `| JoinClickToInterviewerFrameAtCandidate (direct, ${n}) | ${seen('direct', 50)} ms / ${seen('direct', 95)} ms | – | – |`,
    `| JoinClickToInterviewerFrameAtCandidate (relay, ${n}) | ${seen('relay', 50)} ms / ${seen('relay', 95)} ms | – | – |`,
    `| LiveKit v1.11.0 ConnectToFirstFrameAtPublisher (the subscriber's video, same run, ${n}) | ${seen('livekit', 50)} ms / ${seen('livekit', 95)} ms | – | – |`,
    `| Ratio to LiveKit, the joiner's first frame of the other (direct / relay; p50 / p95) | ${ratio(seen('direct', 50), seen('livekit', 50))} / ${ratio(seen('relay', 50), seen('livekit', 50))}; ${ratio(seen('direct', 95), seen('livekit', 95))} / ${ratio(seen('relay', 95), seen('livekit', 95))} | – | – |`,
  ]
  for (const m of order) console.log(`join → first frame, ${m} (ms): ${toFrame[m].join(', ')}`)
  for (const m of ['direct', 'relay'] as const) console.log(`join → first RTP at host, ${m} (ms): ${toRTP[m].join(', ')}`)
  for (const m of ['direct', 'relay', 'livekit'] as const) console.log(`join → the interviewer's first frame at the joiner, ${m} (ms): ${toSeen[m].join(', ')}`)
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
}, 900_000)
