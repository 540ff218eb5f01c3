import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { ToastProvider } from '../ui/toasts'
import { RunnerSettings } from './RunnerSettings'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let container: HTMLElement
let puts: Record<string, unknown>[]
let stored: Record<string, unknown>
let testAnswer: () => Response

beforeEach(async () => {
  puts = []
  stored = { url: '', hasToken: false, configured: false }
  testAnswer = () => json(409, { error: { code: 'conflict', message: 'No code runner is set up.' } })
  stubFetch((url, init) => {
    if (url === '/api/settings/runner' && init.method === 'GET') return json(200, stored)
    if (url === '/api/settings/runner' && init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as Record<string, unknown>
      puts.push(body)
      const u = String(body.url)
      stored = { url: u, hasToken: body.clearToken ? false : Boolean(body.token) || stored.hasToken, configured: u !== '' }
      return json(200, stored)
    }
    if (url === '/api/settings/runner/test') return testAnswer()
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () =>
    root.render(
      <ToastProvider>
        <RunnerSettings />
      </ToastProvider>,
    ),
  )
  await act(async () => {})
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

const input = (id: string) => document.getElementById(id) as HTMLInputElement
const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)

async function type(id: string, value: string) {
  const el = input(id)
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function click(text: string) {
  await act(async () => button(text)!.click())
  await act(async () => {})
}

const errorOf = (id: string) =>
  input(id).getAttribute('aria-invalid') === 'true'
    ? (input(id).getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((i) => document.getElementById(i)?.textContent ?? '')
        .join(' ')
    : null

describe('code runner settings', () => {
  it('explains that only Go, Java and C++ need it, and tests nothing until an address is saved', () => {
    expect(container.querySelector('h2')?.textContent).toBe('Code runner')
    expect(container.textContent).toContain(
      'Optional. JavaScript, TypeScript, Python and SQL run in the interviewer’s browser without it. Other languages (Go, Java, C++) run only when a Piston-compatible runner is configured here.',
    )
    expect(container.textContent).toContain('No code runner')
    expect(button('Test connection')!.disabled).toBe(true)
  })

  it('refuses an address that is not http or https before sending', async () => {
    await type('runner-url', 'ftp://runner.example.com')
    await click('Save code runner')
    expect(puts).toHaveLength(0)
    expect(errorOf('runner-url')).toContain('Enter an address starting with http:// or https://')
    expect(document.activeElement).toBe(input('runner-url'))
  })

  it('saves the address and token, then lists what the runner offers', async () => {
    await type('runner-url', ' http://localhost:2000 ')
    await type('runner-token', 's3cret')
    await click('Save code runner')
    expect(puts).toEqual([{ url: 'http://localhost:2000', token: 's3cret' }])
    expect(input('runner-token').value).toBe('')
    expect(container.textContent).toContain('A token is saved')
    expect(container.innerHTML).not.toContain('s3cret')

    testAnswer = () =>
      json(200, {
        url: 'http://localhost:2000',
        runtimes: [
          { language: 'go', version: '1.16.2', aliases: ['golang'] },
          { language: 'c++', version: '10.2.0', aliases: ['cpp'], runtime: 'gcc' },
        ],
        languages: ['go', 'cpp'],
      })
    await click('Test connection')
    const needs = container.querySelector('[aria-label="Languages that need the runner"]')!
    expect([...needs.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Go: runs here',
      'Java: not offered by this runner',
      'C++: runs here',
    ])
    expect(container.querySelector('[aria-label="Runtimes"]')?.textContent).toContain('c++ 10.2.0 (gcc)')
  })

  it('shows why a runner could not be reached', async () => {
    await type('runner-url', 'http://localhost:2000')
    await click('Save code runner')
    testAnswer = () =>
      json(503, {
        error: {
          code: 'unavailable',
          message: 'The code runner at http://localhost:2000 did not answer: connection refused; check Settings → Code runner.',
        },
      })
    await click('Test connection')
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('did not answer: connection refused')
  })

  it('shows the host’s field message under the token', async () => {
    await type('runner-url', 'http://localhost:2000')
    await type('runner-token', 'a b')
    stubFetch(() =>
      json(422, { error: { code: 'invalid', message: 'Check the highlighted fields.', fields: { token: 'The token cannot contain spaces.' } } }),
    )
    await click('Save code runner')
    expect(errorOf('runner-token')).toContain('The token cannot contain spaces.')
  })
})
