import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { SetupGate } from './SetupGate'

const t = testRoot()
let stored: { organizer: { name: string; email: string }; defaultTimeZone: string; publicUrl: string }
let puts: unknown[]
let getAnswer: () => Response

beforeEach(() => {
  stored = { organizer: { name: '', email: '' }, defaultTimeZone: 'Europe/Berlin', publicUrl: 'http://127.0.0.1:7480' }
  puts = []
  getAnswer = () => json(200, stored)
  stubFetch((url, init) => {
    if (url === '/api/settings' && init.method === 'GET') return getAnswer()
    if (url === '/api/settings' && init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as { organizer: { name: string; email: string } }
      puts.push(body)
      if (body.organizer.email.endsWith('@example.invalid')) {
        return json(422, { error: { code: 'invalid', message: 'Check the fields.', fields: { 'organizer.email': 'That domain takes no mail.' } } })
      }
      stored = { ...stored, organizer: body.organizer }
      return json(200, stored)
    }
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
})

afterEach(() => vi.unstubAllGlobals())

async function render() {
  t.render(
    <SetupGate>
      <main id="main" tabIndex={-1}>
        <h1>Interviews</h1>
      </main>
    </SetupGate>,
  )
  await act(async () => {})
}

const container = () => t.container
const heading = () => container().querySelector('h1')?.textContent
const input = (id: string) => document.getElementById(id) as HTMLInputElement
const next = () => [...container().querySelectorAll('button')].find((b) => b.textContent === 'Next')!

async function type(id: string, value: string) {
  const el = input(id)
  await act(async () => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    set.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function submit() {
  await act(async () => next().click())
  await act(async () => {})
}

describe('the first launch', () => {
  it('asks for the details before anything else, then opens the console', async () => {
    await render()
    expect(heading()).toBe('Enter your details')
    expect(document.activeElement?.textContent).toBe('Enter your details')

    await submit()
    expect(container().textContent).toContain('Enter your name.')
    expect(container().textContent).toContain('Enter your email address.')
    expect(document.activeElement).toBe(input('setup-name'))
    expect(puts).toHaveLength(0)

    await type('setup-name', '  Alex Recruiter ')
    await type('setup-email', 'alex@example.invalid')
    await submit()
    expect(container().textContent).toContain('That domain takes no mail.')
    expect(document.activeElement).toBe(input('setup-email'))
    expect(heading()).toBe('Enter your details')

    await type('setup-email', 'alex@example.com')
    await submit()
    expect(puts.at(-1)).toEqual({ organizer: { name: 'Alex Recruiter', email: 'alex@example.com' } })
    expect(heading()).toBe('Interviews')
    expect(document.activeElement?.id).toBe('main')
  })

  it('asks again for an email when only the name was ever stored', async () => {
    stored.organizer = { name: 'Alex Recruiter', email: '' }
    await render()
    expect(heading()).toBe('Enter your details')
    expect(input('setup-name').value).toBe('Alex Recruiter')
  })

  it('opens the console at once when the details are in', async () => {
    stored.organizer = { name: 'Alex Recruiter', email: 'alex@example.com' }
    await render()
    expect(heading()).toBe('Interviews')
  })

  it('leaves a sign-in problem to the console, which explains it', async () => {
    getAnswer = () => json(401, { error: { code: 'unauthorized', message: 'Sign in.' } })
    await render()
    expect(heading()).toBe('Interviews')
  })
})
