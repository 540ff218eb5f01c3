// Accounts on a team host, as a new team member lives them: real `interviewdesk
// serve`, real Chromium, the real SMTP server on loopback. The owner invites
// people (the Users screen, and the CLI), the setup mail arrives, the new
// interviewer chooses a password, is signed in, restarts the browser and is
// still signed in, sees only what an interviewer may; once removed, the open
// console is signed out at once.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchProfile, openBrowser, screenshot, startHost, type Browser, type Host } from './harness'
import { plain, startSmtpServer, type ReceivedMail, type SmtpServer } from './smtp-server'

let host: Host
let smtp: SmtpServer
let owner: Browser
const profile = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-chromium-'))
const password = 'correct horse battery staple'
const interviews: { mine: string; theirs: string } = { mine: '', theirs: '' }

/** Runs the CLI on the host's data folder (it goes through the running host). */
const cli = (...args: string[]) =>
  execFileSync(inject('interviewdeskBin'), [...args, '--data', host.dataDir], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })

/** Starts Chromium on Ivan's profile, as Ivan opening and restarting his browser. */
const launch = () => launchProfile(profile)

/** The setup mail to `to`, once the SMTP server has it, and the link in it. */
async function setupMail(to: string): Promise<{ mail: ReceivedMail; link: string }> {
  let mail: ReceivedMail | undefined
  await expect
    .poll(() => (mail = smtp.received.find((m) => m.to.includes(to) && plain(m.data).includes('Set your password for InterviewDesk'))), {
      timeout: 15_000,
    })
    .toBeDefined()
  const link = /https?:\/\/\S+\/#\/set-password\/[A-Za-z0-9_-]+/.exec(plain(mail!.data))?.[0]
  expect(link, plain(mail!.data)).toBeDefined()
  return { mail: mail!, link: link! }
}

function createInterview(name: string, email: string): string {
  const at = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16)
  const iv = JSON.parse(
    cli('interview', 'create', '--template', 'Go backend engineer', '--position', 'Backend engineer', '--candidate-name', name,
      '--candidate-email', email, '--at', at, '--tz', 'Europe/Berlin', '--json'),
  ) as { id: string }
  return iv.id
}

beforeAll(async () => {
  ;[host, smtp] = await Promise.all([startHost(), startSmtpServer()])
  cli('mail', 'set', '--host', '127.0.0.1', '--port', String(smtp.port), '--security', 'none', '--from-address', 'hiring@example.com')
  interviews.mine = createInterview('Olivia Diaz', 'olivia@example.com')
  interviews.theirs = createInterview('Noah Berg', 'noah@example.com')
  cli('interview', 'add-interviewer', interviews.mine, '--name', 'Ivan Petrov', '--email', 'ivan@example.com')
  owner = await openBrowser(host)
})

afterAll(async () => {
  await owner?.close()
  await host?.stop()
  await smtp?.close()
  rmSync(profile, { recursive: true, force: true })
})

describe('accounts on a team host', () => {
  let ivan: BrowserContext
  let page: Page

  it('the owner invites an interviewer from the Users screen, and a recruiter from the CLI', async () => {
    const p = owner.page
    await p.goto(new URL('/#/settings', host.url).toString())
    await p.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Users' }).click()
    await p.getByRole('heading', { level: 2, name: 'Users' }).waitFor()
    await p.getByText('Nobody else signs in to this host yet.').waitFor()
    await p.getByRole('button', { name: 'Invite user' }).click()
    const dialog = p.getByRole('dialog', { name: 'Invite a user' })
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ivan@example.com')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ivan Petrov')
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('interviewer')
    await screenshot(p, 'users-invite')
    await dialog.getByRole('button', { name: 'Invite' }).click()
    await p.getByText('The setup link is on its way to ivan@example.com.').waitFor()
    const row = p.getByRole('row', { name: /Ivan Petrov/ })
    await row.getByText('Invited').waitFor()

    const out = cli('user', 'add', '--email', 'olga@example.com', '--name', 'Olga Recruiter', '--role', 'recruiter')
    expect(out).toContain('The password-setup link was mailed to them')
    await setupMail('olga@example.com')
    await p.reload()
    await p.getByRole('row', { name: /Olga Recruiter/ }).waitFor()
    await screenshot(p, 'users-list')
  })

  it('the setup mail arrives; Ivan chooses a password and is signed in', async () => {
    const { mail, link } = await setupMail('ivan@example.com')
    expect(plain(mail.data)).toContain('as an interviewer')
    ivan = await launch()
    page = ivan.pages()[0] ?? (await ivan.newPage())
    await page.goto(link)
    await page.getByRole('heading', { name: 'Set your password' }).waitFor()
    expect(await page.getByText('At least 12 characters').first().isVisible()).toBe(true)
    await page.getByLabel(/^New password/).fill('short')
    await page.getByRole('button', { name: 'Set password and sign in' }).click()
    await page.getByText('Use at least 12 characters (this one has 5).').waitFor()
    await page.getByLabel(/^New password/).fill(password)
    await page.getByLabel(/^Repeat the new password/).fill(password)
    await screenshot(page, 'set-password')
    await page.getByRole('button', { name: 'Set password and sign in' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(new URL(page.url()).hash).toBe('#/interviews') // the link left the address bar
    await page.getByRole('link', { name: 'Olivia Diaz' }).waitFor()

    // The link worked once.
    const again = await ivan.newPage()
    await again.goto(link)
    await again.getByRole('heading', { name: 'This link does not work any more' }).waitFor()
    await again.close()
  })

  it('after a browser restart Ivan is still signed in, and sees only what an interviewer may', async () => {
    await ivan.close()
    ivan = await launch()
    page = ivan.pages()[0] ?? (await ivan.newPage())
    await page.goto(new URL('/#/interviews', host.url).toString())
    await page.getByRole('link', { name: 'Olivia Diaz' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).count()).toBe(0)
    // Only his interview; Noah's is another interviewer's.
    expect(await page.getByRole('link', { name: 'Noah Berg' }).count()).toBe(0)
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Interviews', 'Overview', 'Settings'])
    expect(await page.getByRole('link', { name: 'New interview' }).count()).toBe(0)
    await page.getByRole('region', { name: 'Your account' }).getByText('Ivan Petrov').waitFor()
    await screenshot(page, 'interviewer-interviews')

    // His interview: his own room link only, nothing to change.
    await page.getByRole('link', { name: 'Olivia Diaz' }).click()
    await page.getByRole('heading', { level: 1, name: 'Olivia Diaz' }).waitFor()
    expect(await page.getByRole('button', { name: 'Change date' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Delete interview' }).count()).toBe(0)
    expect(await page.getByText('Candidate link').count()).toBe(0)
    await screenshot(page, 'interviewer-interview')

    // The host refuses the rest, whatever the console shows.
    const refused = await page.request.get(new URL(`/api/interviews/${interviews.theirs}`, host.url).toString())
    expect(refused.status()).toBe(403)
    expect((await page.request.get(new URL('/api/templates', host.url).toString())).status()).toBe(403)
    await page.goto(new URL(`/#/interviews/${interviews.theirs}`, host.url).toString())
    await page.getByText('You are not an interviewer of this interview').waitFor()

    // Settings: only his own account.
    await page.goto(new URL('/#/settings', host.url).toString())
    await page.getByRole('heading', { name: 'Your account' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Organizer' }).count()).toBe(0)
    expect(await page.getByRole('navigation', { name: 'Settings sections' }).count()).toBe(0)
    await screenshot(page, 'interviewer-settings')
  })

  it('signed out, a link into the console lands there after signing in', async () => {
    await page.getByRole('region', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You are signed out.').waitFor()
    // The link an interview's mail or room gives: the sign-in page keeps it.
    await page.goto(new URL(`/#/interviews/${interviews.mine}`, host.url).toString())
    await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
    await page.getByLabel('Email').fill('ivan@example.com')
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Olivia Diaz' }).waitFor()
    expect(new URL(page.url()).hash).toBe(`#/interviews/${interviews.mine}`)
  })

  it('removing Ivan signs his open console out at once', async () => {
    await page.goto(new URL('/#/interviews', host.url).toString())
    await page.getByRole('link', { name: 'Olivia Diaz' }).waitFor()

    const p = owner.page
    await p.goto(new URL('/#/settings/users', host.url).toString())
    await p.getByRole('row', { name: /Ivan Petrov/ }).getByRole('button', { name: 'Remove Ivan Petrov' }).click()
    const confirm = p.getByRole('dialog', { name: 'Remove Ivan Petrov?' })
    await confirm.getByText('signed out at once').waitFor()
    await confirm.getByRole('button', { name: 'Remove user' }).click()
    await p.getByText('Removed Ivan Petrov; they are signed out.').waitFor()

    // No reload, no click: the host ends his stream and the console shows sign-in.
    await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
    await page.getByText('You were signed out').waitFor()
    await screenshot(page, 'interviewer-signed-out')
    await page.getByLabel('Email').fill('ivan@example.com')
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('The email or password is not right.').waitFor()
    await ivan.close()
  })
})
