// The shared editor in real headless Chromium, for what happy-dom cannot show:
// focus and Tab, the clipboard, the search panel, computed colours, two editors
// converging through the in-memory host. Run:
//   npx vitest run --configLoader runner --config src/room/code/browser/vitest.config.ts

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS } from '../../../../e2e/harness'

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

let out: string
let server: Server
let context: BrowserContext
let page: Page
let profile: string

function serve(dir: string): Promise<string> {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    try {
      const body = readFileSync(join(dir, path === '/' ? 'index.html' : path))
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)))
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'code-editor-check-'))
  await build({
    root: import.meta.dirname,
    configFile: false,
    base: './',
    cacheDir: join(out, '.cache'),
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  })
  const url = await serve(out)
  profile = mkdtempSync(join(tmpdir(), 'code-editor-profile-'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  context.setDefaultTimeout(5_000)
  page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  await page.locator('[data-editor="b"] .cm-content').waitFor()
})

afterAll(async () => {
  await context?.close()
  server?.close()
  for (const dir of [out, profile]) if (dir) rmSync(dir, { recursive: true, force: true })
})

const content = (k: 'a' | 'b') => page.locator(`[data-editor="${k}"] .cm-content`)
const text = (k: 'a' | 'b') =>
  page.evaluate((k) => {
    const lines = document.querySelectorAll(`[data-editor="${k}"] .cm-line`)
    // The text without the remote carets' name labels.
    return [...lines]
      .map((line) => {
        const copy = line.cloneNode(true) as HTMLElement
        for (const w of copy.querySelectorAll('.cm-remoteCaret')) w.remove()
        return copy.textContent
      })
      .join('\n')
  }, k)
const hostText = () => page.evaluate(() => (window as unknown as { codeCheck: { host: { text: string } } }).codeCheck.host.text)
const pastes = () =>
  page.evaluate(() => (window as unknown as { codeCheck: { log: { pastes: unknown[] } } }).codeCheck.log.pastes)

describe('the shared editor in Chromium', () => {
  it('types in one editor and shows it, with the typist’s caret and name, in the other', async () => {
    await content('a').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('// hello')
    await expect.poll(() => text('b')).toContain('// hello')
    expect(await hostText()).toContain('// hello')
    const label = page.locator('[data-editor="b"] .cm-remoteCaret-label')
    await expect.poll(() => label.getAttribute('data-name')).toBe('Alex')
    expect(await label.isVisible()).toBe(true)
    expect(await page.locator('[data-editor="b"] ul[aria-label="Also in the editor"]').textContent()).toBe('Alex, line 5')
  })

  it('indents with Tab, and Escape then Tab leaves the editor', async () => {
    await content('a').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Tab')
    await expect.poll(() => text('a')).toMatch(/^\tpackage main/)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('After A')
  })

  it('tells a paste of text copied in the room from one copied elsewhere', async () => {
    await content('a').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Shift+End')
    await page.keyboard.press('Control+c')
    await content('b').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+v')
    await page.evaluate(() => navigator.clipboard.writeText('copied from a web page'))
    await page.keyboard.press('Control+v')
    await expect.poll(pastes).toEqual([
      { length: 13, external: false },
      { length: 22, external: true },
    ])
    await expect.poll(() => text('a')).toContain('\tpackage maincopied from a web page')
  })

  it('counts a drop from outside as a paste, not a move of text inside the editor', async () => {
    const before = (await pastes()).length
    await content('b').evaluate((el) => {
      const box = el.getBoundingClientRect()
      const at = { clientX: box.left + 5, clientY: box.top + 5, bubbles: true, cancelable: true }
      const drop = (text: string) => {
        const data = new DataTransfer()
        data.setData('Text', text)
        el.dispatchEvent(new DragEvent('drop', { ...at, dataTransfer: data }))
      }
      drop('dropped in')
      el.dispatchEvent(new DragEvent('dragstart', { ...at, dataTransfer: new DataTransfer() }))
      drop('moved')
      el.dispatchEvent(new DragEvent('dragend', at))
    })
    await expect.poll(() => text('b')).toContain('moved')
    expect((await pastes()).slice(before)).toEqual([{ length: 10, external: true }])
  })

  it('opens the search panel with Mod-f', async () => {
    await content('b').click()
    await page.keyboard.press('Control+f')
    const field = page.locator('[data-editor="b"] .cm-search input[name="search"]')
    await field.waitFor()
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-editor="b"] .cm-search').count()).toBe(0)
  })

  it('undoes only one’s own typing', async () => {
    await content('b').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' B!')
    await expect.poll(() => text('a')).toContain(' B!')
    await content('a').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('A!')
    await expect.poll(() => text('b')).toMatch(/^A!/)
    await page.keyboard.press('Control+z')
    await expect.poll(() => text('b')).not.toMatch(/^A!/)
    expect(await text('b')).toContain(' B!')
    expect(await hostText()).toBe(await text('a'))
  })

  it('takes the page’s theme for chrome, the prop’s for highlighting, and switches language in place', async () => {
    const surface = () => page.locator('[data-editor="a"] .cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor)
    const keyword = () =>
      page.evaluate(() => {
        const span = [...document.querySelectorAll('[data-editor="a"] .cm-line span')].find((s) => s.textContent === 'func')
        return span && getComputedStyle(span).color
      })
    expect(await surface()).toBe('rgb(255, 255, 255)')
    expect(await keyword()).toBe('rgb(166, 38, 164)')
    await content('a').evaluate((el) => el.setAttribute('data-kept', 'yes'))
    await page.getByRole('button', { name: 'Switch theme' }).click()
    await expect.poll(surface).toBe('rgb(24, 28, 34)')
    expect(await keyword()).toBe('rgb(255, 122, 178)')
    await page.getByLabel('Language').selectOption('python')
    await expect.poll(keyword).toBeUndefined() // "func" is no Python keyword
    expect(await content('a').getAttribute('data-kept')).toBe('yes')
  })
})
