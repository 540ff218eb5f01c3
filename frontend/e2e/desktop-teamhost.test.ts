// The desktop console on a remote team host, as a recruiter lives it: the
// desktop's own handler (app/headless, the one the window mounts) in real
// Chromium, and a real `interviewdesk serve` with HTTPS (a self-signed
// certificate) and an account. The recruiter checks the host's certificate,
// trusts it, chooses a password through the setup link the host gave them,
// sees the team host's interviews (not this computer's), a candidate waiting
// there, signs out and in again, is signed out at once when the account is
// removed, and goes back to this computer's host.
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Interview } from '../src/api/types'
import { check } from './axe'
import { startDesktop, selfSignedCertificate, type Certificate, type Desktop } from './desktop-harness'
import { api, enterDetails, openBrowser, screenshot, startHost, TEST_DETAILS, type Browser, type Host } from './harness'
import { candidateJoins, createInterview, openParticipant, type Participant } from './room-harness'

let team: Host
let desktop: Desktop
let tls: Certificate
let browser: Browser
let page: Page
let candidate: Participant | undefined
let setupLink = ''
const password = 'correct horse battery staple'

/** Runs the CLI on the team host (through the running host). */
const teamCli = (...args: string[]) =>
  execFileSync(inject('interviewdeskBin'), [...args, '--data', team.dataDir], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })

const sessionFile = () => join(desktop.dataDir, 'team-host-session')
const hasSession = () => {
  try {
    return statSync(sessionFile()).isFile()
  } catch {
    return false
  }
}

const sidebarHost = () => page.getByRole('region', { name: 'Host' })
const teamName = () => new URL(team.url).host

beforeAll(async () => {
  tls = selfSignedCertificate()
  ;[team, desktop] = await Promise.all([startHost({ args: ['--tls-cert', tls.cert, '--tls-key', tls.key] }), startDesktop()])
  teamCli('interview', 'create', '--template', 'Go backend engineer', '--position', 'Backend engineer', '--candidate-name', 'Olivia Diaz',
    '--candidate-email', 'olivia@example.com', '--at', 'now')
  const added = teamCli('user', 'add', '--email', 'rita@example.com', '--name', 'Rita Recruiter', '--role', 'recruiter', '--link')
  setupLink = /https:\/\/\S+\/#\/set-password\/[A-Za-z0-9_-]+/.exec(added)?.[0] ?? ''
  expect(setupLink, added).not.toBe('')
  browser = await openBrowser(desktop, { details: false }) // a team member's first launch
  page = browser.page
  await createInterview(page, { candidate: 'Noah Local', email: 'noah@example.com' })
})

afterAll(async () => {
  await candidate?.close()
  await browser?.close()
  await Promise.all([team?.stop(), desktop?.stop()])
  tls?.remove()
})

describe('the desktop console on a team host', () => {
  it('checks the host, shows its certificate to confirm, and signs in through the setup link', async () => {
    // The first launch offers the team host beside "Enter your details".
    await page.getByRole('heading', { name: 'Enter your details' }).waitFor()
    const offer = page.getByRole('region', { name: 'Working on your team’s host?' })
    await offer.getByRole('button', { name: 'Connect to a team host' }).click()
    const dialog = page.getByRole('dialog', { name: 'Connect to a team host' })
    const address = dialog.getByRole('textbox', { name: 'Team host address' })

    await address.fill('https://127.0.0.1:1')
    await dialog.getByRole('button', { name: 'Check host' }).click()
    await dialog.getByRole('alert').getByText(/Cannot reach https:\/\/127\.0\.0\.1:1 \(connection refused\)\. Check the address/).waitFor()

    await address.fill(setupLink)
    await dialog.getByRole('button', { name: 'Check host' }).click()
    await dialog.getByText(/no authority this computer trusts vouches for its certificate/).waitFor()
    // What the dialog shows is what the host's admin reads off serve's output (and openssl's).
    expect(team.log()).toContain(`HTTPS certificate SHA-256 fingerprint: ${tls.fingerprint}`)
    expect(await dialog.locator('.team-host-fingerprint').innerText()).toBe(tls.fingerprint)
    expect(await check(page, 'the certificate to confirm')).toEqual([])
    await screenshot(page, 'desktop-team-host-certificate')
    await dialog.getByRole('button', { name: 'Trust and connect' }).click()

    // The console opens afresh on the team host, at the link's page.
    await page.getByRole('heading', { name: 'Set your password' }).waitFor()
    await page.getByText('rita@example.com').waitFor()
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password)
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(password)
    await page.getByRole('button', { name: 'Set password and sign in' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    await sidebarHost().getByText(teamName()).waitFor()
    const account = page.getByRole('region', { name: 'Your account' })
    await account.getByText('Rita Recruiter').waitFor()
    await account.getByText('Recruiter', { exact: true }).waitFor()

    // The session is the door's: in the data folder, private, never in the page.
    expect(statSync(sessionFile()).mode & 0o777).toBe(0o600)
    expect(await browser.context.cookies()).toEqual([])
  })

  it('shows the team host’s interviews, with links to it, and a candidate waiting there', async () => {
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()
    await page.getByText('Olivia Diaz').first().waitFor()
    expect(await page.getByText('Noah Local').count()).toBe(0)
    await screenshot(page, 'desktop-team-host-interviews')

    const { interviews } = await api<{ interviews: Interview[] }>(page, 'GET', '/api/interviews')
    const iv = await api<Interview>(page, 'GET', `/api/interviews/${interviews[0]!.id}`)
    expect(iv.candidateLink.startsWith(`${team.url}/join/`), iv.candidateLink).toBe(true)
    expect(iv.interviewerLink.startsWith(`${team.url}/room/`), iv.interviewerLink).toBe(true)

    await page.goto(new URL(`/#/interviews/${iv.id}`, desktop.url).toString())
    const room = page.getByRole('region', { name: 'Room' })
    await room.getByText('Candidate Olivia Diaz has not joined yet.').waitFor()
    candidate = await openParticipant(team, { args: ['--ignore-certificate-errors'] })
    await candidate.page.goto(iv.candidateLink)
    await candidateJoins(candidate.page)
    await room.getByText('Candidate Olivia Diaz is ready and waiting.').waitFor()
    await screenshot(page, 'desktop-team-host-waiting')
  })

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await page.getByRole('region', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
    await page.getByText('You are signed out.').waitFor()
    await page.getByRole('region', { name: 'Team host' }).getByText(teamName()).waitFor()
    expect(hasSession()).toBe(false)
    expect(await check(page, 'the team host’s sign-in page')).toEqual([])

    await page.getByRole('textbox', { name: 'Email' }).fill('rita@example.com')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not my password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').getByText(/The email or password is not right/).waitFor()
    expect(hasSession()).toBe(false)

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(hasSession()).toBe(true)

    // Going back to this computer's host asks first: it signs the account out.
    await sidebarHost().getByRole('button', { name: 'Use this computer’s host' }).click()
    const ask = page.getByRole('dialog', { name: 'Use this computer’s host?' })
    await ask.getByText(`You will be signed out of ${teamName()}`).waitFor()
    expect(await check(page, 'the way back to this computer’s host')).toEqual([])
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(hasSession()).toBe(true)
  })

  it('is signed out at once when the team host ends the session', async () => {
    teamCli('user', 'remove', 'rita@example.com')
    await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
    await page.getByText(/You were signed out: your session ended/).waitFor()
    await expect.poll(hasSession).toBe(false)
  })

  it('goes back to this computer’s host', async () => {
    await page.getByRole('region', { name: 'Team host' }).getByRole('button', { name: 'Use this computer’s host' }).click()
    // This computer's host still wants its details, then shows its own interviews.
    await enterDetails(page, TEST_DETAILS)
    await sidebarHost().getByText('This computer’s host').waitFor()
    await sidebarHost().getByRole('button', { name: 'Connect to a team host' }).waitFor()
    await page.getByText('Noah Local').first().waitFor()
    expect(await page.getByText('Olivia Diaz').count()).toBe(0)
  })
})
