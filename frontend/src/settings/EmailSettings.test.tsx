import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../ui/toasts'
import { EmailSettings } from './EmailSettings'
import { json } from '../api/testing'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let container: HTMLElement
let puts: Record<string, unknown>[]
let putAnswer: (body: Record<string, unknown>) => Response
let testAnswer: () => Response
let stored: Record<string, unknown>

beforeEach(async () => {
  puts = []
  stored = { host: 'smtp.example.com', port: 587, security: 'starttls', username: 'alex', fromAddress: 'hiring@example.com', hasPassword: true, configured: true }
  putAnswer = (body) => {
    stored = { ...stored, ...body, hasPassword: body.clearPassword ? false : stored.hasPassword, configured: true }
    delete stored.password
    delete stored.clearPassword
    return json(200, stored)
  }
  testAnswer = () => json(200, { sentTo: 'alex@example.com' })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/settings/mail' && init.method === 'GET') return json(200, stored)
      if (url === '/api/settings/mail' && init.method === 'PUT') {
        const body = JSON.parse(init.body as string) as Record<string, unknown>
        puts.push(body)
        return putAnswer(body)
      }
      if (url === '/api/settings/mail/test') return testAnswer()
      return json(404, { error: { code: 'not_found', message: 'no' } })
    }),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root.render(<ToastProvider><EmailSettings organizerEmail="alex@example.com" /></ToastProvider>))
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
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  await act(async () => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function click(text: string) {
  await act(async () => button(text)!.click())
  await act(async () => {})
}

function errorOf(id: string): string | null {
  const el = input(id)
  if (el.getAttribute('aria-invalid') !== 'true') return null
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ')
  return ids.map((i) => document.getElementById(i)?.textContent ?? '').join(' ')
}

describe('email settings', () => {
  it('shows the saved settings with an empty password field and the set-up status', () => {
    expect(input('mail-host').value).toBe('smtp.example.com')
    expect(input('mail-username').value).toBe('alex')
    expect(input('mail-fromName').value).toBe('') // left out by the host when empty
    expect(input('mail-password').value).toBe('')
    expect(container.textContent).toContain('A password is saved')
    expect(container.querySelector('[role="status"].mail-status')?.textContent).toContain('Email is set up')
    expect(button('Save email settings')!.disabled).toBe(true)
  })

  it('keeps the stored password when the field stays empty, and shows 422 messages under their fields', async () => {
    putAnswer = () =>
      json(422, {
        error: {
          code: 'invalid',
          message: 'Check the highlighted fields.',
          fields: { fromAddress: 'Enter a valid email address.', replyTo: 'Enter a valid reply-to address.' },
        },
      })
    await type('mail-fromAddress', 'hiring@')
    await type('mail-replyTo', 'nope')
    await click('Save email settings')
    expect(puts).toHaveLength(1)
    expect(puts[0]).not.toHaveProperty('password')
    expect(puts[0]).not.toHaveProperty('clearPassword')
    expect(errorOf('mail-fromAddress')).toContain('Enter a valid email address.')
    expect(errorOf('mail-replyTo')).toContain('Enter a valid reply-to address.')
    expect(errorOf('mail-host')).toBeNull()
    expect(document.activeElement).toBe(input('mail-fromAddress'))
  })

  it('sends a new password once and never shows it again', async () => {
    await type('mail-password', 'n3w-secret')
    await click('Save email settings')
    expect(puts[0]!.password).toBe('n3w-secret')
    expect(input('mail-password').value).toBe('')
    expect(container.innerHTML).not.toContain('n3w-secret')
  })

  it('Remove saved password sends clearPassword', async () => {
    await click('Remove saved password')
    expect(input('mail-password').disabled).toBe(true)
    await click('Save email settings')
    expect(puts[0]).toMatchObject({ clearPassword: true })
    expect(puts[0]).not.toHaveProperty('password')
    expect(container.textContent).not.toContain('A password is saved')
  })

  it('reports a test email’s success, and the server’s exact error in an alert', async () => {
    await click('Send test email')
    expect(container.querySelector('.mail-test-ok')?.textContent).toBe('✓ Test email sent to alex@example.com.')
    testAnswer = () => json(502, { error: { code: 'smtp', message: '535 5.7.8 Authentication credentials invalid' } })
    await click('Send test email')
    expect(container.querySelector('.mail-test-ok')?.textContent).toBe('')
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('535 5.7.8 Authentication credentials invalid')
  })

  it('the test address follows the organizer’s email until another is typed', async () => {
    const testTo = () => [...container.querySelectorAll('input')].find((i) => i.closest('.field')?.textContent?.startsWith('Send to'))!
    expect(testTo().value).toBe('alex@example.com')
    const render = (organizerEmail: string) =>
      act(async () => root.render(<ToastProvider><EmailSettings organizerEmail={organizerEmail} /></ToastProvider>))
    await render('rita@example.com')
    expect(testTo().value).toBe('rita@example.com')
    await type(testTo().id, 'hiring@example.com')
    await render('sam@example.com')
    expect(testTo().value).toBe('hiring@example.com')
  })
})
