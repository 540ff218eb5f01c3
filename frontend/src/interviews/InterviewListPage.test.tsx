import { act, Profiler } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { InterviewSummary } from '../api/types'
import { earlyAnswersIn, requestEarly } from '../api/early'
import { listPath } from '../api/interviews'
import { FIRST_FRAME_ROWS, FIRST_PAGE, InterviewListPage, PAGE } from './InterviewListPage'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function summary(i: number, tense: 'upcoming' | 'past'): InterviewSummary {
  return {
    id: `${tense}-${i}`,
    position: 'Go backend engineer',
    candidate: { name: `Candidate ${tense} ${i}`, email: `c${i}@example.com` },
    campaign: '',
    startsAt: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
    timeZone: 'UTC',
    endsAt: new Date(Date.UTC(2030, 0, 1, 1, i)).toISOString(),
    status: 'scheduled',
    tense,
    templateName: 'General',
  }
}

// The host's list: 120 upcoming, 3 past; pages cut by limit and offset.
const all = {
  upcoming: Array.from({ length: 120 }, (_, i) => summary(i, 'upcoming')),
  past: Array.from({ length: 3 }, (_, i) => summary(i, 'past')),
}

let root: Root
let container: HTMLElement
let asked: URLSearchParams[]

beforeEach(async () => {
  asked = []
  sessionStorage.clear()
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://host')
      if (u.pathname !== '/api/interviews') return new Response('{}', { status: 404 })
      asked.push(u.searchParams)
      const q = u.searchParams.get('q') ?? ''
      const list = all[u.searchParams.get('tense') as 'upcoming' | 'past'].filter((iv) => iv.candidate.name.includes(q))
      const offset = Number(u.searchParams.get('offset') ?? 0)
      const limit = Number(u.searchParams.get('limit') ?? 200)
      const body = { interviews: list.slice(offset, offset + limit), total: list.length }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

async function open() {
  await act(async () => root.render(<InterviewListPage />))
  await act(async () => {})
}

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

const rows = () => container.querySelectorAll('tbody tr').length
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined

async function click(b: HTMLElement | undefined) {
  expect(b).toBeDefined()
  await act(async () => b!.click())
  await act(async () => {})
}

describe('InterviewListPage', () => {
  beforeEach(open)

  it('shows a page at a time and the rest on demand, each interview once', async () => {
    expect(rows()).toBe(FIRST_PAGE)
    expect(asked[0]?.get('limit')).toBe(String(FIRST_PAGE))
    expect(container.textContent).toContain(`Showing ${FIRST_PAGE} of 120`)
    expect(container.querySelector('caption')?.textContent).toContain('120 in all')

    await click(button(`Show ${PAGE} more`))
    expect(asked.at(-1)?.get('offset')).toBe(String(FIRST_PAGE))
    expect(asked.at(-1)?.get('limit')).toBe(String(PAGE))
    expect(rows()).toBe(FIRST_PAGE + PAGE)

    await click(button('Show 45 more'))
    expect(rows()).toBe(120)
    const names = [...container.querySelectorAll('tbody tr .cell-title')].map((a) => a.textContent)
    expect(new Set(names).size).toBe(120)
    expect(names[119]).toBe('Candidate upcoming 119')
    expect(container.textContent).not.toContain('Showing')
    expect(button('Show 45 more')).toBeUndefined()
  })

  it('starts over on another tab', async () => {
    await click(button(`Show ${PAGE} more`))
    expect(rows()).toBe(FIRST_PAGE + PAGE)
    await click(container.querySelector<HTMLElement>('#tab-past') ?? undefined)
    expect(rows()).toBe(3)
    expect(container.textContent).not.toContain('Showing')
    await click(container.querySelector<HTMLElement>('#tab-upcoming') ?? undefined)
    expect(rows()).toBe(FIRST_PAGE)
  })

  it('says when the next page could not be loaded and offers to try again', async () => {
    vi.mocked(fetch).mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch')
    })
    await click(button(`Show ${PAGE} more`))
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Could not load more interviews')
    expect(rows()).toBe(FIRST_PAGE)
    await click(button('Try again'))
    expect(rows()).toBe(FIRST_PAGE + PAGE)
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })
})

describe('the interview list on its first frame', () => {
  it('shows a screenful of the first page, and the rest of it once that frame is painted', async () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    // The page's first screen was asked for as the console started, and is in.
    requestEarly([listPath({ tense: 'upcoming', limit: FIRST_PAGE })])
    await earlyAnswersIn(1000)

    await act(async () => root.render(<InterviewListPage />))
    expect(rows()).toBe(FIRST_FRAME_ROWS)
    expect(container.textContent).toContain(`Showing ${FIRST_PAGE} of 120`)

    await act(async () => frames.forEach((f) => f(0)))
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(rows()).toBe(FIRST_PAGE)
  })

  it('commits the first frame once: nothing it mounts updates it before the frame is painted', async () => {
    // A state update from a ref or layout effect renders the whole list again
    // before the browser may paint it; React's Profiler calls that a nested update.
    const phases: string[] = []
    await act(async () =>
      root.render(
        <Profiler id="list" onRender={(_id, phase) => phases.push(phase)}>
          <InterviewListPage />
        </Profiler>,
      ),
    )
    await act(async () => {})
    expect(rows()).toBeGreaterThan(0)
    expect(container.textContent).toContain(`Show ${PAGE} more`)
    expect(phases).not.toContain('nested-update')
  })
})

describe('the Show more button near the viewport', () => {
  it('loads the next page when the button comes within reach of the viewport, and stops watching it once gone', async () => {
    // happy-dom lays nothing out, so its IntersectionObserver never finds the
    // button near: this stand-in reports what a browser's would, when the test
    // says the button is near.
    const watched = new Set<Element>()
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
          report = cb
        }
        observe(el: Element) {
          watched.add(el)
        }
        disconnect() {
          watched.clear()
        }
      },
    )
    await open()
    expect(rows()).toBe(FIRST_PAGE)
    expect([...watched].map((el) => el.textContent)).toEqual([`Show ${PAGE} more`])

    await act(async () => report?.([{ isIntersecting: true }]))
    await act(async () => {})
    expect(rows()).toBe(FIRST_PAGE + PAGE)

    await click(container.querySelector<HTMLElement>('#tab-past') ?? undefined)
    expect(rows()).toBe(3)
    expect(watched.size).toBe(0)
  })
})
