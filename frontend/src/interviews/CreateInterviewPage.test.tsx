import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../ui/toasts'
import { CreateInterviewPage } from './CreateInterviewPage'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const template = {
  id: 't1',
  name: 'Go backend engineer',
  specialization: 'Go backend',
  description: '',
  durationMinutes: 60,
  technical: true,
  builtIn: true,
  topicCount: 6,
  questionCount: 12,
  updatedAt: '2026-11-01T00:00:00Z',
}

let root: Root
let container: HTMLElement
let posted: unknown[]
let postAnswer: () => Response

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

beforeEach(async () => {
  posted = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/templates') return json(200, { templates: [template] })
      if (url === '/api/settings')
        return json(200, { organizer: { name: 'A', email: 'a@example.com' }, publicUrl: '', defaultTimeZone: 'UTC' })
      if (url === '/api/interviews' && init.method === 'POST') {
        posted.push(JSON.parse(init.body as string))
        return postAnswer()
      }
      return json(404, { error: { code: 'not_found', message: 'no' } })
    }),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root.render(<ToastProvider><CreateInterviewPage templateId="t1" /></ToastProvider>))
  await act(async () => {})
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

const input = (id: string) => document.getElementById(id) as HTMLInputElement

async function type(id: string, value: string) {
  const el = input(id)
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  await act(async () => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function save() {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Save interview')!
  await act(async () => button.click())
  await act(async () => {})
}

function errorOf(id: string): string | null {
  const el = input(id)
  if (el.getAttribute('aria-invalid') !== 'true') return null
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ')
  return ids.map((i) => document.getElementById(i)?.textContent ?? '').join(' ')
}

describe('create interview form', () => {
  it('prefills the template and checks fields before sending anything', async () => {
    expect((document.getElementById('new-template') as HTMLSelectElement).value).toBe('t1')
    await type('new-email', 'not-an-email')
    await save()
    expect(posted).toEqual([])
    expect(errorOf('new-position')).toContain('Enter the position')
    expect(errorOf('new-name')).toContain('Enter the candidate’s name.')
    expect(errorOf('new-email')).toContain('Enter a valid email address')
    expect(errorOf('new-when-date')).toBeNull()
    expect(document.activeElement).toBe(input('new-position'))
  })

  it('shows the host’s 422 field messages under the fields', async () => {
    postAnswer = () =>
      json(422, {
        error: {
          code: 'invalid',
          message: 'Check the highlighted fields.',
          fields: { candidateEmail: 'This address bounced before.', when: 'Choose "now" or "later".' },
        },
      })
    await type('new-position', 'Go developer')
    await type('new-name', 'Olivia Diaz')
    await type('new-email', 'olivia@example.com')
    await save()
    expect(posted).toHaveLength(1)
    expect(posted[0]).toMatchObject({
      templateId: 't1',
      position: 'Go developer',
      candidateName: 'Olivia Diaz',
      candidateEmail: 'olivia@example.com',
      when: 'later',
      timeZone: 'UTC',
      durationMinutes: 60,
    })
    expect((posted[0] as { startsAt: string }).startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T10:00$/)
    expect(errorOf('new-email')).toContain('This address bounced before.')
    expect(document.activeElement).toBe(input('new-email'))
    // A field the form has no place for still reaches the user.
    expect(document.getElementById('create-summary')?.textContent).toContain('Choose "now" or "later".')
  })
})
