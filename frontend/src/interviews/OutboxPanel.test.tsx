import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Outbox, OutboxMessage } from '../api/types'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import { ToastProvider } from '../ui/toasts'
import { OutboxPanel, useOutbox } from './OutboxPanel'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const msg = (over: Partial<OutboxMessage>): OutboxMessage => ({
  id: '1',
  to: { name: 'Olivia Diaz', email: 'olivia@example.com' },
  subject: 'Invitation: Interview: Go developer',
  kind: 'invite',
  state: 'queued',
  attempts: 0,
  createdAt: '2026-11-24T10:00:00Z',
  ...over,
})

let answers: Outbox[]
let gets: number
let resent: string[]
let root: Root
let container: HTMLElement

let sendAll: string[]
let push: ReturnType<typeof fakePush>

function Harness({ initial, canSend }: { initial?: Outbox; canSend?: boolean }) {
  const outbox = useOutbox('iv1', 'k', initial)
  return <OutboxPanel outbox={outbox} interviewId="iv1" canSend={canSend} />
}

beforeEach(() => {
  vi.useFakeTimers()
  push = fakePush()
  gets = 0
  resent = []
  sendAll = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/interviews/iv1/outbox') {
        const a = answers[Math.min(gets, answers.length - 1)]!
        gets++
        return new Response(JSON.stringify(a), { status: 200 })
      }
      if (url === '/api/interviews/iv1/invitations' && init.method === 'POST') {
        sendAll.push(url)
        return new Response(JSON.stringify({ mailConfigured: true, messages: [] }), { status: 200 })
      }
      if (url.startsWith('/api/outbox/') && init.method === 'POST') {
        resent.push(url)
        return new Response(JSON.stringify(msg({ id: '2', state: 'queued', attempts: 1 })), { status: 200 })
      }
      return new Response('{}', { status: 404 })
    }),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function render(initial?: Outbox, canSend?: boolean) {
  await act(async () =>
    root.render(
      <PushContext.Provider value={push.client}>
        <ToastProvider>
          <Harness initial={initial} canSend={canSend} />
        </ToastProvider>
      </PushContext.Provider>,
    ),
  )
  await act(async () => {})
}

async function tick(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

const states = () => [...container.querySelectorAll('.badge-state')].map((b) => b.textContent)

describe('invitations panel', () => {
  it('reloads when the host says an email of this interview changed, and only then', async () => {
    answers = [
      { mailConfigured: true, messages: [msg({ state: 'queued' })] },
      { mailConfigured: true, messages: [msg({ state: 'sending', attempts: 1 })] },
      { mailConfigured: true, messages: [msg({ state: 'sent', attempts: 1, sentAt: '2026-11-24T10:00:05Z' })] },
    ]
    await render()
    expect(gets).toBe(1)
    expect(states()).toEqual(['Queued'])
    await tick(60_000) // no polling
    expect(gets).toBe(1)
    await act(async () => push.emit({ type: 'outbox', interviewId: 'iv2' }))
    await act(async () => push.emit({ type: 'recordings', interviewId: 'iv1' }))
    expect(gets).toBe(1)
    await act(async () => push.emit({ type: 'outbox', interviewId: 'iv1' }))
    expect(gets).toBe(2)
    expect(states()).toEqual(['Sending'])
    await act(async () => push.resync()) // missed events: reload
    expect(gets).toBe(3)
    expect(states()[0]).toMatch(/^Sent at /)
    expect(container.querySelector('[role="status"]')?.textContent).toBe('1 email: 1 sent.')
  })

  it('uses the answer loaded with the page without asking again, and offers Resend on a failed message', async () => {
    answers = [{ mailConfigured: true, messages: [msg({ id: '2', state: 'queued', attempts: 1 })] }]
    await render({ mailConfigured: true, messages: [msg({ id: '2', state: 'failed', attempts: 1, lastError: '550 5.1.1 unknown user' })] })
    expect(gets).toBe(0)
    expect(states()).toEqual(['Failed: 550 5.1.1 unknown user'])
    const resend = container.querySelector<HTMLButtonElement>('button[aria-label="Resend invitation to Olivia Diaz"]')!
    await act(async () => resend.click())
    await act(async () => {})
    expect(resent).toEqual(['/api/outbox/2/resend'])
    expect(states()).toEqual(['Queued'])
    // Queued again: the host says when it was sent.
    await act(async () => push.emit({ type: 'outbox', interviewId: 'iv1' }))
    expect(gets).toBe(1)
  })

  it('shows the empty state for each case', async () => {
    answers = [{ mailConfigured: false, messages: [] }]
    await render()
    expect(container.textContent).toContain('No emails were sent for this interview: email is not set up.')
  })

  it('sends everyone their invitation on request, only where email is set up and the interview is scheduled', async () => {
    answers = [{ mailConfigured: true, messages: [] }]
    await render(undefined, true)
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Send invitations')!
    await act(async () => button.click())
    await act(async () => {})
    expect(sendAll).toEqual(['/api/interviews/iv1/invitations'])
    act(() => root.unmount())
    root = createRoot(container)
    answers = [{ mailConfigured: false, messages: [] }]
    await render(undefined, true)
    expect([...container.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Send invitations'))).toBe(false)
  })
})
