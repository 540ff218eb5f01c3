import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, startHost, type Browser, type Host } from './harness'

let host: Host
let browser: Browser

beforeAll(async () => {
  host = await startHost()
  browser = await openBrowser(host)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('when the host goes away', () => {
  it('says it cannot reach the host and offers Retry', async () => {
    const { page } = browser
    await page.goto(new URL('#/interviews', host.url).toString())
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor()
    await host.stop()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interview templates' }).click()
    const alert = page.getByRole('alert')
    await alert.getByRole('heading', { name: 'Cannot reach the InterviewDesk host' }).waitFor()
    expect(await alert.textContent()).toContain('Check that InterviewDesk is running')
    await alert.getByRole('button', { name: 'Retry' }).click()
    await alert.getByRole('button', { name: 'Retry' }).waitFor()
  })
})
