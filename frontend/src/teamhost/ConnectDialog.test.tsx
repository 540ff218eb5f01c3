// The connect dialog against a stubbed fetch (happy-dom has no host);
// e2e/desktop-teamhost.test.ts runs it against the desktop's real handler.
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { ConnectDialog } from './ConnectDialog'
import { restartConsole } from './api'

vi.mock('./api', async (original) => ({ ...(await original<typeof import('./api')>()), restartConsole: vi.fn() }))

const view = testRoot()
const text = () => document.body.textContent ?? ''
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!

async function type(value: string) {
  const el = document.getElementById('team-host-address') as HTMLInputElement
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  await act(async () => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function click(name: string) {
  await act(async () => button(name).click())
  for (let i = 0; i < 5; i++) await act(async () => {})
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.mocked(restartConsole).mockReset()
})

const fingerprint = 'a8f78698'.padEnd(64, '0')

describe('Connect to a team host', () => {
  it('says what is wrong with an address, and what to do', async () => {
    stubFetch(() => json(502, { error: { code: 'unavailable', message: 'Cannot reach https://h.example.com (connection refused). Check the address.' } }))
    view.render(<ConnectDialog onClose={() => {}} />)
    await click('Check host')
    expect(text()).toContain('Enter the team host’s address')
    await type('h.example.com')
    await click('Check host')
    expect(text()).toContain('Cannot reach https://h.example.com (connection refused). Check the address.')
    expect(restartConsole).not.toHaveBeenCalled()
  })

  it('shows a self-signed certificate to compare, pins it on trust, and opens the pasted link’s page', async () => {
    const fetch = stubFetch((url, init) => {
      if (url === '/desktop/team-host/check')
        return json(200, { url: 'https://h.example.com', trusted: false, certSha256: fingerprint, subject: 'h.example.com' })
      if (url === '/desktop/team-host' && init.method === 'PUT') return json(200, { team: true, url: 'https://h.example.com', signedIn: false })
      return json(404, {})
    })
    view.render(<ConnectDialog onClose={() => {}} />)
    await type('https://h.example.com/#/set-password/tok123')
    await click('Check host')
    expect(text()).toContain('self-signed')
    expect(text()).toContain('A8:F7:86:98:00:00')
    await click('Trust and connect')
    const put = fetch.mock.calls.find(([u, i]) => u === '/desktop/team-host' && i.method === 'PUT')!
    expect(JSON.parse(put[1].body as string)).toEqual({ url: 'https://h.example.com', certSha256: fingerprint })
    expect(restartConsole).toHaveBeenCalledWith('#/set-password/tok123')
  })
})
