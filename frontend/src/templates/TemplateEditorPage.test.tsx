import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Template } from '../api/types'
import { json, stubFetch } from '../api/testing'
import { ToastProvider } from '../ui/toasts'
import { STARTER_CODE_MAX } from '../validation/rules'
import { TemplateEditorPage } from './TemplateEditorPage'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const stored: Template = {
  id: 'tpl1',
  name: 'Go backend engineer',
  specialization: 'Go backend',
  description: '',
  durationMinutes: 60,
  plan: [{ id: 'p1', title: 'Experience' }],
  questions: [
    { id: 'q1', text: 'Reverse a list', alternative: 'Alt', expectedAnswer: 'Exp' },
    { id: 'q2', text: 'Fix the race', alternative: 'Alt', expectedAnswer: 'Exp', starterCode: 'package main\n\nfunc main() {}\n', language: 'go' },
  ],
  technical: true,
  builtIn: false,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
}

let root: Root
let container: HTMLElement
let puts: Record<string, unknown>[]

beforeEach(async () => {
  puts = []
  sessionStorage.clear()
  stubFetch((url, init) => {
    if (url === '/api/templates/tpl1' && init.method === 'GET') return json(200, stored)
    if (url === '/api/templates/tpl1' && init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as Record<string, unknown>
      puts.push(body)
      return json(200, { ...stored, ...body })
    }
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await mount()
})

/** Renders the editor of the stored template and lets it load. */
async function mount() {
  await act(async () =>
    root.render(
      <ToastProvider>
        <TemplateEditorPage id="tpl1" />
      </ToastProvider>,
    ),
  )
  await act(async () => {})
}

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

/** The starter code toggles, one per question. */
const toggles = () =>
  [...container.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')].filter((b) =>
    b.textContent?.includes('Starter code'),
  )
/** A topic's or question's disclosure button, by its name ("Question 2"). */
const item = (name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('legend button[aria-expanded]')].find(
    (b) => b.textContent === name,
  )!
const body = (toggle: HTMLButtonElement) => document.getElementById(toggle.getAttribute('aria-controls')!)!
const summary = (toggle: HTMLButtonElement) => document.getElementById(toggle.getAttribute('aria-describedby')!)!.textContent
const button = (label: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === label,
  )!
const click = (b: HTMLElement) => act(async () => b.click())
const labelled = <T extends HTMLElement>(label: string, n: number) =>
  [...container.querySelectorAll('label')]
    .filter((l) => l.textContent?.trim() === label)
    .map((l) => document.getElementById(l.htmlFor) as T)[n]!

async function change(el: HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLTextAreaElement.prototype
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value)
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
  })
}

async function save() {
  await act(async () => container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click())
  await act(async () => {})
}

describe('template editor: starter code', () => {
  it('keeps a question without starter code closed and one with it open', () => {
    const [first, second] = toggles()
    expect(first!.textContent).toContain('Starter code')
    expect(first!.getAttribute('aria-expanded')).toBe('false')
    expect(document.getElementById(first!.getAttribute('aria-controls')!)!.hidden).toBe(true)
    expect(second!.getAttribute('aria-expanded')).toBe('true')
    expect(labelled<HTMLSelectElement>('Language', 1).value).toBe('go')
    expect(labelled<HTMLTextAreaElement>('Starter code', 1).value).toBe('package main\n\nfunc main() {}\n')
    expect(container.textContent).toContain('Go, 3 lines')
  })

  it('sends the language and the code as typed', async () => {
    await act(async () => toggles()[0]!.click())
    expect(toggles()[0]!.getAttribute('aria-expanded')).toBe('true')
    const select = labelled<HTMLSelectElement>('Language', 0)
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'None', 'Plain text', 'Go', 'Python', 'JavaScript', 'TypeScript', 'Java', 'C++', 'SQL',
    ])
    await change(select, 'python')
    await change(labelled<HTMLTextAreaElement>('Starter code', 0), 'def reverse(xs):\n    pass\n')
    await save()
    expect(puts).toHaveLength(1)
    const questions = puts[0]!.questions as Record<string, unknown>[]
    expect(questions[0]).toMatchObject({ id: 'q1', starterCode: 'def reverse(xs):\n    pass\n', language: 'python' })
    expect(questions[1]).toMatchObject({ id: 'q2', starterCode: 'package main\n\nfunc main() {}\n', language: 'go' })
  })

  it('refuses starter code over the limit before sending, next to the field', async () => {
    const code = labelled<HTMLTextAreaElement>('Starter code', 1)
    await change(code, 'x'.repeat(STARTER_CODE_MAX + 1))
    await save()
    expect(puts).toHaveLength(0)
    expect(code.getAttribute('aria-invalid')).toBe('true')
    const described = (code.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent)
    expect(described.join(' ')).toContain('The starter code can be at most 100,000 characters (it has 100,001).')
    expect(document.activeElement).toBe(code)
  })

  it('shows the host’s message for a starter code field under that field', async () => {
    stubFetch(() =>
      json(422, {
        error: { code: 'invalid', message: 'Choose a language from the list.', fields: { 'questions[0].language': 'Choose a language from the list: plaintext, go.' } },
      }),
    )
    await save()
    const select = labelled<HTMLSelectElement>('Language', 0)
    expect(toggles()[0]!.getAttribute('aria-expanded')).toBe('true') // opened to show the message
    expect(select.getAttribute('aria-invalid')).toBe('true')
    expect(container.querySelector('#template-error-summary li')).toBeNull() // shown inline, not in the summary list
  })
})

describe('template editor: collapsible topics and questions', () => {
  it('opens a saved template collapsed, each item a one-line summary', () => {
    for (const name of ['Topic 1', 'Question 1', 'Question 2']) {
      expect(item(name).getAttribute('aria-expanded')).toBe('false')
      expect(body(item(name)).hidden).toBe(true)
    }
    expect(summary(item('Topic 1'))).toBe('Experience')
    expect(item('Topic 1').closest('fieldset')!.querySelector('.item-title')!.textContent).toBe('Experience')
    expect(summary(item('Question 1'))).toBe('Reverse a listDiscussionNo key points')
    expect(summary(item('Question 2'))).toBe('Fix the raceCoding · GoNo key points')
  })

  it('opens and closes one item, and all of a list', async () => {
    await click(item('Question 2'))
    expect(item('Question 2').getAttribute('aria-expanded')).toBe('true')
    expect(body(item('Question 2')).hidden).toBe(false)
    expect(summary(item('Question 2'))).toBe('Coding · GoNo key points') // the text is in its field now
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('false')
    await click(item('Question 2'))
    expect(body(item('Question 2')).hidden).toBe(true)

    expect(button('Collapse all questions').disabled).toBe(true)
    await click(button('Expand all questions'))
    expect(['Question 1', 'Question 2'].map((n) => item(n).getAttribute('aria-expanded'))).toEqual(['true', 'true'])
    expect(item('Topic 1').getAttribute('aria-expanded')).toBe('false') // the plan is its own list
    expect(button('Expand all questions').disabled).toBe(true)
    await click(button('Collapse all questions'))
    expect(['Question 1', 'Question 2'].map((n) => item(n).getAttribute('aria-expanded'))).toEqual(['false', 'false'])
  })

  it('opens a new question and keeps the others as they were', async () => {
    await click(button('Add question'))
    expect(item('Question 3').getAttribute('aria-expanded')).toBe('true')
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('false')
    expect(summary(item('Question 3'))).toBe('DiscussionNo key points')
  })

  it('keeps an item open as it moves, and after a save', async () => {
    await click(item('Question 2'))
    const up = [...body(item('Question 2')).parentElement!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Move up')!
    await click(up)
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('true')
    expect(summary(item('Question 1'))).toBe('Coding · GoNo key points')
    expect(item('Question 2').getAttribute('aria-expanded')).toBe('false')
    await save()
    expect((puts[0]!.questions as { id: string }[]).map((q) => q.id)).toEqual(['q2', 'q1'])
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('true')
    expect(item('Question 2').getAttribute('aria-expanded')).toBe('false')
  })

  it('opens the items a save’s messages are about, focuses the field, and keeps the sign once closed', async () => {
    stubFetch(() =>
      json(422, {
        error: { code: 'invalid', message: 'Check the fields.', fields: { 'questions[1].expectedAnswer': 'Write the expected answer.' } },
      }),
    )
    await save()
    expect(item('Question 2').getAttribute('aria-expanded')).toBe('true')
    const focused = document.activeElement as HTMLTextAreaElement
    expect(body(item('Question 2')).contains(focused)).toBe(true)
    expect(focused.value).toBe('Exp')
    expect(focused.getAttribute('aria-invalid')).toBe('true')
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('false')
    await click(item('Question 2'))
    expect(body(item('Question 2')).hidden).toBe(true)
    expect(summary(item('Question 2'))).toBe('Fix the raceCoding · GoNo key points⚠ 1 problem')
    expect(item('Question 2').closest('fieldset')!.className).toContain('item-invalid')
  })

  it('remembers the open items for the session, by their ids', async () => {
    await click(item('Question 2'))
    await act(async () => root.render(<ToastProvider>{null}</ToastProvider>))
    await mount()
    expect(item('Question 2').getAttribute('aria-expanded')).toBe('true')
    expect(item('Question 1').getAttribute('aria-expanded')).toBe('false')
  })
})
