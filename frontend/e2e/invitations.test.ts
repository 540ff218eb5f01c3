// Invitations and email, and what the details page shows after an interview:
// real `interviewdesk serve`, real Chromium, and a small SMTP server on loopback.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, MailSettings, Outbox, Timeline } from '../src/api/types'
import { plain, startSmtpServer, type SmtpServer } from './smtp-server'
import { api, openBrowser, screenshot, startHost, type Browser, type Host } from './harness'

let host: Host
let browser: Browser
let page: Page
let smtp: SmtpServer

beforeAll(async () => {
  ;[host, smtp] = await Promise.all([startHost(), startSmtpServer()])
  browser = await openBrowser(host)
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await smtp?.close()
})

const go = (hash: string) => page.goto(new URL(hash, host.url).toString())

/** A wall date N days from now in Europe/Berlin (the browser's zone). */
function berlinDate(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

/** Creates an interview through the setup screen and returns it (read back for checks). */
async function createInterview(o: { name: string; email: string; days: number }): Promise<Interview> {
  await go('#/templates')
  await page.getByRole('article', { name: 'Go backend engineer', exact: true }).getByRole('link', { name: 'Create interview' }).click()
  await page.getByRole('heading', { level: 1, name: 'Interview setup' }).waitFor()
  await page.getByLabel('Position').fill('Senior Go developer')
  await page.getByLabel('Candidate name').fill(o.name)
  await page.getByLabel('Candidate email').fill(o.email)
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill(berlinDate(o.days))
  await page.getByRole('textbox', { name: 'Time', exact: true }).fill('14:30')
  await page.getByRole('button', { name: 'Save interview' }).click()
  await page.waitForURL(/#\/interviews\/(?!new)[^/]+$/)
  await page.getByRole('heading', { level: 1, name: o.name }).waitFor()
  const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '')
  return api<Interview>(page, 'GET', `/api/interviews/${id}`)
}

/** The text tied to a control by aria-describedby once it is marked invalid. */
async function describedError(control: ReturnType<Page['locator']>): Promise<string> {
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true')
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean)
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}


const emailSection = () => page.getByRole('region', { name: 'Email' })

let olivia: Interview

describe('email not set up', () => {
  it('settings: says email is not set up; "none" with a non-loopback host is refused under Security', async () => {
    await go('#/settings')
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Recruiter')
    await page.getByRole('textbox', { name: 'Your email' }).fill('alex@example.com')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true)

    const section = emailSection()
    await section.getByRole('status').filter({ hasText: 'Email is not set up yet' }).waitFor()
    // The test email address defaults to the organizer's.
    expect(await section.getByRole('textbox', { name: 'Send to' }).inputValue()).toBe('alex@example.com')
    expect(await section.getByRole('button', { name: 'Send test email' }).isDisabled()).toBe(true)

    await section.getByRole('textbox', { name: 'SMTP server' }).fill('smtp.example.com')
    await section.getByRole('radio', { name: 'None' }).check()
    await section.getByRole('textbox', { name: 'Port' }).fill('25')
    await section.getByRole('textbox', { name: 'Sender address' }).fill('hiring@example.com')
    // The hint explains the rule before saving.
    expect(await section.textContent()).toContain('Only allowed for a mail server on this machine')
    await section.getByRole('button', { name: 'Save email settings' }).click()
    const security = section.getByRole('group', { name: 'Security' })
    expect(await describedError(security)).toContain('allowed only for a server on this machine')
    expect(await security.evaluate((el) => el === document.activeElement)).toBe(true)
    await screenshot(page, 'settings-email-invalid')

    const saved = await api<MailSettings>(page, 'GET', '/api/settings/mail')
    expect(saved.configured).toBe(false)
    expect(saved.host).toBe('')
  })

  it('details: the notice says invitations were not sent and links to Settings; panels show their empty states', async () => {
    olivia = await createInterview({ name: 'Olivia Diaz', email: 'olivia.diaz@example.com', days: 3 })
    const notice = page.getByText('Email is not set up, so invitations were not sent.')
    await notice.waitFor()
    expect(await notice.textContent()).toBe(
      'Email is not set up, so invitations were not sent. Copy the invitation or save the .ics file — or set up email in Settings.',
    )
    expect(await notice.getByRole('link', { name: 'set up email in Settings' }).getAttribute('href')).toBe('#/settings')

    await page.getByRole('region', { name: 'Invitations' }).getByText('No emails were sent for this interview: email is not set up.').waitFor()
    await page.getByRole('region', { name: 'Timeline' }).getByText('Nothing has happened in the room yet.').waitFor()
    await page.getByRole('region', { name: 'Recordings' }).getByText('No recordings yet. The call is recorded once it starts.').waitFor()
    const outbox = await api<Outbox>(page, 'GET', `/api/interviews/${olivia.id}/outbox`)
    expect(outbox).toEqual({ mailConfigured: false, messages: [] })
    await screenshot(page, 'details-email-not-set-up')

    await notice.getByRole('link', { name: 'set up email in Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await go(`#/interviews/${olivia.id}`)
    await page.getByRole('heading', { level: 1, name: 'Olivia Diaz' }).waitFor()
  })

  it('Share details: the candidate’s text has the candidate link, never an interviewer link; Copy puts it on the clipboard', async () => {
    // A second interviewer, so there is someone else's link to leak.
    const panel = page.getByRole('region', { name: 'Interviewers' })
    await panel.getByLabel('Interviewer name').fill('Sam Lee')
    await panel.getByLabel('Interviewer email').fill('sam.lee@example.com')
    await panel.getByRole('button', { name: 'Add interviewer' }).click()
    await panel.getByText('sam.lee@example.com').waitFor()
    olivia = await api<Interview>(page, 'GET', `/api/interviews/${olivia.id}`)
    const sam = olivia.interviewers.find((p) => p.email === 'sam.lee@example.com')!
    const alex = olivia.interviewers[0]!

    const opener = page.getByRole('button', { name: 'Share details' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Share details' })
    await dialog.waitFor()
    const who = dialog.getByRole('combobox', { name: 'Invitation for' })
    expect(await who.evaluate((el) => el === document.activeElement)).toBe(true)
    const text = dialog.getByRole('textbox', { name: /Full invitation/ })
    await expect.poll(() => text.inputValue()).toContain(olivia.candidateLink)
    const candidateText = await text.inputValue()
    expect(candidateText).toContain('Senior Go developer')
    for (const p of olivia.interviewers) expect(candidateText).not.toContain(p.link)
    expect(candidateText).not.toContain('/room/')
    expect(await text.getAttribute('readonly')).not.toBeNull()

    await dialog.getByRole('button', { name: 'Copy full invitation' }).click()
    await dialog.getByRole('status').filter({ hasText: '✓ Copied the invitation for Olivia Diaz.' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(candidateText)
    await screenshot(page, 'share-details-candidate')

    // Sam's invitation carries Sam's own link, not the candidate's or the organizer's.
    expect(await who.locator('option').allTextContents()).toEqual([
      'Olivia Diaz — candidate',
      'Alex Recruiter — organizer',
      'Sam Lee — interviewer',
    ])
    await who.selectOption({ label: 'Sam Lee — interviewer' })
    await expect.poll(() => text.inputValue()).toContain(sam.link)
    const samText = await text.inputValue()
    expect(samText).not.toContain(olivia.candidateLink)
    expect(samText).not.toContain(alex.link)
    // The status of the previous copy does not linger on another person's text.
    expect(await dialog.getByRole('status').textContent()).toBe('')

    // Escape closes and focus returns to the button that opened the dialog.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('Save .ics downloads the candidate’s calendar invitation (a METHOD:REQUEST)', async () => {
    await page.getByRole('button', { name: 'Share details' }).click()
    const dialog = page.getByRole('dialog', { name: 'Share details' })
    await expect.poll(() => dialog.getByRole('textbox', { name: /Full invitation/ }).inputValue()).toContain(olivia.candidateLink)
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save .ics' }).click()])
    expect(download.suggestedFilename()).toMatch(/^interview-.*\.ics$/)
    const ics = readFileSync(await download.path(), 'utf8')
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true)
    expect(ics).toContain('METHOD:REQUEST')
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(olivia.candidateLink)
    expect(ics).not.toContain('/room/')
    await dialog.getByRole('status').filter({ hasText: `✓ Downloaded ${download.suggestedFilename()}` }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
  })
})

describe('email through a local SMTP server', () => {
  it('saves the settings; the password is never sent back; the status says email is set up', async () => {
    await go('#/settings')
    const section = emailSection()
    await section.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1')
    await section.getByRole('radio', { name: 'None' }).check()
    await section.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port))
    await section.getByRole('textbox', { name: 'Username' }).fill('alex')
    await section.getByLabel('Password', { exact: true }).fill('s3cret-Pa55word')
    await section.getByRole('textbox', { name: 'Sender name' }).fill('Acme Hiring')
    await section.getByRole('textbox', { name: 'Sender address' }).fill('hiring@example.com')
    await section.getByRole('textbox', { name: 'Reply-to' }).fill('alex@example.com')
    await section.getByRole('button', { name: 'Save email settings' }).click()
    await section.getByRole('status').filter({ hasText: 'Email is set up' }).waitFor()
    await section.getByText('A password is saved', { exact: true }).waitFor()
    expect(await section.getByLabel('Password', { exact: true }).inputValue()).toBe('')

    const res = await page.request.get(new URL('/api/settings/mail', host.url).toString())
    const raw = await res.text()
    expect(raw).not.toContain('s3cret-Pa55word')
    const saved = JSON.parse(raw) as MailSettings & { password?: string }
    expect(saved).toMatchObject({ host: '127.0.0.1', port: smtp.port, security: 'none', hasPassword: true, configured: true })
    expect(saved.password ?? '').toBe('')

    await page.reload()
    await emailSection().getByText('A password is saved', { exact: true }).waitFor()
    expect(await emailSection().getByLabel('Password', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain('s3cret-Pa55word')
  })

  it('Send test email reports success, and the server’s exact error in an alert', async () => {
    const section = emailSection()
    const to = section.getByRole('textbox', { name: 'Send to' })
    expect(await to.inputValue()).toBe('alex@example.com')
    await section.getByRole('button', { name: 'Send test email' }).click()
    await section.getByText('Test email sent to alex@example.com.').waitFor()
    const mail = smtp.received.find((m) => m.to.includes('alex@example.com'))
    expect(mail?.data).toContain('Subject: InterviewDesk test email')
    expect(mail?.auth).toBe('\u0000alex\u0000s3cret-Pa55word') // the saved password was used

    smtp.refuse = /^nobody@/
    await to.fill('nobody@example.com')
    await section.getByRole('button', { name: 'Send test email' }).click()
    const alert = section.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain(
      '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
    )
    expect(await section.getByText('Test email sent to').count()).toBe(0)
    await screenshot(page, 'settings-email')
    smtp.refuse = null
  })

  it('Invitations: each email is listed with its state; a refused one shows the reason and Resend sends it', async () => {
    smtp.refuse = /^refused\./
    const iv = await createInterview({ name: 'Ravi Patel', email: 'refused.ravi@example.org', days: 4 })
    // No notice now that email is set up.
    expect(await page.getByText('Email is not set up, so invitations were not sent.').count()).toBe(0)
    const panel = page.getByRole('region', { name: 'Invitations' })
    const rows = panel.getByRole('row')
    const row = (email: string) => rows.filter({ hasText: email })
    // Refreshes on its own while messages are on their way.
    await expect.poll(() => row('alex@example.com').textContent(), { timeout: 20_000 }).toMatch(/Sent at \d/)
    await expect.poll(() => row('refused.ravi@example.org').textContent(), { timeout: 20_000 }).toContain(
      'Failed: ',
    )
    const failed = (await row('refused.ravi@example.org').textContent()) ?? ''
    expect(failed).toContain('Recipient address rejected')
    expect(failed).toContain('Invitation')
    expect(failed).toContain('1 attempt')
    expect(await panel.getByRole('status').textContent()).toBe('2 emails: 1 sent, 1 failed.')
    await screenshot(page, 'details-invitations')

    // The organizer's copy carries the organizer's link, not the candidate's.
    const toAlex = smtp.received.filter((m) => m.to.includes('alex@example.com') && plain(m.data).includes(iv.interviewers[0]!.link))
    expect(toAlex).toHaveLength(1)
    expect(plain(toAlex[0]!.data)).not.toContain(iv.candidateLink)

    smtp.refuse = null
    await row('refused.ravi@example.org').getByRole('button', { name: 'Resend invitation to Ravi Patel' }).click()
    await expect.poll(() => row('refused.ravi@example.org').textContent(), { timeout: 20_000 }).toMatch(/Sent at \d/)
    const delivered = smtp.received.filter((m) => m.to.includes('refused.ravi@example.org'))
    expect(delivered).toHaveLength(1)
    expect(plain(delivered[0]!.data)).toContain(iv.candidateLink)
    expect(plain(delivered[0]!.data)).not.toContain('/room/')
    const outbox = await api<Outbox>(page, 'GET', `/api/interviews/${iv.id}/outbox`)
    expect(outbox.messages.every((m) => m.state === 'sent')).toBe(true)
  })

  it('Remove saved password: the next save drops it', async () => {
    await go('#/settings')
    const section = emailSection()
    await section.getByRole('button', { name: 'Remove saved password' }).click()
    expect(await section.getByLabel('Password', { exact: true }).isDisabled()).toBe(true)
    await section.getByRole('button', { name: 'Save email settings' }).click()
    await section.getByText('A password is saved', { exact: true }).waitFor({ state: 'detached' })
    expect((await api<MailSettings>(page, 'GET', '/api/settings/mail')).hasPassword).toBe(false)
  })
})

describe('after the interview', () => {
  it('the timeline tells what happened: topics, questions with their windows, rating, comment, notes, end', async () => {
    const before = await api<Timeline>(page, 'GET', `/api/interviews/${olivia.id}/timeline`)
    const topics = before.state.topics ?? []
    const experience = topics.find((t) => t.title === 'Experience')!
    const general = topics.find((t) => t.title === 'General information')!
    const token = new URL(olivia.interviewers[0]!.link).pathname.split('/').pop()!
    const actions = [
      { action: 'started' },
      { action: 'topic_checked', data: { topicId: experience.id, done: true } },
      { action: 'topic_checked', data: { topicId: general.id, done: true } },
      { action: 'technical_started' },
      { action: 'rephrase_shown', data: { index: 0 } },
      { action: 'rated', data: { index: 0, rating: 4 } },
      { action: 'commented', data: { index: 0, comment: 'Clear on goroutines; unsure about channel closing.' } },
      { action: 'question_shown', data: { index: 1 } },
      { action: 'note_saved', data: { text: '## Olivia\n- explains **trade-offs** well\n- ask about testing' } },
      { action: 'finish_started' },
      { action: 'ended' },
    ]
    // Act as the organizer in the room, over the room channel (docs/room-protocol.md).
    await page.evaluate(
      async ({ token, actions }) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/${token}`)
        const waiting = new Map<number, (m: { error?: string }) => void>()
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { type: string; id?: number; error?: string }
          if (m.type === 'ack' && m.id !== undefined) waiting.get(m.id)?.(m)
        }
        await new Promise((resolve, reject) => {
          ws.onopen = resolve
          ws.onerror = () => reject(new Error('room channel refused'))
        })
        let id = 0
        for (const a of actions) {
          id++
          const ack = await new Promise<{ error?: string }>((resolve) => {
            waiting.set(id, resolve)
            ws.send(JSON.stringify({ type: 'action', id, ...a }))
          })
          if (ack.error) throw new Error(`${a.action}: ${ack.error}`)
          await new Promise((r) => setTimeout(r, 150))
        }
        ws.close()
      },
      { token, actions },
    )

    await go(`#/interviews/${olivia.id}`)
    const panel = page.getByRole('region', { name: 'Timeline' })
    await panel.getByText('Interview ended').waitFor()
    const titles = await panel.locator('.timeline-title').allTextContents()
    expect(titles[0]).toBe('Alex Recruiter joined')
    const order = [
      'Interview started',
      'Topic covered: Experience',
      'Topic covered: General information',
      'Technical part started',
      'Rephrased question 1 shown to the candidate',
      'Finish stage started',
      'Interview ended',
    ]
    const positions = order.map((t) => titles.indexOf(t))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(titles.some((t) => /^Question 1\/12 · \d{1,2}:\d{2}\s?[AP]M–\d{1,2}:\d{2}\s?[AP]M \(\d+ s\)$/.test(t))).toBe(true)
    expect(titles.some((t) => t.startsWith('Question 2/12 · '))).toBe(true)
    expect(titles).toContain('Notes by Alex Recruiter')
    await panel.getByRole('img', { name: 'Rating: 4 out of 5' }).waitFor()
    await panel.getByText('Clear on goroutines; unsure about channel closing.').waitFor()
    expect(await panel.locator('pre').textContent()).toBe('## Olivia\n- explains **trade-offs** well\n- ask about testing')
    await page.getByRole('region', { name: 'Recordings' }).getByText('No recordings yet. The call is recorded once it starts.').waitFor()
    await panel.screenshot({ path: await screenshot(page, 'details-timeline').then((p) => p.replace('.png', '-panel.png')) })
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'details-timeline-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })
})
