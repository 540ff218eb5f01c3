import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InterviewContents } from '../api/privacy'
import type { Interview } from '../api/types'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import { DeleteForGood } from './DeleteForGood'
import { planWords } from './words'

const t = testRoot()
const iv = {
  id: 'iv1',
  position: 'Backend engineer',
  startsAt: '2026-12-01T14:30:00Z',
  timeZone: 'UTC',
  status: 'finished',
  candidate: { name: 'Olivia Diaz', email: 'olivia@example.com' },
} as unknown as Interview

const contents = (over: Partial<InterviewContents> = {}): InterviewContents => ({
  interviewId: 'iv1',
  candidate: iv.candidate,
  position: iv.position,
  startsAt: iv.startsAt,
  status: 'finished',
  recordings: { files: 4, bytes: 12_400_000 },
  events: 230,
  analysis: true,
  emails: 3,
  unsent: 1,
  deletable: true,
  ...over,
})

afterEach(() => vi.unstubAllGlobals())

const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement

async function openDialog(preview: InterviewContents) {
  const fetch = stubFetch((_url, init) => (init.method === 'POST' ? json(200, { ...preview, deletable: false }) : json(200, preview)))
  t.render(
    <ToastProvider>
      <DeleteForGood interview={iv} />
    </ToastProvider>,
  )
  await act(async () => button('Delete interview and its data').click())
  await act(async () => {})
  return fetch
}

describe('DeleteForGood', () => {
  it('names the candidate and everything that goes before deleting, and deletes only on the second button', async () => {
    const fetch = await openDialog(contents())
    const dialog = document.querySelector('dialog')!
    expect(dialog.textContent).toContain('Delete the interview with Olivia Diaz for good?')
    const items = [...dialog.querySelectorAll('.purge-list li')].map((li) => li.textContent)
    expect(items).toEqual([
      '4 recording files (12.4 MB)',
      '230 events of the room: the timeline, notes, code and whiteboard, playback and the consent record',
      'The analysis: transcript, scores and overrides',
      '3 emails of the outbox',
      '1 email has not been sent yet and will not be sent',
    ])
    expect(fetch).toHaveBeenCalledTimes(1) // the preview only
    await act(async () => button('Delete for good').click())
    expect(fetch.mock.calls[1]?.[0]).toBe('/api/interviews/iv1/purge')
    expect(fetch.mock.calls[1]?.[1].method).toBe('POST')
  })

  it('says why an interview cannot be deleted and offers no deletion', async () => {
    await openDialog(contents({ deletable: false, reason: 'The analysis of this interview is running.' }))
    expect(document.querySelector('dialog [role="alert"]')?.textContent).toBe('The analysis of this interview is running.')
    expect(button('Delete for good').disabled).toBe(true)
  })
})

describe('planWords', () => {
  it('names only what a plan deletes', () => {
    expect(planWords({ interviews: 0, recordings: 2, candidates: 0, items: [1, 2, 3], files: { files: 5, bytes: 2_000_000 } })).toBe(
      'the recordings of 2 interviews and 1 left-over folder: 5 recording files (2.0 MB)',
    )
  })
})
