// Campaigns end to end, as a recruiter and candidates meet them: a campaign
// with slots made in the console, its shared link opened by a candidate who
// registers and picks a time, the invitation with its .ics at a real SMTP
// server, the personal link reaching the device check (with the candidate's
// own Change time), the recruiter finding the candidate in Candidates, the
// Pipeline and the campaign page, and a second registration with the same
// address getting the existing booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { plain, startSmtpServer, type SmtpServer } from './smtp-server'
import { api, screenshot, startHost, type Host } from './harness'
import { openParticipant, setOrganizer, type Participant } from './room-harness'

let host: Host
let smtp: SmtpServer
let recruiter: Participant
let candidate: Participant
let page: Page
let sharedLink = ''

beforeAll(async () => {
  ;[host, smtp] = await Promise.all([startHost(), startSmtpServer()])
  ;[recruiter, candidate] = await Promise.all([openParticipant(host, { login: true }), openParticipant(host)])
  page = recruiter.page
  await page.setViewportSize({ width: 1440, height: 900 })
  await setOrganizer(page)
  await api(page, 'PUT', '/api/settings/mail', {
    host: '127.0.0.1', port: smtp.port, security: 'none', username: '', fromName: 'Acme Hiring', fromAddress: 'hiring@example.com', replyTo: '',
  })
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
  await smtp?.close()
})

const go = (hash: string) => page.goto(new URL(`/${hash}`, host.url).toString())

describe('a campaign with slots', () => {
  it('the recruiter creates it in the console, previewing the generated slots', async () => {
    await go('#/campaigns')
    await page.getByText('No campaigns yet.').waitFor()
    await page.locator('.empty').getByRole('link', { name: 'Create campaign' }).click()
    await page.getByRole('heading', { level: 1, name: 'Create campaign' }).waitFor()
    await page.getByRole('textbox', { name: 'Name' }).fill('Backend spring')
    await page.getByRole('textbox', { name: 'Position' }).fill('Backend engineer')
    await page.getByRole('textbox', { name: 'Seats per slot' }).fill('2')
    await page.getByRole('button', { name: 'Preview slots' }).click()
    // Two weeks of weekdays 10:00–16:00 at 45 minutes: 8 slots a day, 10 days.
    await page.getByText('80 slots, 160 seats in all.').waitFor()
    await screenshot(page, 'campaign-new-1440')
    await page.getByRole('button', { name: 'Create campaign' }).click()
    await page.getByRole('heading', { level: 1, name: /Backend spring/ }).waitFor()
    sharedLink = await page.getByRole('textbox', { name: 'Shared link' }).inputValue()
    expect(sharedLink).toMatch(/\/apply\/[^/]+$/)
    await page.getByText('No one has registered yet.').waitFor()
  })

  it('a candidate registers through the shared link, picks a time and gets the invitation with the .ics', async () => {
    const cand = candidate.page
    await cand.goto(sharedLink)
    await cand.getByRole('heading', { level: 1, name: 'Backend engineer' }).waitFor()
    await cand.getByRole('textbox', { name: 'Your name' }).fill('Ana Lima')
    await cand.getByRole('textbox', { name: 'Your email' }).fill('ana.lima@example.com')
    // A time on the third day: past the rule's 24 hours, so the candidate may change it later.
    await cand.getByRole('group', { name: 'Choose a time' }).getByRole('radio').nth(16).check()
    await cand.getByRole('checkbox', { name: /processing of my personal data/ }).check()
    await cand.getByRole('button', { name: 'Register' }).click()
    await cand.getByRole('heading', { level: 1, name: 'You are registered' }).waitFor()

    await expect.poll(() => smtp.received.filter((m) => m.to.includes('ana.lima@example.com')).length, { timeout: 15_000 }).toBe(1)
    const mail = plain(smtp.received.find((m) => m.to.includes('ana.lima@example.com'))!.data)
    expect(mail).toContain('text/calendar')
    expect(mail).toMatch(/filename="?[^"\r\n]*\.ics/)
    const personal = await cand.getByRole('link', { name: 'Open your personal link' }).getAttribute('href')
    expect(mail).toContain(personal!)

    await cand.getByRole('link', { name: 'Open your personal link' }).click()
    await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
    const booking = cand.getByRole('region', { name: 'Your booking' })
    await booking.getByRole('button', { name: 'Change time' }).waitFor()
    await booking.getByRole('button', { name: 'Cancel my interview' }).waitFor()
  })

  it('the candidate moves their time from their own link; the new invitation goes out', async () => {
    const cand = candidate.page
    const booking = cand.getByRole('region', { name: 'Your booking' })
    await booking.getByRole('button', { name: 'Change time' }).click()
    await booking.getByRole('radio').nth(20).check()
    await booking.getByRole('button', { name: 'Move my interview' }).click()
    await booking.getByRole('status').filter({ hasText: 'A new invitation is on its way by email.' }).waitFor()
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('ana.lima@example.com')).length, { timeout: 15_000 }).toBe(2)
    await screenshot(cand, 'campaign-candidate-booking')
  })

  it('the recruiter finds the candidate in Candidates (last 3 months), the Pipeline and the campaign page', async () => {
    await go('#/candidates')
    expect(await page.getByRole('button', { name: /Time filter/ }).textContent()).toContain('Last 3 months')
    const row = page.getByRole('row', { name: /Ana Lima/ })
    await row.getByText('Campaign: Backend spring').waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click()
    await page.getByRole('navigation', { name: 'Roles' }).getByRole('link', { name: /Backend engineer/ }).click()
    await page.getByRole('link', { name: 'Ana Lima' }).first().waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click()
    const listed = page.getByRole('row', { name: /Backend spring/ })
    await listed.getByText('1 of 160 seats').waitFor()
    await listed.getByRole('link', { name: 'Backend spring', exact: true }).click()
    const reg = page.getByRole('row', { name: /Ana Lima/ })
    await reg.getByRole('link', { name: 'Scheduled' }).waitFor()
    expect(await reg.getByRole('link', { name: 'Ana Lima' }).getAttribute('href')).toMatch(/^#\/candidates\//)
    await screenshot(page, 'campaign-page-1440')
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'campaign-page-1440-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    await go('#/interviews')
    await page.getByRole('combobox', { name: 'Campaign' }).selectOption({ label: 'Backend spring' })
    await page.getByRole('row', { name: /Ana Lima/ }).getByRole('link', { name: 'Backend spring' }).waitFor()
  })

  it('a second registration with the same address gets the existing booking', async () => {
    const cand = candidate.page
    await cand.goto(sharedLink)
    await cand.getByRole('textbox', { name: 'Your name' }).fill('Ana Lima')
    await cand.getByRole('textbox', { name: 'Your email' }).fill('ANA.LIMA@example.com')
    await cand.getByRole('group', { name: 'Choose a time' }).getByRole('radio').first().check()
    await cand.getByRole('checkbox', { name: /processing of my personal data/ }).check()
    await cand.getByRole('button', { name: 'Register' }).click()
    await cand.getByRole('heading', { level: 1, name: 'You are already registered' }).waitFor()
    expect(await cand.getByRole('link', { name: 'Open your personal link' }).count()).toBe(0)
    const v = await api<{ registrations: unknown[] }>(page, 'GET', `/api/campaigns/${await campaignId()}`)
    expect(v.registrations).toHaveLength(1)
  })
})

async function campaignId(): Promise<string> {
  const { campaigns } = await api<{ campaigns: { id: string; name: string }[] }>(page, 'GET', '/api/campaigns')
  return campaigns.find((c) => c.name === 'Backend spring')!.id
}
