// A page on another port of the same machine cannot use the console's sign-in
// cookie (same site, so the browser sends it) to change anything: it neither
// restores a cancelled interview nor duplicates a template. The console's own
// page still can.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Interview, TemplateList } from '../src/api/types'
import { api, openBrowser, startHost, type Browser, type Host } from './harness'

let host: Host
let browser: Browser
let evil: Server
let evilURL: string

/** The other port's page: the attacks a page can make without reading answers. */
function attackPage(target: string, interviewId: string, templateId: string): string {
  const restore = `${target}/api/interviews/${interviewId}/restore`
  const duplicate = `${target}/api/templates/${templateId}/duplicate`
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" action="${restore}" enctype="text/plain" target="sink"><input name="x" value="1"></form>
<script>
const tries = [
  fetch(${JSON.stringify(restore)}, { method: 'POST', credentials: 'include', mode: 'no-cors' }),
  fetch(${JSON.stringify(duplicate)}, { method: 'POST', credentials: 'include', mode: 'no-cors' }),
  fetch(${JSON.stringify(duplicate)}, { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
]
document.querySelector('iframe').addEventListener('load', () => { document.body.dataset.form = 'sent' }, { once: true })
document.getElementById('f').submit()
Promise.allSettled(tries).then(() => { document.body.dataset.fetches = 'sent' })
</script></body></html>`
}

beforeAll(async () => {
  host = await startHost()
  browser = await openBrowser(host)
  evil = createServer()
  await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done))
  evilURL = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await new Promise((done) => evil?.close(done))
})

describe('cross-origin pages', () => {
  it('cannot restore an interview or duplicate a template with the console cookie', async () => {
    const { page } = browser
    const { templates } = await api<TemplateList>(page, 'GET', '/api/templates')
    const template = templates[0]!
    const iv = await api<Interview>(page, 'POST', '/api/interviews', {
      templateId: template.id,
      position: 'Backend engineer',
      candidateName: 'Olivia Diaz',
      candidateEmail: 'olivia@example.com',
      when: 'later',
      startsAt: `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T14:30`,
      timeZone: 'Europe/Berlin',
    })
    await api<Interview>(page, 'DELETE', `/api/interviews/${iv.id}`)

    evil.on('request', (_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(attackPage(host.url, iv.id, template.id))
    })
    const other = await browser.context.newPage()
    await other.goto(evilURL)
    await other.locator('body[data-fetches="sent"][data-form="sent"]').waitFor()
    await other.close()

    expect((await api<Interview>(page, 'GET', `/api/interviews/${iv.id}`)).status).toBe('cancelled')
    expect((await api<TemplateList>(page, 'GET', '/api/templates')).templates).toHaveLength(templates.length)
    expect(host.log()).toContain('console API refused a cross-origin request')

    // The console's own page, with the same cookie, may.
    const own = await page.evaluate(
      (path) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' } }).then((r) => r.status),
      `/api/templates/${template.id}/duplicate`,
    )
    expect(own).toBe(201)
  })
})
