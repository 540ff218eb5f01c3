import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { earlyAnswersIn, requestEarly } from '../api/early'
import { listPath } from '../api/interviews'
import type { InterviewSummary } from '../api/types'
import { FIRST_FRAME_ROWS, FIRST_PAGE, InterviewListPage } from './InterviewListPage'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function summary(i: number): InterviewSummary {
  return {
    id: `upcoming-${i}`,
    position: 'Go backend engineer',
    candidate: { name: `Candidate ${i}`, email: `c${i}@example.com` },
    campaign: '',
    startsAt: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
    timeZone: 'UTC',
    endsAt: new Date(Date.UTC(2030, 0, 1, 1, i)).toISOString(),
    status: 'scheduled',
    tense: 'upcoming',
    templateName: 'General',
  }
}

let root: Root | undefined
afterEach(() => {
  if (root) act(() => root!.unmount())
  vi.unstubAllGlobals()
})

describe('the interview list on its first frame', () => {
  it('shows a screenful of the first page, and the rest of it once that frame is painted', async () => {
    sessionStorage.clear()
    const body = JSON.stringify({ interviews: Array.from({ length: FIRST_PAGE }, (_, i) => summary(i)), total: 300 })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 200 })))
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    // The page's first screen was asked for as the console started, and is in.
    requestEarly([listPath({ tense: 'upcoming', limit: FIRST_PAGE })])
    await earlyAnswersIn(1000)

    const container = document.createElement('div')
    root = createRoot(container)
    await act(async () => root!.render(<InterviewListPage />))
    const rows = () => container.querySelectorAll('tbody tr').length
    expect(rows()).toBe(FIRST_FRAME_ROWS)
    expect(container.textContent).toContain(`Showing ${FIRST_PAGE} of 300`)

    await act(async () => frames.forEach((f) => f(0)))
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(rows()).toBe(FIRST_PAGE)
  })
})
