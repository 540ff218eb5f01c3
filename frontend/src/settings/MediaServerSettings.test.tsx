import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { ToastProvider } from '../ui/toasts'
import { MediaServerSettings } from './MediaServerSettings'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let container: HTMLElement
let puts: Record<string, unknown>[]
let stored: Record<string, unknown>
let refuse: Response | undefined

beforeEach(async () => {
  puts = []
  refuse = undefined
  stored = { liveKitUrl: '', apiKey: '', hasSecret: false, configured: false }
  stubFetch((url, init) => {
    if (url === '/api/settings/media' && init.method === 'GET') return json(200, stored)
    if (url === '/api/settings/media' && init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as Record<string, unknown>
      puts.push(body)
      if (refuse) return refuse
      const u = String(body.liveKitUrl)
      stored = { liveKitUrl: u, apiKey: u ? body.apiKey : '', hasSecret: u !== '' && (Boolean(body.apiSecret) || Boolean(stored.hasSecret)), configured: u !== '' }
      return json(200, stored)
    }
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () =>
    root.render(
      <ToastProvider>
        <MediaServerSettings />
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
  (input(id).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((i) => document.getElementById(i)?.textContent ?? '')
    .join(' ')

describe('media server settings', () => {
  it('says calls run on this host until a LiveKit server is saved', () => {
    expect(container.querySelector('h2')?.textContent).toBe('Media server')
    expect(container.textContent).toContain('Calls run on this host')
  })

  it('refuses an address that is not ws, wss, http or https before sending', async () => {
    await type('media-liveKitUrl', 'ftp://lk.example.com')
    await click('Save media server')
    expect(puts).toHaveLength(0)
    expect(input('media-liveKitUrl').getAttribute('aria-invalid')).toBe('true')
    expect(errorOf('media-liveKitUrl')).toContain('ws://HOST:7880 or wss://HOST')
  })

  it('saves address, key and secret; the secret is never shown back, and an empty one keeps it', async () => {
    await type('media-liveKitUrl', ' wss://lk.example.com ')
    await type('media-apiKey', 'APIkey1')
    await type('media-apiSecret', 's3cret-value')
    await click('Save media server')
    expect(puts).toEqual([{ liveKitUrl: 'wss://lk.example.com', apiKey: 'APIkey1', apiSecret: 's3cret-value' }])
    expect(input('media-apiSecret').value).toBe('')
    expect(container.textContent).toContain('Calls run on a LiveKit server')
    expect(container.textContent).toContain('A secret is saved')
    expect(container.innerHTML).not.toContain('s3cret-value')

    await type('media-liveKitUrl', 'wss://lk2.example.com')
    await click('Save media server')
    expect(puts[1]).toEqual({ liveKitUrl: 'wss://lk2.example.com', apiKey: 'APIkey1' })
  })

  it('shows the host’s field message under the secret', async () => {
    refuse = json(422, { error: { code: 'invalid', message: 'Check the marked fields.', fields: { apiSecret: 'Enter the API secret that goes with this key.' } } })
    await type('media-liveKitUrl', 'ws://10.0.0.5:7880')
    await type('media-apiKey', 'other')
    await click('Save media server')
    expect(errorOf('media-apiSecret')).toContain('Enter the API secret that goes with this key.')
  })
})
