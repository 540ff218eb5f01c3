// Wire-level secrecy: everything the candidate's browser receives during a
// whole technical interview (the page, every script and style, every HTTP
// response, every WebSocket frame) is recorded, and none of the
// interviewer-only material may appear in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, Template } from '../src/api/types'
import { startHost, type Host } from './harness'
import { candidateJoins, createInterview, openParticipant, recordReceived, setOrganizer, type Participant, type Received } from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant
let interview: Interview
let template: Template
let iv: Page
let cand: Page
let received: Received

const SECRET_TOPIC = 'Salary band discussion 7Q2X'
const SECRET_COMMENT = 'Comment only for us: weak on escape analysis 5KJ9'
const SECRET_NOTES = '## Private notes 3VW8\n- would not hire for the platform team'
const SECRET_PAD = 'Scratch pad only for us: ask about mutexes 8PD4'
const PASTED = 'text pasted from another window 41'
const SHOWN = [0, 1, 2] // questions put on screen (the rest are never shown)
const REPHRASED = 0 // the one whose alternative the interviewer shows

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  iv = recruiter.page
  cand = candidate.page
  await setOrganizer(iv)
  ;({ interview, template } = await createInterview(iv))
  received = recordReceived(cand)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

const cockpit = () => iv.getByRole('complementary', { name: 'Interview cockpit' })

/** Every string inside a JSON value (JSON escapes like \u003c undone). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

/** A distinctive slice of a long text, so a truncated or re-wrapped leak is still caught. */
const probe = (s: string) => s.slice(0, 48)

describe('what the candidate receives', () => {
  it('a whole technical interview runs with the candidate recorded', async () => {
    await iv.goto(interview.interviewerLink)
    await cand.goto(interview.candidateLink)
    await candidateJoins(cand)
    await iv.getByRole('button', { name: 'Start interview' }).click()
    await cand.getByRole('heading', { name: 'Introduction' }).waitFor()

    await cockpit().getByRole('checkbox', { name: template.plan[2]!.title }).check()
    await cockpit().getByRole('button', { name: '+ Add topic' }).click()
    await cockpit().getByRole('textbox', { name: 'New topic' }).fill(SECRET_TOPIC)
    await cockpit().getByRole('button', { name: 'Add', exact: true }).click()
    await cockpit().getByRole('checkbox', { name: SECRET_TOPIC }).check()
    await iv.getByRole('textbox', { name: 'Interview notes' }).fill(SECRET_NOTES)

    await cockpit().getByRole('button', { name: 'Start technical part' }).click()
    const n = template.questions.length
    for (const i of SHOWN) {
      if (i > 0) await cockpit().getByRole('button', { name: 'Next →' }).click()
      await cockpit().getByRole('heading', { name: `Question ${i + 1}/${n}` }).waitFor()
      await cand.getByRole('heading', { name: `Question ${i + 1}/${n}` }).waitFor()
      if (i === REPHRASED) {
        await cockpit().getByRole('button', { name: 'Show rephrased question' }).click()
        await cand.getByRole('heading', { name: 'In other words' }).waitFor()
      }
      await cockpit().getByRole('radio', { name: /^3/ }).check()
      await cockpit().getByRole('textbox', { name: 'Comment on this answer' }).fill(`${SECRET_COMMENT} #${i + 1}`)
      await expect.poll(() => cockpit().locator(`#comment-status-${i}`).textContent(), { timeout: 5000 }).toMatch(/^Saved/)
    }
    await expect.poll(() => iv.locator('#notes-status').textContent(), { timeout: 5000 }).toMatch(/^Saved/)

    // The workspace: the interviewers' scratch pad, and what the candidate's
    // browser reports (a paste from outside, leaving the tab) — all for
    // interviewers only.
    await iv.getByRole('tab', { name: 'Scratch pad' }).click()
    await iv.getByRole('textbox', { name: /^Scratch pad/ }).click()
    await iv.keyboard.type(SECRET_PAD)
    await cand.getByRole('textbox', { name: /^Code editor/ }).click()
    await cand.keyboard.type('func main() {}')
    await cand.evaluate((text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, PASTED)
    // Leaving the tab as the page sees it: the document loses focus.
    await cand.evaluate(() => {
      Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => false })
      window.dispatchEvent(new Event('blur'))
    })
    await iv.getByText(/left the interview tab/).waitFor()
    await cand.evaluate(() => {
      Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => true })
      window.dispatchEvent(new Event('focus'))
    })
    const activity = iv.getByRole('region', { name: /^Activity/ })
    await activity.getByText(`pasted ${PASTED.length} characters from outside the room`).waitFor()
    await activity.getByText(/came back after/).waitFor()
    // The rest of the questions, with the keyboard (from the workspace's tabs:
    // the editors keep Alt+arrows for themselves), then the finish and the end.
    await iv.getByRole('tab', { name: 'Code' }).click()
    for (let i = SHOWN.length; i < n; i++) {
      await iv.keyboard.press('Alt+ArrowRight')
      await cockpit().getByRole('heading', { name: `Question ${i + 1}/${n}` }).waitFor()
    }
    await cockpit().getByRole('button', { name: 'Finish interview' }).click()
    await cand.getByRole('heading', { name: 'Finish' }).waitFor()
    await iv.getByRole('button', { name: 'End interview' }).click()
    await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
    await cand.getByText('Thank you for your time. You can close this page now.').waitFor()
  })

  it('none of the interviewer-only material reaches the candidate, on any channel', async () => {
    await received.settle()
    const html = await cand.content()
    const parsedFrames = received.frames.flatMap((f) => {
      try {
        return strings(JSON.parse(f))
      } catch {
        return [f]
      }
    })
    const haystack = [html, ...received.frames, ...parsedFrames, ...received.bodies.map((b) => b.body)].join('\n\u0000\n')

    // The recording works: what the candidate may see is in it.
    expect(received.bodies.some((b) => /\/assets\/room-.*\.js$/.test(b.url)), 'the room bundle was recorded').toBe(true)
    expect(received.frames.length).toBeGreaterThan(5)
    expect(haystack).toContain(template.questions[0]!.text)
    expect(haystack).toContain(template.questions[REPHRASED]!.alternative)

    // Every question went on screen in this interview (the next test keeps
    // some back); secret stay every expected answer and key point, every
    // alternative not shown, and everything the interviewer wrote.
    const forbidden: [string, string][] = []
    template.questions.forEach((q, i) => {
      forbidden.push([`expected answer of question ${i + 1}`, q.expectedAnswer])
      for (const k of q.keyPoints ?? []) forbidden.push([`key point of question ${i + 1}`, k])
      if (i !== REPHRASED) forbidden.push([`alternative explanation of question ${i + 1}`, q.alternative])
    })
    forbidden.push(['an added plan topic', SECRET_TOPIC])
    template.plan.forEach((t) => forbidden.push([`the hint of topic ${t.title}`, t.hint ?? '']))
    forbidden.push(['a comment', SECRET_COMMENT])
    forbidden.push(['the notes', SECRET_NOTES])
    forbidden.push(['the notes (first line)', '## Private notes 3VW8'])
    forbidden.push(['the scratch pad', SECRET_PAD])
    const ivToken = new URL(interview.interviewerLink).pathname.split('/').pop()!
    forbidden.push(['the interviewer link token', ivToken])

    const leaks = forbidden.filter(([, s]) => s && (haystack.includes(s) || haystack.includes(probe(s))))
    expect(leaks.map(([what]) => what)).toEqual([])

    // The candidate never downloads the interviewer's cockpit code either.
    expect(received.bodies.filter((b) => /InterviewerRoom/.test(b.url)).map((b) => b.url)).toEqual([])
    // No frame carries interviewer-only fields.
    for (const f of received.frames) {
      expect(f).not.toMatch(/"(questionsContent|expectedAnswer|notes|ratings|comments|topics|plan|activity|starterCode|assessments)"\s*:/)
      expect(f).not.toContain('"doc":"pad"')
    }
  })

  it('questions never put on screen stay secret (a second interview, finished after two questions)', async () => {
    const second = await createInterview(iv, { candidate: 'Sam Park', email: 'sam.park@example.com' })
    const cand2 = await openParticipant(host)
    const rec = recordReceived(cand2.page)
    try {
      await iv.goto(second.interview.interviewerLink)
      await cand2.page.goto(second.interview.candidateLink)
      await candidateJoins(cand2.page)
      await iv.getByRole('button', { name: 'Start interview' }).click()
      await cockpit().getByRole('button', { name: 'Start technical part' }).click()
      await cockpit().getByRole('button', { name: 'Next →' }).click()
      const n = second.template.questions.length
      await cand2.page.getByRole('heading', { name: `Question 2/${n}` }).waitFor()
      // Red phone straight from question 2.
      await iv.getByRole('button', { name: 'End interview' }).click()
      await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
      await cand2.page.getByText('Thank you for your time. You can close this page now.').waitFor()
      await rec.settle()
      const all = [await cand2.page.content(), ...rec.frames, ...rec.frames.flatMap((f) => strings(JSON.parse(f))), ...rec.bodies.map((b) => b.body)].join('\n')
      expect(all).toContain(second.template.questions[1]!.text)
      const leaked = second.template.questions
        .slice(2)
        .map((q, i) => [i + 3, q.text] as const)
        .filter(([, t]) => all.includes(probe(t)))
        .map(([i]) => `question ${i}`)
      expect(leaked).toEqual([])
    } finally {
      await cand2.close()
    }
  })
})
