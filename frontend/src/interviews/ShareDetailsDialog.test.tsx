import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Interview } from '../api/types'
import { fallbackIcsName, ShareDetailsDialog, shareChoices } from './ShareDetailsDialog'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const iv = {
  id: 'iv1',
  position: 'Go developer',
  candidate: { name: 'Olivia Diaz', email: 'olivia@example.com' },
  status: 'scheduled',
  updatedAt: '2026-11-24T10:00:00Z',
  interviewers: [
    { name: 'Alex Recruiter', email: 'alex@example.com', link: 'https://h/room/alex' },
    { name: 'No Email', email: '', link: 'https://h/room/none' },
    { name: 'Sam Lee', email: 'sam@example.com', link: 'https://h/room/sam' },
  ],
} as unknown as Interview

const ICS = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n'
let root: Root
let container: HTMLElement
let calls: string[]
const native = { SaveTextFile: vi.fn(async () => '/home/alex/interview-olivia.ics'), CopyText: vi.fn(async () => {}), OpenTextFile: vi.fn(), OpenURL: vi.fn() }

beforeEach(async () => {
  calls = []
  native.SaveTextFile.mockClear()
  native.CopyText.mockClear()
  window.go = { app: { Native: native } }
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push(url)
      expect(init.body).toBeUndefined() // downloads are plain GETs, never a Blob body
      const who = new URL(url, 'http://x').searchParams.get('for') ?? ''
      if (url.includes('/invitation?'))
        return new Response(
          JSON.stringify({ for: who, name: who === 'candidate' ? 'Olivia Diaz' : 'Sam Lee', email: '', link: '', subject: `Subject for ${who}`, text: `Text for ${who}` }),
          { status: 200 },
        )
      if (url.includes('/ics?'))
        return new Response(ICS, { status: 200, headers: { 'Content-Disposition': 'attachment; filename="interview-olivia.ics"' } })
      return new Response('{}', { status: 404 })
    }),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root.render(<ShareDetailsDialog interview={iv} onClose={() => {}} />))
  await act(async () => {})
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  delete window.go
  vi.unstubAllGlobals()
})

const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)!
const textarea = () => container.querySelector('textarea')!

describe('Share details in the desktop app', () => {
  it('offers the candidate and each interviewer with an email', () => {
    expect(shareChoices(iv).map((c) => [c.value, c.label])).toEqual([
      ['candidate', 'Olivia Diaz — candidate'],
      ['interviewer:alex@example.com', 'Alex Recruiter — organizer'],
      ['interviewer:sam@example.com', 'Sam Lee — interviewer'],
    ])
  })

  it('copies through the native bridge and saves the .ics with the native dialog', async () => {
    expect(textarea().value).toBe('Text for candidate')
    await act(async () => button('Copy full invitation').click())
    expect(native.CopyText).toHaveBeenCalledWith('Text for candidate')
    await act(async () => button('Save .ics').click())
    await act(async () => {})
    expect(calls).toContain('/api/interviews/iv1/ics?for=candidate')
    expect(native.SaveTextFile).toHaveBeenCalledWith('interview-olivia.ics', ICS)
    expect(container.querySelector('[role="status"]')?.textContent).toBe('✓ Saved to /home/alex/interview-olivia.ics')
  })

  it('switches to an interviewer’s own invitation', async () => {
    const select = container.querySelector('select')!
    await act(async () => {
      select.value = 'interviewer:sam@example.com'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await act(async () => {})
    expect(calls).toContain('/api/interviews/iv1/invitation?for=interviewer%3Asam%40example.com')
    expect(textarea().value).toBe('Text for interviewer:sam@example.com')
    await act(async () => button('Save .ics').click())
    await act(async () => {})
    expect(calls).toContain('/api/interviews/iv1/ics?for=interviewer%3Asam%40example.com')
  })

  it('a cancelled save dialog says nothing', async () => {
    native.SaveTextFile.mockResolvedValueOnce('')
    await act(async () => button('Save .ics').click())
    await act(async () => {})
    expect(container.querySelector('[role="status"]')?.textContent).toBe('')
  })

  it('names the file itself when the host does not', () => {
    expect(fallbackIcsName(iv, 'candidate')).toBe('interview-olivia-diaz.ics')
    expect(fallbackIcsName(iv, 'interviewer:sam.lee@example.com')).toBe('interview-samlee.ics')
  })
})
