import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveRoom } from '../api/types'
import { json, stubFetch } from '../api/testing'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import { LiveRoomsPage } from './LiveRoomsPage'
import { member, NOW, presence, room } from './testRooms'

const view = testRoot()
let rooms: LiveRoom[]
let fetched: string[]
let push: ReturnType<typeof fakePush>
const native = { OpenURL: vi.fn(async () => {}), CopyText: vi.fn(), SaveTextFile: vi.fn(), OpenTextFile: vi.fn() }

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  native.OpenURL.mockClear()
  window.go = { app: { Native: native } }
  rooms = [
    room('Ada Upcoming', { start: 90 }),
    room('Ben Now', { start: -5, position: 'Data engineer' }),
    room('Cleo Waiting', { start: -2, presence: presence([member('interviewer', -9), member('candidate', -15)]) }),
  ]
  fetched = []
  stubFetch((url) => {
    fetched.push(url)
    if (url === '/api/live-rooms') return json(200, { rooms, total: rooms.length })
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
  push = fakePush()
  view.render(
    <PushContext.Provider value={push.client}>
      <ToastProvider>
        <LiveRoomsPage />
      </ToastProvider>
    </PushContext.Provider>,
  )
  await act(async () => {})
})

afterEach(() => {
  push.client.close()
  delete window.go
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const names = () => [...view.container.querySelectorAll('article h3')].map((h) => h.textContent)
const sections = () => [...view.container.querySelectorAll('section h2')].map((h) => h.textContent)
const search = () => view.container.querySelector<HTMLInputElement>('input[type="search"]')!
const type = async (input: HTMLInputElement, text: string) => {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
const key = async (el: Element, k: string) => {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
  })
}

describe('the Live Room screen', () => {
  it('lists the live room first with who is in it, then rooms open now, then upcoming ones', () => {
    expect(names()).toEqual(['Cleo Waiting', 'Ben Now', 'Ada Upcoming'])
    expect(sections()).toEqual(['Live now 1', 'Interview now 1', 'Upcoming 1'])
    const live = view.container.querySelector('article')!
    expect(live.textContent).toContain('Candidate waiting')
    expect(live.querySelector('[aria-label="In the room with Cleo Waiting"]')?.textContent).toMatch(
      /Alex Recruiter.*Interviewer · since .* \(9 min\).*The candidate.*Candidate · Waiting · since .* \(15 min\)/,
    )
    expect(view.container.textContent).toContain('1 live · 3 open rooms')
  })

  it('moves a room to the top as its candidate connects, and back when they leave, without asking the host', async () => {
    await act(async () => push.emit({ type: 'presence', interviewId: 'Ada Upcoming', data: presence([member('candidate', -20, false)]) }))
    expect(names()).toEqual(['Ada Upcoming', 'Cleo Waiting', 'Ben Now'])
    expect(view.container.querySelector('article')!.textContent).toContain('Checking devices')
    await act(async () => push.emit({ type: 'presence', interviewId: 'Ada Upcoming', data: presence([]) }))
    expect(names()).toEqual(['Cleo Waiting', 'Ben Now', 'Ada Upcoming'])
    await act(async () => push.emit({ type: 'presence', interviewId: 'Cleo Waiting', data: presence([], 'ended') }))
    expect(names()).toEqual(['Ben Now', 'Ada Upcoming'])
    expect(fetched).toEqual(['/api/live-rooms'])
  })

  it('reloads for a room it does not list, a changed interview, or missed events', async () => {
    rooms = [...rooms, room('Dan New', { start: -1, presence: presence([member('candidate', 0)]) })]
    await act(async () => push.emit({ type: 'presence', interviewId: 'Dan New', data: presence([member('candidate', 0)]) }))
    expect(names()).toEqual(['Cleo Waiting', 'Dan New', 'Ben Now', 'Ada Upcoming'])
    await act(async () => push.emit({ type: 'interview', interviewId: 'Ben Now' }))
    await act(async () => push.resync())
    expect(fetched).toHaveLength(4)
  })

  it('finds rooms by candidate name, email or position as you type', async () => {
    await type(search(), 'cleo')
    expect(names()).toEqual(['Cleo Waiting'])
    await type(search(), 'data engineer')
    expect(names()).toEqual(['Ben Now'])
    expect(sections()).toEqual(['Interview now 1']) // an empty live section is not shown while searching
    await type(search(), 'ada.upcoming@example')
    expect(names()).toEqual(['Ada Upcoming'])
    await type(search(), 'nobody')
    expect(view.container.textContent).toContain('No rooms match “nobody”.')
    const clear = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Clear search')!
    await act(async () => clear.click())
    expect(names()).toHaveLength(3)
  })

  it('goes from the search to the rooms with the arrow keys, and opens the interviewer room in one click', async () => {
    await key(search(), 'ArrowDown')
    const opens = [...view.container.querySelectorAll<HTMLButtonElement>('[data-room-open]')]
    expect(document.activeElement).toBe(opens[0])
    await key(opens[0]!, 'ArrowDown')
    expect(document.activeElement).toBe(opens[1])
    await key(opens[1]!, 'ArrowUp')
    await key(opens[0]!, 'ArrowUp')
    expect(document.activeElement).toBe(search())
    await act(async () => opens[1]!.click())
    expect(native.OpenURL).toHaveBeenCalledWith('https://h/room/Ben Now')
  })
})
