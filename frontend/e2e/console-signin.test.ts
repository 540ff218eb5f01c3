// Signing in to the console of a `serve` host with the owner's link: without a
// sign-in the console's sign-in page says how to get one, `interviewdesk
// console link` prints it, and the sign-in survives a browser restart.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { enterDetails, launchProfile, screenshot, startHost, TEST_DETAILS, type Host } from './harness'

let host: Host
const profile = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-chromium-'))

/** Starts Chromium on the same profile each time, as a user restarting their browser. */
const launch = () => launchProfile(profile)

beforeAll(async () => {
  host = await startHost()
})

afterAll(async () => {
  await host?.stop()
  rmSync(profile, { recursive: true, force: true })
})

describe('console sign-in', () => {
  it('says how to get a new link, signs in with the printed one, and stays signed in after a restart', async () => {
    let browser = await launch()
    let page = browser.pages()[0] ?? (await browser.newPage())
    await page.goto(new URL('/#/interviews', host.url).toString())
    // The sign-in page: an account's email and password, or the owner's console link.
    await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
    const owner = page.getByRole('region', { name: 'Own this host?' })
    expect(await owner.locator('pre').textContent()).toBe('interviewdesk console link')
    await screenshot(page, 'console-not-signed-in')

    const link = execFileSync(inject('interviewdeskBin'), ['console', 'link', '--data', host.dataDir], { encoding: 'utf8' }).trim()
    expect(link).toBe(host.loginUrl)
    await page.goto(link)
    // The first sign-in asks who the console belongs to before anything else.
    await page.getByRole('heading', { name: 'Enter your details' }).waitFor()
    await enterDetails(page, TEST_DETAILS)
    await page.getByText('No upcoming interviews. Create one from a template.').waitFor()
    await browser.close()

    browser = await launch()
    try {
      page = browser.pages()[0] ?? (await browser.newPage())
      await page.goto(new URL('/#/interviews', host.url).toString())
      await page.getByText('No upcoming interviews. Create one from a template.').waitFor()
      expect(await page.getByRole('alert').count()).toBe(0)
      expect(await page.getByRole('heading', { name: 'Sign in to InterviewDesk' }).count()).toBe(0)
      await screenshot(page, 'console-signed-in-after-restart')
    } finally {
      await browser.close()
    }
  })
})
