// The console's sign-in, its end, and the password page, against a stubbed
// fetch (happy-dom has no host); e2e/accounts.test.ts runs them for real.
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { Sidebar } from '../app/Sidebar'
import { rightsOf, type Account } from '../api/account'
import { call } from '../api/client'
import { testRoot } from '../ui/testRoot'
import { AccountContext } from './AccountContext'
import { AccountGate } from './AccountGate'

const view = testRoot()

const ivan: Account = { kind: 'user', id: 'u1', name: 'Ivan Petrov', email: 'ivan@example.com', role: 'interviewer', accounts: true, canSignOut: true }
const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'This console is not signed in.' } })

afterEach(() => {
  vi.unstubAllGlobals()
  history.replaceState(null, '', '#/interviews')
})

const text = () => view.container.textContent ?? ''
const byId = (id: string) => document.getElementById(id) as HTMLInputElement
const button = (name: string) => [...view.container.querySelectorAll('button')].find((b) => b.textContent === name)!

async function type(id: string, value: string) {
  const el = byId(id)
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  await act(async () => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {})
}

describe('the account gate', () => {
  it('shows the sign-in page at the address the browser opened, and the console there once signed in', async () => {
    history.replaceState(null, '', '#/interviews/iv1')
    let signedIn = false
    const fetch = stubFetch((url, init) => {
      if (url === '/api/account') return signedIn ? json(200, ivan) : unauthorized()
      if (url === '/api/account/sign-in') {
        const body = JSON.parse(init.body as string) as { email: string; password: string }
        if (body.password !== 'correct horse battery staple')
          return json(401, { error: { code: 'unauthorized', message: 'The email or password is not right.' } })
        signedIn = true
        return json(200, ivan)
      }
      return json(404, { error: { code: 'not_found', message: 'no' } })
    })
    view.render(<AccountGate>{<p>The console</p>}</AccountGate>)
    await settle()
    expect(text()).toContain('Sign in to InterviewDesk')
    expect(text()).toContain('interviewdesk console link')
    await act(async () => button('Sign in').click())
    expect(text()).toContain('Enter your email address and your password.')
    await type('signin-email', 'ivan@example.com')
    await type('signin-password', 'wrong guess')
    await act(async () => button('Sign in').click())
    await settle()
    expect(text()).toContain('The email or password is not right.')
    expect(byId('signin-password').value).toBe('')
    await type('signin-password', 'correct horse battery staple')
    await act(async () => button('Sign in').click())
    await settle()
    expect(text()).toBe('The console')
    expect(location.hash).toBe('#/interviews/iv1')
    expect(fetch.mock.calls.filter(([url]) => url === '/api/account/sign-in')).toHaveLength(2)
  })

  it('signs out as soon as the host answers 401, and says why', async () => {
    stubFetch((url) => (url === '/api/account' ? json(200, ivan) : unauthorized()))
    view.render(<AccountGate>{<p>The console</p>}</AccountGate>)
    await settle()
    expect(text()).toBe('The console')
    await act(async () => {
      await call('GET /api/interviews', {}).catch(() => {}) // a screen's call, answered 401
    })
    await settle()
    expect(text()).toContain('You were signed out')
    expect(text()).toContain('Sign in to InterviewDesk')
  })

  it('opens a setup link, checks the password, and signs in with it', async () => {
    history.replaceState(null, '', '#/set-password/TOKEN123')
    const posted: unknown[] = []
    stubFetch((url, init) => {
      if (url === '/api/account') return unauthorized()
      if (url === '/api/account/password-link')
        return json(200, { purpose: 'setup', email: 'ivan@example.com', name: 'Ivan Petrov', expiresAt: '2026-12-04T09:00:00Z' })
      if (url === '/api/account/password') {
        posted.push(JSON.parse(init.body as string))
        return json(200, ivan)
      }
      return json(404, { error: { code: 'not_found', message: 'no' } })
    })
    view.render(<AccountGate>{<p>The console</p>}</AccountGate>)
    await settle()
    expect(text()).toContain('Set your password')
    expect(text()).toContain('Ivan Petrov')
    expect(text()).toContain('At least 12 characters')
    await type('new-password', 'short')
    await act(async () => button('Set password and sign in').click())
    expect(text()).toContain('Use at least 12 characters (this one has 5).')
    await type('new-password', 'correct horse battery staple')
    await type('new-repeat', 'correct horse battery stable')
    await act(async () => button('Set password and sign in').click())
    expect(text()).toContain('The two passwords differ.')
    await type('new-repeat', 'correct horse battery staple')
    await act(async () => button('Set password and sign in').click())
    await settle()
    expect(posted).toEqual([{ token: 'TOKEN123', password: 'correct horse battery staple' }])
    expect(location.hash).toBe('#/interviews')
    expect(text()).toBe('The console')
  })

  it('says what to do with a link that no longer works', async () => {
    history.replaceState(null, '', '#/reset-password/USED')
    stubFetch((url) =>
      url === '/api/account/password-link'
        ? json(404, { error: { code: 'not_found', message: 'This password link does not work any more: it was used already.' } })
        : unauthorized(),
    )
    view.render(<AccountGate>{<p>The console</p>}</AccountGate>)
    await settle()
    expect(text()).toContain('This link does not work any more')
    expect(text()).toContain('it was used already')
  })
})

describe('the sidebar by role', () => {
  const nav = () => [...view.container.querySelectorAll('nav a')].map((a) => a.textContent)
  const render = (a: Account) =>
    view.render(
      <AccountContext.Provider value={{ account: a, rights: rightsOf(a.role), signOut: async () => {}, update: () => {} }}>
        <Sidebar route={{ name: 'interviews' }} />
      </AccountContext.Provider>,
    )

  it('shows an interviewer only its interviews, the Overview and its settings, with its name and Sign out', () => {
    render(ivan)
    expect(nav()).toEqual(['Interviews', 'Overview', 'Settings'])
    expect(text()).toContain('Ivan Petrov')
    expect(button('Sign out')).toBeDefined()
  })

  it('shows a recruiter every screen, and the desktop no Sign out', () => {
    render({ ...ivan, role: 'recruiter' })
    expect(nav()).toEqual(['Interviews', 'Live Room', 'Candidates', 'Pipeline', 'Campaigns', 'Overview', 'Interview templates', 'Settings'])
    render({ kind: 'owner', name: 'Rita', email: 'rita@example.com', role: 'admin', accounts: true, canSignOut: false })
    expect(text()).not.toContain('Sign out')
  })
})
