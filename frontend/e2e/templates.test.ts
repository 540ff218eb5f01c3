import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Template, TemplateSummary } from '../src/api/types'
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

const templates = async () => (await api<{ templates: TemplateSummary[] }>(page, 'GET', '/api/templates')).templates

const card = (name: string) => page.getByRole('article', { name, exact: true })

describe('interview templates', () => {
  it('lists the built-in library with counts and a Create interview action', async () => {
    await page.goto(new URL('#/templates', host.url).toString())
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Interview templates')
    const go = card('Go backend engineer')
    await go.waitFor()
    expect(await go.textContent()).toContain('Technical · 12 questions')
    expect(await card('General P2P interview').textContent()).toContain('Plan only')
    expect(await go.getByRole('link', { name: 'Create interview' }).getAttribute('href')).toMatch(
      /^#\/interviews\/new\?template=/,
    )
    await screenshot(page, 'templates-list-light')
  })

  it('filters with the search box, focused by "/"', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search templates' })
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('python')
    await expect.poll(() => page.getByRole('article').count()).toBe(1)
    await card('Python developer').waitFor()
    await search.fill('no such template')
    await page.getByText('No templates match “no such template”.').waitFor()
    await search.fill('')
  })

  it('shows the server’s validation message next to the field and saves nothing', async () => {
    const before = (await templates()).length
    await page.getByRole('link', { name: 'New template' }).click()
    await page.getByRole('heading', { name: 'New template' }).waitFor()
    await page.getByRole('group', { name: 'Topic 1' }).getByLabel('Title').fill('General information')
    await page.getByRole('button', { name: 'Save template' }).first().click()
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await name.getAttribute('aria-describedby')) ?? ''
    const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()
    expect(message?.length).toBeGreaterThan(3)
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
    expect((await templates()).length).toBe(before)
  })

  it('creates a template with plan topics and questions, reorders, saves and edits', async () => {
    await page.getByRole('textbox', { name: 'Name' }).fill('Rust systems engineer')
    await page.getByRole('combobox', { name: 'Specialization' }).fill('Rust')
    await page.getByLabel('Duration (minutes)').fill('45')
    await page.getByRole('button', { name: 'Add topic' }).click()
    const topic2 = page.getByRole('group', { name: 'Topic 2' })
    await topic2.getByLabel('Title').fill('Experience')
    await topic2.getByLabel('Hint for the interviewer').fill('Recent projects, team size.')

    const addQuestion = async (n: number, text: string, keyPoint: string) => {
      await page.getByRole('button', { name: 'Add question' }).click()
      const q = page.getByRole('group', { name: `Question ${n}` })
      await q.getByLabel('Question text').fill(text)
      await q.getByLabel('Alternative explanation').fill(`In other words: ${text}`)
      await q.getByLabel('Expected answer').fill(`A good answer to “${text}”.`)
      await q.getByRole('button', { name: 'Add key point' }).click()
      await q.getByRole('textbox', { name: 'Key point 1' }).fill(keyPoint)
    }
    await addQuestion(1, 'What does the borrow checker prevent?', 'data races')
    await addQuestion(2, 'When would you use Arc<Mutex<T>>?', 'shared ownership')

    // Reorder with the keyboard-accessible buttons: question 2 goes first.
    const moveUp = page.getByRole('group', { name: 'Question 2' }).getByRole('button', { name: 'Move up' })
    await moveUp.click()
    expect(await page.getByRole('group', { name: 'Question 1' }).getByLabel('Question text').inputValue()).toBe(
      'When would you use Arc<Mutex<T>>?',
    )
    // Focus stays with the moved question (its Move up is now disabled → Move down).
    expect(
      await page
        .getByRole('group', { name: 'Question 1' })
        .getByRole('button', { name: 'Move down' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true)

    await page.getByRole('button', { name: 'Save template' }).first().click()
    await page.waitForURL(/#\/templates\/(?!new)[^/]+$/)
    const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '')
    const saved = await api<Template>(page, 'GET', `/api/templates/${encodeURIComponent(id)}`)
    expect(saved.name).toBe('Rust systems engineer')
    expect(saved.specialization).toBe('Rust')
    expect(saved.durationMinutes).toBe(45)
    expect(saved.plan.map((t) => t.title)).toEqual(['General information', 'Experience'])
    expect(saved.plan[1]?.hint).toBe('Recent projects, team size.')
    expect(saved.questions.map((q) => q.text)).toEqual([
      'When would you use Arc<Mutex<T>>?',
      'What does the borrow checker prevent?',
    ])
    expect(saved.questions[0]?.keyPoints).toEqual(['shared ownership'])
    expect(saved.technical).toBe(true)

    // Edit and save with Ctrl+S; the change survives a reload.
    await page.reload()
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.poll(() => name.inputValue()).toBe('Rust systems engineer')
    await name.fill('Rust systems engineer (senior)')
    await page.getByText('Unsaved changes').waitFor()
    await page.keyboard.press('Control+s')
    await page.getByText('All changes saved').waitFor()
    await page.reload()
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Rust systems engineer (senior)')
  })

  it('guards unsaved changes when leaving the editor', async () => {
    await page.getByRole('textbox', { name: 'Name' }).fill('Unsaved name')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click()
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Keep editing' }).click()
    expect(await page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Unsaved name')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interview templates' }).click()
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await page.getByRole('heading', { level: 1, name: 'Interview templates' }).waitFor()
    await card('Rust systems engineer (senior)').waitFor()
  })

  it('duplicates and deletes a template after a confirmation naming it', async () => {
    await card('Rust systems engineer (senior)').getByRole('button', { name: 'Duplicate' }).click()
    const copy = card('Rust systems engineer (senior) (copy)')
    await copy.waitFor()
    await copy.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Rust systems engineer (senior) (copy)”?' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await copy.getByRole('button', { name: 'Delete' }).click()
    await dialog.getByRole('button', { name: 'Delete template' }).click()
    await copy.waitFor({ state: 'detached' })
    expect((await templates()).map((t) => t.name)).not.toContain('Rust systems engineer (senior) (copy)')
  })

  it('exports a template to a file and imports it back as a new template', async () => {
    const go = card('Go backend engineer')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      go.getByRole('button', { name: 'Export' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('go-backend-engineer.json')
    const path = await download.path()
    const text = readFileSync(path, 'utf8')
    const file = JSON.parse(text) as { format: string; templates: { name: string; questions: unknown[] }[] }
    expect(file.format).toBe('interviewdesk.templates/v1')
    expect(file.templates[0]?.name).toBe('Go backend engineer')
    expect(file.templates[0]?.questions).toHaveLength(12)

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import' }).click(),
    ])
    await chooser.setFiles({ name: 'go.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    await page.getByText('Imported “Go backend engineer (2)”.').waitFor()
    expect(await card('Go backend engineer (2)').textContent()).toContain('Technical · 12 questions')
  })

  it('shows why an import failed', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import' }).click(),
    ])
    const bad = JSON.stringify({ format: 'interviewdesk.templates/v1', templates: [{ name: 'Broken', plan: [] }] })
    await chooser.setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) })
    await page.getByText(/^Import failed:/).waitFor()
    expect((await templates()).map((t) => t.name)).not.toContain('Broken')
  })

  it('opens a long template collapsed; a question opens and closes from the keyboard; the outline goes to one', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(new URL('#/templates', host.url).toString())
    await card('Go backend engineer').getByRole('link', { name: 'Edit' }).click()
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.poll(() => name.inputValue()).toBe('Go backend engineer')
    // Twelve questions, each one line: the page is a few screens, not fourteen.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3600)
    await screenshot(page, 'template-editor-collapsed-1440')

    const q3 = page.getByRole('group', { name: 'Question 3', exact: true })
    const toggle = q3.getByRole('button', { name: 'Question 3', exact: true })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await q3.getByLabel('Expected answer').isVisible()).toBe(false)
    expect(await page.getByRole('group', { name: 'Question 12', exact: true }).textContent()).toContain('Coding · Go')
    await toggle.focus()
    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await q3.getByLabel('Expected answer').waitFor()
    await page.keyboard.press('Space')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await q3.getByLabel('Expected answer').waitFor({ state: 'hidden' })

    // The outline beside the form opens a question and puts focus on it.
    await page.getByRole('navigation', { name: 'Template outline' }).getByRole('button', { name: /^7\./ }).click()
    const q7 = page.getByRole('group', { name: 'Question 7', exact: true })
    await q7.getByLabel('Question text').waitFor()
    expect(
      await q7.getByRole('button', { name: 'Question 7', exact: true }).evaluate((el) => el === document.activeElement),
    ).toBe(true)

    // Reordering works on closed questions and keeps each one's state with it.
    await page.getByRole('group', { name: 'Question 8', exact: true }).getByRole('button', { name: 'Move up' }).click()
    expect(await page.getByRole('group', { name: 'Question 7', exact: true }).getByRole('button', { name: 'Question 7', exact: true }).getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('group', { name: 'Question 8', exact: true }).getByLabel('Question text').isVisible()).toBe(true)
    await page.getByText('Unsaved changes').waitFor()

    await page.getByRole('button', { name: 'Expand all questions' }).click()
    expect(await page.getByRole('button', { name: /^Question \d+$/, expanded: false }).count()).toBe(0)
    await page.getByRole('button', { name: 'Collapse all questions' }).click()
    expect(await page.getByRole('button', { name: /^Question \d+$/, expanded: true }).count()).toBe(0)
    await page.getByRole('link', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await page.getByRole('heading', { level: 1, name: 'Interview templates' }).waitFor()
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('previews a template read-only, then uses it for a new interview', async () => {
    const all = await templates()
    const summary = all.find((t) => t.name === 'Go backend engineer')!
    const full = await api<Template>(page, 'GET', `/api/templates/${encodeURIComponent(summary.id)}`)
    await card('Go backend engineer').getByRole('button', { name: 'Preview' }).click()
    const dialog = page.getByRole('dialog', { name: 'Go backend engineer' })
    await dialog.getByText('Question 12/12').waitFor()
    const first = full.questions[0]!
    const coding = full.questions.find((q) => q.starterCode)!
    for (const text of [full.plan[0]!.title, first.text, first.alternative, first.expectedAnswer, ...(first.keyPoints ?? [])])
      await dialog.getByText(text, { exact: true }).first().waitFor()
    expect(await dialog.locator('pre').first().textContent()).toBe(coding.starterCode)
    expect(await dialog.getByRole('textbox').count()).toBe(0) // read-only
    expect(await dialog.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(`#/templates/${summary.id}`)
    await screenshot(page, 'template-preview')
    await dialog.getByRole('button', { name: 'Use this template' }).click()
    await page.getByRole('heading', { level: 1, name: 'Interview setup' }).waitFor()
    expect(await page.getByLabel('Interview template').inputValue()).toBe(summary.id)

    // From the setup's template picker: preview what is chosen, and go on with it.
    await page.getByRole('button', { name: 'Preview template' }).click()
    const again = page.getByRole('dialog', { name: 'Go backend engineer' })
    await again.getByText('Question 1/12').waitFor()
    await again.getByRole('button', { name: 'Use this template' }).click()
    await again.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByLabel('Position').evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.getByLabel('Interview template').inputValue()).toBe(summary.id)
  })

  it('looks right in dark mode', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await screenshot(page, 'templates-list-dark')
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.getByRole('radio', { name: 'System' }).check()
  })
})
