// A whole technical interview in two real browsers against the real host:
// waiting statuses, lock, start, plan, questions, rephrasing, ratings, notes,
// takeover by a second tab, the red phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, Template } from '../src/api/types'
import { screenshot, startHost, type Host } from './harness'
import {
  createInterview,
  openParticipant,
  setOrganizer,
  statusLine,
  type Participant,
} from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant
let interview: Interview
let template: Template
let iv: Page
let cand: Page

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  iv = recruiter.page
  cand = candidate.page
  await setOrganizer(iv)
  ;({ interview, template } = await createInterview(iv))
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

const cockpit = () => iv.getByRole('complementary', { name: 'Interview cockpit' })

describe('the live room, start to end', () => {
  it('interviewer: the waiting room says the candidate has not joined yet, and there is no Start button', async () => {
    await iv.goto(interview.interviewerLink)
    await expect.poll(() => statusLine(iv).textContent()).toBe('Candidate Olivia Diaz has not joined yet')
    expect(await iv.getByRole('button', { name: 'Start interview' }).count()).toBe(0)
    // Interviewers are in the call right away: their own tile is there.
    await iv.getByRole('region', { name: 'Video call' }).getByRole('figure', { name: 'Alex Recruiter (you)' }).waitFor()
  })

  it('candidate: the pre-join card, device check and network check', async () => {
    await cand.goto(interview.candidateLink)
    await cand.getByRole('heading', { level: 1, name: 'Senior Go developer' }).waitFor()
    const card = cand.locator('.prejoin-card')
    expect(await card.textContent()).toContain('Alex Recruiter')
    // Fake camera: the preview plays, the checklist passes.
    await cand.getByText('Camera works').waitFor()
    await cand.getByText('Microphone works').waitFor()
    await cand.getByText('Connected to the interview host').waitFor()
    await expect
      .poll(() => cand.locator('.device-preview video').evaluate((v: HTMLVideoElement) => v.videoWidth))
      .toBeGreaterThan(0)
    expect(await cand.getByRole('combobox', { name: 'Camera' }).count()).toBe(1)
    expect(await cand.getByRole('combobox', { name: 'Microphone' }).count()).toBe(1)
    await cand.getByRole('button', { name: 'Play test sound' }).waitFor()
    await screenshot(cand, 'room-candidate-prejoin')
    // Opened, not yet ready: still no Start button.
    await expect.poll(() => statusLine(iv).textContent()).toContain('is checking their devices')
    expect(await iv.getByRole('button', { name: 'Start interview' }).count()).toBe(0)
  })

  it('candidate: Join stays disabled until personal data is agreed; AI analysis and recording are optional', async () => {
    const join = cand.getByRole('button', { name: 'Join interview' })
    expect(await join.isDisabled()).toBe(true)
    await cand.getByText('The interviewer would like to record this interview.').waitFor()
    await cand.getByRole('checkbox', { name: /analysis of my answers/ }).check()
    await cand.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).check()
    expect(await join.isDisabled()).toBe(true)
    await cand.getByRole('checkbox', { name: /processing of my personal data/ }).check()
    expect(await join.isDisabled()).toBe(false)
    await cand.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).uncheck()
    expect(await join.isDisabled()).toBe(false)
  })

  it('lock holds the candidate in the waiting room; the status turns ready and Start interview appears', async () => {
    // The button says what it will do; its padlock and colour show the state.
    await cockpit().getByRole('button', { name: 'Lock room', exact: true }).click()
    const unlock = cockpit().getByRole('button', { name: 'Unlock room', exact: true })
    await unlock.waitFor()
    expect(await cockpit().getByRole('button', { name: 'Lock room', exact: true }).count()).toBe(0)
    expect(await unlock.getAttribute('class')).toContain('lock-on')
    await screenshot(iv, 'room-interviewer-locked')

    await cand.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).check()
    await cand.getByRole('button', { name: 'Join interview' }).click()
    await cand.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor()
    await cand.getByText('The interviewer has locked the room; you will be let in shortly.').waitFor()
    await screenshot(cand, 'room-candidate-waiting-locked')

    await expect.poll(() => statusLine(iv).textContent()).toBe('Candidate Olivia Diaz is ready and waiting')
    // The status line is a live region: screen readers announce the change.
    expect(await statusLine(iv).getAttribute('role')).toBe('status')
    // The console's interview page says so too.
    const consolePage = await recruiter.context.newPage()
    await consolePage.goto(new URL(`/#/interviews/${interview.id}`, iv.url()).toString())
    await consolePage
      .getByRole('region', { name: 'Room' })
      .getByText('Candidate Olivia Diaz is ready and waiting.')
      .waitFor({ timeout: 10_000 })
    await consolePage.close()
    await iv.getByRole('button', { name: 'Start interview' }).waitFor()
    await screenshot(iv, 'room-interviewer-waiting')

    await iv.getByRole('button', { name: 'Start interview' }).click()
    await cockpit().getByRole('heading', { name: 'Interview plan' }).waitFor()
    // Started but locked: the candidate still waits.
    await cand.waitForTimeout(500)
    await cand.getByText('The interviewer has locked the room; you will be let in shortly.').waitFor()
    expect(await cand.getByRole('region', { name: 'Video call' }).count()).toBe(0)

    await unlock.click()
    await cockpit().getByRole('button', { name: 'Lock room', exact: true }).waitFor()
    await cand.getByRole('region', { name: 'Video call' }).waitFor()
    await cand.getByRole('heading', { name: 'Introduction' }).waitFor()
    // The candidate does not see the plan.
    expect(await cand.getByText(template.plan[0]!.title).count()).toBe(0)
  })

  it('plan topics are checked out of order, and a topic is added on the fly', async () => {
    const topics = template.plan.map((t) => t.title)
    const box = (title: string) => cockpit().getByRole('checkbox', { name: title })
    await box(topics[3]!).check()
    await box(topics[0]!).check()
    await box(topics[2]!).check()
    await expect.poll(() => cockpit().locator('.plan-progress').textContent()).toBe(`3 of ${topics.length} covered`)
    await box(topics[0]!).uncheck()
    await expect.poll(() => cockpit().locator('.plan-progress').textContent()).toBe(`2 of ${topics.length} covered`)

    await cockpit().getByRole('button', { name: '+ Add topic' }).click()
    await cockpit().getByRole('textbox', { name: 'New topic' }).fill('Team leadership')
    await cockpit().getByRole('button', { name: 'Add', exact: true }).click()
    await box('Team leadership').check()
    await expect.poll(() => cockpit().locator('.plan-progress').textContent()).toBe(`3 of ${topics.length + 1} covered`)

    // The template's topic hints guide the interviewer, under each topic; they fold.
    const hint = template.plan[1]!.hint!
    expect(hint).toBeTruthy()
    await cockpit().getByText(hint).waitFor()
    await screenshot(iv, 'room-interviewer-plan')
    const toggle = cockpit().getByRole('button', { name: `Hint for ${topics[1]}` })
    await toggle.click()
    await cockpit().getByText(hint).waitFor({ state: 'hidden' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    await cockpit().getByText(hint).waitFor()
    const candPage = (await cand.content()) + (await cand.evaluate(() => document.body.innerText))
    expect(template.plan.filter((t) => t.hint && candPage.includes(t.hint)).map((t) => t.title)).toEqual([])
    await screenshot(cand, 'room-candidate-introduction')
  })

  it('Start technical part: the candidate sees Question 1/N and only the question text', async () => {
    const q = template.questions
    await cockpit().getByRole('button', { name: 'Start technical part' }).click()
    await cockpit().getByRole('heading', { name: `Question 1/${q.length}` }).waitFor()
    // The interviewer sees the expected answer and the alternative explanation.
    expect(await cockpit().textContent()).toContain(q[0]!.expectedAnswer)
    expect(await cockpit().textContent()).toContain(q[0]!.alternative)

    await cand.getByRole('heading', { name: `Question 1/${q.length}` }).waitFor()
    const stage = cand.locator('.candidate-stage')
    expect(await stage.textContent()).toContain(q[0]!.text)
    const page = (await cand.content()) + (await cand.evaluate(() => document.body.innerText))
    expect(page).not.toContain(q[0]!.expectedAnswer)
    expect(page).not.toContain(q[0]!.alternative)
    expect(page).not.toContain(q[1]!.text)
    await screenshot(iv, 'room-interviewer-question')
    await screenshot(cand, 'room-candidate-question')
    await iv.emulateMedia({ colorScheme: 'dark' })
    await cand.emulateMedia({ colorScheme: 'dark' })
    await screenshot(iv, 'room-interviewer-question-dark')
    await screenshot(cand, 'room-candidate-question-dark')
    await iv.emulateMedia({ colorScheme: 'light' })
    await cand.emulateMedia({ colorScheme: 'light' })
  })

  it('Show rephrased question reaches the candidate', async () => {
    const q = template.questions[0]!
    await cockpit().getByRole('button', { name: 'Show rephrased question' }).click()
    await cockpit().getByText('Shown to the candidate').waitFor()
    await cand.getByRole('heading', { name: 'In other words' }).waitFor()
    expect(await cand.locator('.rephrased').textContent()).toContain(q.alternative)
    await screenshot(cand, 'room-candidate-rephrased')
  })

  it('rating, comment and notes are saved, and survive a reload of the interviewer page', async () => {
    // The per-question timer runs on the host's clock.
    await expect.poll(() => cockpit().locator('.elapsed-time').textContent(), { timeout: 5000 }).toMatch(/^00:0[1-9]$/)
    await cockpit().getByRole('radio', { name: /^4/ }).check()
    await cockpit().getByRole('textbox', { name: 'Comment on this answer' }).fill('Knew the slice header; missed full slice expressions.')
    await iv.getByRole('textbox', { name: 'Interview notes' }).fill('## Q1\n- solid on **append**')
    await expect.poll(() => iv.locator('#notes-status').textContent(), { timeout: 5000 }).toMatch(/^Saved · \d/)
    await expect.poll(() => cockpit().locator('#comment-status-0').textContent(), { timeout: 5000 }).toMatch(/^Saved · \d/)

    // Next with the keyboard (Alt+→), even from inside the notes.
    await iv.getByRole('textbox', { name: 'Interview notes' }).focus()
    await iv.keyboard.press('Alt+ArrowRight')
    await cockpit().getByRole('heading', { name: `Question 2/${template.questions.length}` }).waitFor()
    await cand.getByRole('heading', { name: `Question 2/${template.questions.length}` }).waitFor()
    expect(await cand.locator('.candidate-stage').textContent()).toContain(template.questions[1]!.text)

    await iv.reload()
    await cockpit().getByRole('heading', { name: `Question 2/${template.questions.length}` }).waitFor()
    expect(await iv.getByRole('textbox', { name: 'Interview notes' }).inputValue()).toBe('## Q1\n- solid on **append**')
    await iv.keyboard.press('Alt+ArrowLeft')
    await cockpit().getByRole('heading', { name: `Question 1/${template.questions.length}` }).waitFor()
    expect(await cockpit().getByRole('radio', { name: /^4/ }).isChecked()).toBe(true)
    expect(await cockpit().getByRole('textbox', { name: 'Comment on this answer' }).inputValue()).toBe(
      'Knew the slice header; missed full slice expressions.',
    )
  })

  it('a second candidate tab takes over, and the first one says so', async () => {
    const second = await candidate.context.newPage()
    await second.goto(interview.candidateLink)
    await cand.getByRole('heading', { name: 'This interview is open in another tab or window' }).waitFor()
    await screenshot(cand, 'room-candidate-replaced')
    await second.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
    // The consent given before is remembered on this device.
    expect(await second.getByRole('checkbox', { name: 'I agree that the interview is recorded (optional)' }).isChecked()).toBe(true)
    await second.getByRole('button', { name: 'Join interview' }).click()
    await second.getByRole('heading', { name: `Question 1/${template.questions.length}` }).waitFor()

    // "Use it here" takes the interview back, straight into the call, camera on.
    await cand.getByRole('button', { name: 'Use it here' }).click()
    await second.getByRole('heading', { name: 'This interview is open in another tab or window' }).waitFor()
    await cand.getByRole('heading', { name: `Question 1/${template.questions.length}` }).waitFor()
    await expect
      .poll(() => cand.getByRole('figure', { name: 'Olivia Diaz (you)' }).getAttribute('class'))
      .toContain('tile-live')
    await second.close()
  })

  it('after the last question: Finish interview, then the red phone ends it for both', async () => {
    const n = template.questions.length
    // Jump to the last question through Next.
    for (let i = 1; i < n; i++) {
      await cockpit().getByRole('button', { name: 'Next →' }).click()
      await cockpit().getByRole('heading', { name: `Question ${i + 1}/${n}` }).waitFor()
    }
    expect(await cockpit().getByRole('button', { name: 'Next →' }).count()).toBe(0)
    await cockpit().getByRole('button', { name: 'Finish interview' }).click()
    await cockpit().getByRole('heading', { name: 'Finish' }).waitFor()
    await cand.getByRole('heading', { name: 'Finish' }).waitFor()
    await screenshot(iv, 'room-interviewer-finish')

    await iv.getByRole('button', { name: 'End interview' }).click()
    const dialog = iv.getByRole('dialog', { name: 'End the interview for everyone?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'End interview' }).click()

    await iv.getByRole('heading', { level: 1, name: 'Interview completed' }).waitFor()
    await iv.getByText('Thank you. The recording and your notes are saved with the interview.').waitFor()
    await cand.getByText('Thank you for your time. You can close this page now.').waitFor()
    await cand.getByRole('heading', { level: 1, name: 'Interview completed' }).waitFor()
    const results = iv.getByRole('link', { name: 'view the interview results here' })
    expect(await results.getAttribute('href')).toBe(`${new URL(interview.interviewerLink).pathname}/results`)
    await screenshot(iv, 'room-interviewer-completed')
    await screenshot(cand, 'room-candidate-completed')
    // This browser is signed in to the console: the link lands on the interview's results there.
    await results.click()
    await iv.waitForURL((u) => u.hash === `#/interviews/${interview.id}`)
  })
})
