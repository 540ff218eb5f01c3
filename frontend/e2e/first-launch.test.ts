// The first launch: the console asks "Enter your details" before anything else,
// and from then on the entered name and email stand for the organizer — on the
// candidate's page (never the operating system's user name) and as the
// ORGANIZER of every calendar invitation.
import { userInfo } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Interview, TemplateSummary } from '../src/api/types'
import { api, openBrowser, screenshot, startHost, type Browser, type Host } from './harness'
import { openParticipant, type Participant } from './room-harness'

let host: Host
let browser: Browser
let candidate: Participant | undefined
let interview: Interview

beforeAll(async () => {
  host = await startHost()
  browser = await openBrowser(host, { details: false })
})

afterAll(async () => {
  await candidate?.close()
  await browser?.close()
  await host?.stop()
})

/** The words of a page as a person reads them. */
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9_.-]+/)

/** The operating system's user names the host might have shown before. */
const osNames = [...new Set(['root', userInfo().username.toLowerCase()])]

/** Creates an interview through the console API (the CLI and scripts can, before any details). */
async function createInterview(): Promise<Interview> {
  const page = browser.page
  const { templates } = await api<{ templates: TemplateSummary[] }>(page, 'GET', '/api/templates')
  return api<Interview>(page, 'POST', '/api/interviews', {
    templateId: templates[0]!.id,
    position: 'Senior Go developer',
    candidateName: 'Olivia Diaz',
    candidateEmail: 'olivia.diaz@example.com',
    when: 'now',
  })
}

/** Opens the candidate's link; returns the words of their first page. */
async function candidatePage(iv: Interview): Promise<string[]> {
  candidate ??= await openParticipant(host)
  const page = candidate.page
  await page.goto(iv.candidateLink)
  await page.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
  return words(await page.locator('body').innerText())
}

describe('the first launch', () => {
  it('before any details, an interview made through the API shows its candidate no OS user', async () => {
    const early = await createInterview()
    expect(early.interviewers[0]).toMatchObject({ name: '', email: '' })
    const seen = await candidatePage(early)
    for (const osName of osNames) expect(seen, `the candidate's page says "${osName}"`).not.toContain(osName)
    await candidate!.page.getByText('Your interviewer').waitFor()
  })

  it('asks for the details before anything else and stores them', async () => {
    const page = browser.page
    await page.getByRole('heading', { name: 'Enter your details' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0)
    await screenshot(page, 'first-launch')

    const next = page.getByRole('button', { name: 'Next' })
    await next.click()
    await page.getByText('Enter your name.').waitFor()
    await page.getByText('Enter your email address.').waitFor()
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Recruiter')
    await page.getByRole('textbox', { name: 'Your email' }).fill('alex@example.com')
    await next.click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()
    const settings = await api<{ organizer: { name: string; email: string } }>(page, 'GET', '/api/settings')
    expect(settings.organizer).toEqual({ name: 'Alex Recruiter', email: 'alex@example.com' })

    // A reload opens the console at once: the details are in.
    await page.reload()
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()
    expect(await page.getByRole('heading', { name: 'Enter your details' }).count()).toBe(0)
  })

  it('the calendar invitation names the entered organizer', async () => {
    const page = browser.page
    interview = await createInterview()
    expect(interview.interviewers[0]).toMatchObject({ name: 'Alex Recruiter', email: 'alex@example.com' })
    const res = await page.request.get(new URL(`/api/interviews/${interview.id}/ics?for=candidate`, host.url).toString())
    expect(res.status()).toBe(200)
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '') // unfolded (RFC 5545 §3.1)
    expect(ics).toMatch(/^ORGANIZER;CN="?Alex Recruiter"?:mailto:alex@example\.com\r?$/m)
  })

  it('the candidate’s page shows the entered name, never the operating system’s user', async () => {
    const seen = await candidatePage(interview)
    expect(seen).toContain('recruiter') // "Alex Recruiter", the interviewer
    for (const osName of osNames) expect(seen, `the candidate's page says "${osName}"`).not.toContain(osName)
    await screenshot(candidate!.page, 'first-launch-candidate')
  })
})
