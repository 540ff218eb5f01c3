import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, InterviewSummary } from '../src/api/types'
import { api, openBrowser, screenshot, startHost, type Browser, type Host } from './harness'

let host: Host
let browser: Browser
let page: Page

beforeAll(async () => {
  host = await startHost()
  browser = await openBrowser(host)
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

const list = async (tense: string, q = '') =>
  api<{ interviews: InterviewSummary[]; total: number }>(
    page,
    'GET',
    `/api/interviews?tense=${tense}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  )

/** A wall date N days from now in Europe/Berlin (the browser's zone in these tests). */
function berlinDate(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 86_400_000)
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
  return parts // en-CA formats as YYYY-MM-DD
}

/** Wall date and time in Europe/Berlin `hours` from now, on a 5-minute step. */
function berlinWallIn(hours: number): { date: string; time: string } {
  const at = new Date(Math.round((Date.now() + hours * 3_600_000) / 300_000) * 300_000)
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

async function openSetupFromTemplate(templateName: string) {
  await page.goto(new URL('#/templates', host.url).toString())
  await page
    .getByRole('article', { name: templateName, exact: true })
    .getByRole('link', { name: 'Create interview' })
    .click()
  await page.getByRole('heading', { level: 1, name: 'Interview setup' }).waitFor()
}

async function fillSetup(o: { position: string; name: string; email: string; date?: string; time?: string }) {
  await page.getByLabel('Position').fill(o.position)
  await page.getByLabel('Candidate name').fill(o.name)
  await page.getByLabel('Candidate email').fill(o.email)
  if (o.date) await page.getByRole('textbox', { name: 'Date', exact: true }).fill(o.date)
  if (o.time) await page.getByRole('textbox', { name: 'Time', exact: true }).fill(o.time)
}

/** The message tied to a field by aria-describedby, once the field is marked invalid. */
async function errorFor(name: string): Promise<string> {
  const field = page.getByRole('textbox', { name, exact: true })
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

describe('scheduling from a template', () => {
  it('settings: shows the host facts and saves the organizer, who becomes the first interviewer', async () => {
    await page.goto(new URL('#/settings', host.url).toString())
    const hostFacts = page.getByRole('region', { name: 'Host' })
    await hostFacts.getByText(host.dataDir).waitFor()
    expect(await hostFacts.textContent()).toContain(host.url)
    const save = page.getByRole('button', { name: 'Save settings' })
    await page.getByRole('textbox', { name: 'Your email' }).fill('alex@')
    await save.click()
    expect(await errorFor('Your email')).toContain('Enter a valid email address')
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Recruiter')
    await page.getByRole('textbox', { name: 'Your email' }).fill('alex@example.com')
    await save.click()
    await expect.poll(() => save.isDisabled()).toBe(true)
    const settings = await api<{ organizer: { name: string; email: string } }>(page, 'GET', '/api/settings')
    expect(settings.organizer).toEqual({ name: 'Alex Recruiter', email: 'alex@example.com' })
  })

  it('shows validation messages next to the fields and saves nothing', async () => {
    await openSetupFromTemplate('Go backend engineer')
    expect(await page.getByLabel('Interview template').inputValue()).not.toBe('')
    // Time zone defaults to the browser's zone.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin')
    await fillSetup({ position: 'Senior Go developer', name: '', email: 'not-an-email', date: berlinDate(-1), time: '09:00' })
    await page.getByRole('button', { name: 'Save interview' }).click()

    expect(await errorFor('Candidate name')).toContain('Enter the candidate’s name.')
    expect(await errorFor('Candidate email')).toContain('Enter a valid email address')
    expect(await errorFor('Date')).toContain('already passed')
    // Focus goes to the first invalid field.
    expect(await page.getByLabel('Candidate name').evaluate((el) => el === document.activeElement)).toBe(true)

    expect((await list('upcoming')).total).toBe(0)
    await page.goto(new URL('#/interviews', host.url).toString())
    await page.getByText('No upcoming interviews. Create one from a template.').waitFor()
  })

  it('creates an interview from a built-in template and lands on its details', async () => {
    await openSetupFromTemplate('Go backend engineer')
    await fillSetup({
      position: 'Senior Go developer',
      name: 'Olivia Diaz',
      email: 'olivia.diaz@example.com',
      date: berlinDate(3),
      time: '14:30',
    })
    await page.getByLabel('Campaign').fill('Autumn hiring')
    await page.getByRole('button', { name: 'Save interview' }).click()
    await page.waitForURL(/#\/interviews\/(?!new)[^/]+$/)
    await page.getByRole('heading', { level: 1, name: 'Olivia Diaz' }).waitFor()
    const main = page.getByRole('main')
    await main.getByText('Senior Go developer').first().waitFor()
    expect(await main.textContent()).toContain('Go backend engineer')
    expect(await main.textContent()).toContain('Technical · 12 questions')
    expect(await main.textContent()).toContain('Autumn hiring')
    expect(await page.getByRole('region', { name: 'When' }).textContent()).toContain('2:30 PM')
    const organizer = page.getByRole('list', { name: 'Interviewer list' }).getByRole('listitem').first()
    expect(await organizer.textContent()).toContain('alex@example.com')
    await screenshot(page, 'interview-details')
  })

  it('reschedules: the new time shows', async () => {
    await page.getByRole('button', { name: 'Change date' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change date' })
    await dialog.waitFor()
    await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill(berlinDate(5))
    await dialog.getByRole('textbox', { name: 'Time', exact: true }).fill('16:45')
    await dialog.getByRole('button', { name: 'Save new date' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('region', { name: 'When' }).textContent()).toContain('4:45 PM')
    const id = new URL(page.url()).hash.split('/').pop() ?? ''
    const iv = await api<Interview>(page, 'GET', `/api/interviews/${id}`)
    expect(iv.sequence).toBeGreaterThan(0)
    expect(iv.timeZone).toBe('Europe/Berlin')
  })

  it('adds and removes an interviewer', async () => {
    const panel = page.getByRole('region', { name: 'Interviewers' })
    await panel.getByLabel('Interviewer name').fill('Sam Lee')
    await panel.getByLabel('Interviewer email').fill('sam@')
    await panel.getByRole('button', { name: 'Add interviewer' }).click()
    expect(await errorFor('Interviewer email')).toContain('Enter a valid email address')
    await panel.getByLabel('Interviewer email').fill('sam.lee@example.com')
    await panel.getByRole('button', { name: 'Add interviewer' }).click()
    const people = panel.getByRole('list', { name: 'Interviewer list' })
    await people.getByText('sam.lee@example.com').waitFor()
    expect(await people.getByRole('listitem').count()).toBe(2)
    await panel.getByRole('button', { name: 'Remove Sam Lee' }).click()
    await people.getByText('sam.lee@example.com').waitFor({ state: 'detached' })
    expect(await people.getByRole('listitem').count()).toBe(1)
  })

  it('toggles Whiteboard, and Update persists it', async () => {
    const room = page.getByRole('region', { name: 'Edit room' })
    const update = room.getByRole('button', { name: 'Update' })
    expect(await update.isDisabled()).toBe(true)
    const wb = room.getByRole('switch', { name: 'Whiteboard' })
    const before = await wb.getAttribute('aria-checked')
    await wb.click()
    expect(await wb.getAttribute('aria-checked')).toBe(before === 'true' ? 'false' : 'true')
    expect(await update.isDisabled()).toBe(false)
    await update.click()
    await expect.poll(() => update.isDisabled()).toBe(true)
    await page.reload()
    await expect
      .poll(() => page.getByRole('region', { name: 'Edit room' }).getByRole('switch', { name: 'Whiteboard' }).getAttribute('aria-checked'))
      .toBe(before === 'true' ? 'false' : 'true')
  })

  it('reads as a summary and two columns at 1440×900, one column on a phone; a collapsed section stays collapsed', async () => {
    const region = (name: string) => page.getByRole('region', { name, exact: true })
    const box = async (name: string) => (await region(name).boundingBox())!
    await page.setViewportSize({ width: 1440, height: 900 })
    // The room's status and its action are at the top, in view.
    const room = await box('Room')
    expect(room.y + room.height).toBeLessThan(900)
    const open = await page.getByRole('button', { name: 'Open interviewer room' }).boundingBox()
    expect(open!.y).toBeGreaterThanOrEqual(room.y)
    expect(open!.y + open!.height).toBeLessThanOrEqual(room.y + room.height)
    // Links beside the interviewers, each link a row with its Copy button.
    const [links, people] = [await box('Links'), await box('Interviewers')]
    expect(people.x).toBeGreaterThan(links.x + links.width - 1)
    expect(Math.abs(people.y - links.y)).toBeLessThan(5)
    const input = (await page.getByRole('textbox', { name: 'Candidate link' }).boundingBox())!
    const copy = (await page.getByRole('button', { name: 'Copy candidate link' }).boundingBox())!
    expect(Math.abs(copy.y + copy.height / 2 - (input.y + input.height / 2))).toBeLessThan(2)
    expect(copy.x - (input.x + input.width)).toBeLessThan(20)
    expect(copy.x + copy.width).toBeGreaterThan(links.x + links.width - 40)
    await screenshot(page, 'interview-details-1440')
    await page.setViewportSize({ width: 390, height: 844 })
    const [narrowLinks, narrowPeople] = [await box('Links'), await box('Interviewers')]
    expect(narrowPeople.y).toBeGreaterThan(narrowLinks.y + narrowLinks.height)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'interview-details-phone')
    await page.setViewportSize({ width: 1280, height: 860 })

    // Timeline collapses from its heading's button and stays so after a reload.
    const toggle = region('Timeline').getByRole('button', { name: 'Timeline', exact: true })
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await region('Timeline').getByText('Nothing has happened in the room yet.').waitFor({ state: 'hidden' })
    await page.reload()
    await region('Timeline').waitFor()
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await region('Timeline').getByText('Nothing has happened in the room yet.').isVisible()).toBe(false)
    await toggle.press('Enter')
    await region('Timeline').getByText('Nothing has happened in the room yet.').waitFor()
  })

  it('opens the candidate link from the displayed link text: it shows the position', async () => {
    const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue()
    expect(link).toMatch(/^https?:\/\/.+\/join\/.+/)
    await page.getByRole('button', { name: 'Copy candidate link' }).click()
    await page.getByText('✓ Copied').first().waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
    const candidate = await browser.context.newPage()
    const res = await candidate.goto(link)
    expect(res?.status()).toBe(200)
    // The room app shows the position once the host has welcomed it.
    await candidate.getByRole('heading', { level: 1, name: 'Senior Go developer' }).waitFor()
    await candidate.close()
  })

  it('deletes after confirmation, lists it under Cancelled, and Undo restores it', async () => {
    const id = new URL(page.url()).hash.split('/').pop() ?? ''
    await page.getByRole('button', { name: 'Delete interview' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete the interview with Olivia Diaz?' })
    await dialog.getByRole('button', { name: 'Delete interview' }).click()
    await page.getByText('This interview was cancelled.').waitFor()
    expect((await list('cancelled')).interviews.map((i) => i.id)).toContain(id)

    await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click()
    await page.getByText('This interview was cancelled.').waitFor({ state: 'detached' })
    expect((await list('upcoming')).interviews.map((i) => i.id)).toContain(id)

    // Delete again and find it in the list's Cancelled tab; its link shows the cancelled page.
    const link = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue()
    await page.getByRole('button', { name: 'Delete interview' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete interview' }).click()
    await page.getByText('This interview was cancelled.').waitFor()
    expect(await page.getByRole('textbox', { name: 'Candidate link' }).inputValue()).toBe(link)
    const candidate = await browser.context.newPage()
    const res = await candidate.goto(link)
    expect(res?.status()).toBe(410)
    expect((await candidate.textContent('body'))?.toLowerCase()).toContain('cancelled')
    await candidate.close()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('tab', { name: 'Cancelled' }).click()
    await page.getByRole('tabpanel').getByRole('link', { name: 'Olivia Diaz' }).click()
    await page.getByRole('button', { name: 'Restore' }).click()
    await page.getByText('This interview was cancelled.').waitFor({ state: 'detached' })
  })

  it('searches the list by email and opens a new interview with "n"', async () => {
    await page.goto(new URL('#/interviews', host.url).toString())
    await page.getByRole('tab', { name: 'Upcoming' }).click()
    await page.keyboard.press('n')
    await page.getByRole('heading', { level: 1, name: 'Interview setup' }).waitFor()
    await page.getByLabel('Interview template').selectOption({ label: 'Python developer — Python' })
    // 50 hours ahead: "in 2 days" whatever the time of day the test runs.
    await fillSetup({ position: 'Data engineer', name: 'Ravi Patel', email: 'ravi.patel@example.org', ...berlinWallIn(50) })
    await page.getByRole('button', { name: 'Save interview' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ravi Patel' }).waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click()
    const panel = page.getByRole('tabpanel')
    await panel.getByRole('link', { name: 'Olivia Diaz' }).waitFor()
    await panel.getByRole('link', { name: 'Ravi Patel' }).waitFor()
    // Soonest first: Ravi (in about 2 days) before Olivia (in 5 days).
    const names = await panel.locator('tbody tr td:first-child a').allTextContents()
    expect(names).toEqual(['Ravi Patel', 'Olivia Diaz'])
    expect(await panel.getByRole('row').nth(1).textContent()).toContain('in 2 days')

    await page.keyboard.press('/')
    await page.keyboard.type('RAVI.PATEL@example')
    await expect.poll(() => panel.getByRole('row').count()).toBe(2) // header + one
    await panel.getByRole('link', { name: 'Ravi Patel' }).waitFor()
    // Position and campaign are searched too, and the placeholder says so.
    const search = page.getByRole('searchbox', { name: 'Search by candidate, email, position or campaign' })
    expect(await search.getAttribute('placeholder')).toBe('Search by candidate, email, position or campaign')
    const found = () => panel.locator('tbody tr td:first-child a').allTextContents()
    await search.fill('go DEVELOPER')
    await expect.poll(found).toEqual(['Olivia Diaz'])
    await screenshot(page, 'interview-list-search-position')
    await search.fill('autumn hiring')
    await expect.poll(found).toEqual(['Olivia Diaz'])
    await search.fill('Data eng')
    await expect.poll(found).toEqual(['Ravi Patel'])
    await search.fill('nobody@example.com')
    await page.getByText('No upcoming interviews match “nobody@example.com”.').waitFor()
    await screenshot(page, 'interview-list-search-empty')
    await page.getByRole('button', { name: 'Clear search' }).click()
    await panel.getByRole('link', { name: 'Olivia Diaz' }).waitFor()
    await screenshot(page, 'interview-list')
  })
})
