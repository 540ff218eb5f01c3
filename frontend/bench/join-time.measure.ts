// Join time, measured as a candidate lives it: click "Join interview" on an
// interview already under way → the first RTP packet of the candidate's media at
// the host (from the host's log) and → the first decoded frame of the candidate's
// video at the interviewer. Over the TURN relay (?ice=relay), loopback, 10 runs;
// prints p50/p95 as table rows for `make bench`.
import { appendFileSync } from 'node:fs'
import { afterAll, beforeAll, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startHost, type Host } from '../e2e/harness'
import { TRACK_PEERS, candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from '../e2e/room-harness'

const RUNS = Number(process.env.JOIN_RUNS ?? 10)

let host: Host
let recruiter: Participant
let candidate: Participant

/** Notes when the candidate clicks Join (with the page's own clock). */
const MARK_JOIN_CLICK = `(() => {
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null
    if (b && b.textContent && b.textContent.includes('Join interview')) window.__joinClick = Date.now()
  }, true)
})()`

/** IDs of inbound video streams the interviewer already decodes. */
async function inboundVideo(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = []
    for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
      if (pc.connectionState === 'closed') continue
      for (const s of (await pc.getStats()).values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && Number(s.framesDecoded ?? 0) > 0) out.push(`${s.ssrc}`)
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
              if (s.type === 'inbound-rtp' && s.kind === 'video' && Number(s.framesDecoded ?? 0) > 0 && !known.includes(`${s.ssrc}`)) {
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

/** The host's first-rtp time for the candidate after `since`, from its log. */
async function firstRTPAtHost(since: number): Promise<number> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    for (const line of host.log().split('\n')) {
      if (!line.includes('type=first-rtp') || !line.includes('participant=candidate')) continue
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
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await recruiter.page.addInitScript(TRACK_PEERS)
  await candidate.page.addInitScript(TRACK_PEERS)
  await candidate.page.addInitScript(MARK_JOIN_CLICK)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

it(`join time over ${RUNS} runs`, async () => {
  const { interview } = await createInterview(recruiter.page, { template: 'General P2P interview' })
  const iv = recruiter.page
  const cand = candidate.page
  await iv.goto(`${interview.interviewerLink}?ice=relay`)
  await cand.goto(`${interview.candidateLink}?ice=relay`)
  await candidateJoins(cand)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await cand.getByRole('region', { name: 'Video call' }).waitFor()

  const toRTP: number[] = []
  const toFrame: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await cand.reload()
    await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
    await cand.getByRole('button', { name: 'Join interview' }).waitFor()
    await cand.waitForTimeout(1500) // the previous session leaves; the device preview settles
    const known = await inboundVideo(iv)
    const frame = firstNewFrame(iv, known)
    for (const name of [/processing of my personal data/, /analysis of my answers/, 'I understand the interview is recorded']) {
      const box = cand.getByRole('checkbox', { name })
      if (!(await box.isChecked())) await box.check()
    }
    await cand.getByRole('button', { name: 'Join interview' }).click()
    const clicked = await cand.evaluate(() => (window as unknown as { __joinClick: number }).__joinClick)
    const [rtpAt, frameAt] = await Promise.all([firstRTPAtHost(clicked), frame])
    toRTP.push(rtpAt - clicked)
    toFrame.push(frameAt - clicked)
  }
  const rows = [
    `| JoinClickToFirstRTPAtHost (relay, p50 / p95 of ${RUNS}) | ${percentile(toRTP, 50)} ms / ${percentile(toRTP, 95)} ms | – | – |`,
    `| JoinClickToFirstFrameAtInterviewer (relay, p50 / p95 of ${RUNS}) | ${percentile(toFrame, 50)} ms / ${percentile(toFrame, 95)} ms | – | – |`,
  ]
  console.log(`join → first RTP at host (ms): ${toRTP.join(', ')}`)
  console.log(`join → first frame at interviewer (ms): ${toFrame.join(', ')}`)
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
})
