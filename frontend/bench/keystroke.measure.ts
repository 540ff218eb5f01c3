// Keystroke latency in the shared editor, as people live it: a key pressed in
// the candidate's editor → the character applied in the interviewer's editor
// (both real Chromium pages on loopback, through the host, which stores every
// change before it forwards it). Prints p50/p99 rows for `make bench`.
import { appendFileSync } from 'node:fs'
import { afterAll, beforeAll, it } from 'vitest'
import { startHost, type Host } from '../e2e/harness'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from '../e2e/room-harness'

const KEYS = Number(process.env.KEYSTROKES ?? 300)

let host: Host
let recruiter: Participant
let candidate: Participant

/** The typist's page notes the time of each keydown (page clock, sub-ms). */
const MARK_KEYDOWN = `(() => {
  document.addEventListener('keydown', () => { window.__keyAt = performance.timeOrigin + performance.now() }, true)
})()`

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await candidate.page.addInitScript(MARK_KEYDOWN)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

it(`keystroke → applied at the other participant, ${KEYS} keys`, async () => {
  const { interview } = await createInterview(recruiter.page)
  const iv = recruiter.page
  const cand = candidate.page
  await iv.goto(interview.interviewerLink)
  await cand.goto(interview.candidateLink)
  await candidateJoins(cand)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  const editor = /^Code editor/
  await iv.getByRole('textbox', { name: editor }).waitFor()
  await cand.getByRole('textbox', { name: editor }).click()

  const latencies: number[] = []
  for (let i = 0; i < KEYS; i++) {
    // The interviewer's page watches for its document to grow (CodeMirror's own state)
    // before the key is pressed.
    await iv.evaluate(() => {
      const content = document.querySelector('.cm-content') as HTMLElement & {
        cmTile?: { root?: { view?: { state: { doc: { length: number } } } } }
      }
      const view = content.cmTile!.root!.view!
      const start = view.state.doc.length
      ;(window as unknown as { __applied: Promise<number> }).__applied = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the keystroke did not arrive within 5 s')), 5000)
        const mo = new MutationObserver(() => {
          if (view.state.doc.length === start) return
          clearTimeout(timer)
          mo.disconnect()
          resolve(performance.timeOrigin + performance.now())
        })
        mo.observe(content, { subtree: true, childList: true, characterData: true })
      })
    })
    await cand.keyboard.press(i % 40 === 39 ? 'Enter' : 'x')
    const at = await iv.evaluate(() => (window as unknown as { __applied: Promise<number> }).__applied)
    const pressed = await cand.evaluate(() => (window as unknown as { __keyAt: number }).__keyAt)
    latencies.push(at - pressed)
  }
  const rows = [
    `| KeystrokeToOtherEditor (candidate → interviewer, p50 of ${KEYS}) | ${percentile(latencies, 50).toFixed(1)} ms | – | – |`,
    `| KeystrokeToOtherEditor (p99 of ${KEYS}; goal ≤ 30 ms) | ${percentile(latencies, 99).toFixed(1)} ms | – | – |`,
  ]
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, rows.join('\n') + '\n')
  console.log(rows.join('\n'))
})
