import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Interview, RoomPresence } from '../api/types'
import { fakePush } from '../platform/fakePush'
import { PushClient, PushContext, type StreamSource } from '../platform/push'
import { RoomStatus, roomStatusText } from './RoomStatus'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const member = (role: 'candidate' | 'interviewer', ready = false) => ({
  id: role, participant: role, role, name: role === 'candidate' ? 'Olivia Diaz' : 'Alex', ready, since: '2026-11-24T10:00:00Z',
})
const presence = (phase: RoomPresence['phase'], members: RoomPresence['members']): RoomPresence => ({ phase, locked: false, members })

describe('roomStatusText', () => {
  it('follows the candidate from not joined to ready and waiting', () => {
    expect(roomStatusText(undefined, 'Olivia Diaz')).toBe('Checking the room…')
    expect(roomStatusText(presence('waiting', [member('interviewer')]), 'Olivia Diaz')).toBe('Candidate Olivia Diaz has not joined yet.')
    expect(roomStatusText(presence('waiting', [member('candidate')]), 'Olivia Diaz')).toBe(
      'Candidate Olivia Diaz is checking their devices.',
    )
    expect(roomStatusText(presence('waiting', [member('candidate', true)]), 'Olivia Diaz')).toBe('Candidate Olivia Diaz is ready and waiting.')
  })

  it('says who is in the room during the interview, and when it is over', () => {
    expect(roomStatusText(presence('technical', [member('interviewer'), member('candidate', true)]), 'Olivia Diaz')).toBe(
      'Interview in progress · 1 interviewer and the candidate in the room.',
    )
    expect(roomStatusText(presence('plan', [member('interviewer'), member('interviewer')]), 'Olivia Diaz')).toBe(
      'Interview in progress · 2 interviewers in the room.',
    )
    expect(roomStatusText(presence('ended', []), 'Olivia Diaz')).toBe('Interview completed.')
  })
})

describe('room status on the interview page', () => {
  const iv = { id: 'iv1', status: 'scheduled', candidate: { name: 'Olivia Diaz', email: 'o@example.com' } } as unknown as Interview
  let root: Root
  let container: HTMLElement
  let gets: number
  let answer: () => Response

  beforeEach(() => {
    vi.useFakeTimers()
    gets = 0
    answer = () => new Response(JSON.stringify(presence('waiting', [])), { status: 200 })
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        expect(url).toBe('/api/interviews/iv1/presence')
        gets++
        return answer()
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

  const render = async (client: PushClient) => {
    await act(async () =>
      root.render(
        <PushContext.Provider value={client}>
          <RoomStatus interview={iv} />
        </PushContext.Provider>,
      ),
    )
    await act(async () => {})
  }
  const line = () => container.querySelector('[role="status"]')?.textContent

  it('shows what the host pushes without asking again, and asks when told to reload', async () => {
    const push = fakePush()
    await render(push.client)
    expect(gets).toBe(1)
    expect(line()).toBe('Candidate Olivia Diaz has not joined yet.')
    await act(async () => vi.advanceTimersByTimeAsync(60_000)) // no polling
    expect(gets).toBe(1)
    await act(async () => push.emit({ type: 'presence', interviewId: 'iv1', data: presence('waiting', [member('candidate', true)]) }))
    expect(line()).toBe('Candidate Olivia Diaz is ready and waiting.')
    await act(async () => push.emit({ type: 'presence', interviewId: 'iv2', data: presence('ended', []) }))
    expect(line()).toBe('Candidate Olivia Diaz is ready and waiting.')
    await act(async () => push.emit({ type: 'presence', interviewId: 'iv1', data: { ...presence('plan', []), locked: true } }))
    expect(container.querySelector('.badge')?.textContent).toBe('Locked')
    expect(gets).toBe(1)
    await act(async () => push.resync())
    await act(async () => {})
    expect(gets).toBe(2)
    expect(line()).toBe('Candidate Olivia Diaz has not joined yet.')
  })

  it('says it is retrying while the stream is down or a load failed', async () => {
    let source: StreamSource | undefined
    const client = new PushClient({
      kind: 'stream',
      open: () =>
        (source = { addEventListener: () => {}, close: () => {}, onerror: null }),
    })
    answer = () => new Response('{}', { status: 500 })
    await render(client)
    expect(container.textContent).toContain('The status could not be refreshed; retrying.')
    answer = () => new Response(JSON.stringify(presence('waiting', [])), { status: 200 })
    await act(async () => vi.advanceTimersByTimeAsync(3_000))
    expect(gets).toBe(2)
    expect(container.textContent).not.toContain('retrying')
    await act(async () => source!.onerror?.(new Event('error')))
    expect(container.textContent).toContain('The status could not be refreshed; retrying.')
    client.close()
  })
})
