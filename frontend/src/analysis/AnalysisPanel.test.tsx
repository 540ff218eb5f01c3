import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Interview } from '../api/types'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import { testRoot } from '../ui/testRoot'
import AnalysisPanel from './AnalysisPanel'
import { done } from './analysisFixture'

const dom = testRoot()
const iv = { id: 'iv1', status: 'finished', candidate: { name: 'Olivia Diaz', email: 'o@example.com' } } as unknown as Interview

afterEach(() => vi.unstubAllGlobals())

type Reply = { status: number; body: unknown }

async function render(...replies: Reply[]) {
  const calls: { method: string; url: string }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ method: init?.method ?? 'GET', url })
      const r = replies[Math.min(calls.length - 1, replies.length - 1)]!
      return new Response(JSON.stringify(r.body), { status: r.status })
    }),
  )
  const push = fakePush()
  dom.render(
    <PushContext.Provider value={push.client}>
      <AnalysisPanel interview={iv} />
    </PushContext.Provider>,
  )
  await act(async () => {})
  return { el: dom.container, calls, push }
}

describe('AnalysisPanel (the interview page’s summary)', () => {
  it('says there is no analysis yet, offers to run it and shows its progress', async () => {
    const { el, calls } = await render(
      { status: 404, body: { error: { code: 'not_found', message: 'this interview has no analysis yet' } } },
      { status: 202, body: { ...done, status: 'running', step: 'Transcribing Olivia Diaz (1 of 2)', progress: 0.25 } },
    )
    expect(el.textContent).toContain('No analysis yet')
    const run = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Run the analysis')!
    await act(async () => run.click())
    expect(calls[1]!.method).toBe('POST')
    expect(el.querySelector('label')?.textContent).toBe('Transcribing Olivia Diaz (1 of 2)')
    expect(el.querySelector('progress')?.value).toBe(0.25)
  })

  it('shows the final score beside the interviewers’ rating and leads to the report', async () => {
    const { el, calls, push } = await render({ status: 200, body: done }, { status: 200, body: { ...done, overall: { ...done.overall, score: 4 } } })
    const figures = [...el.querySelectorAll('.score-figure')].map((f) => f.textContent)
    expect(figures[0]).toContain('Final score2.5 / 5AI score over 1 answer')
    expect(figures[1]).toContain('Interviewers’ rating3.0 / 5')
    expect(el.textContent).toContain('Question 1: missed scheduled by the runtime')
    const link = [...el.querySelectorAll('a')].find((a) => a.textContent === 'Open the full report')!
    expect(link.getAttribute('href')).toBe('#/interviews/iv1/report')
    // A change pushed by the host (an override elsewhere) reloads it.
    await act(async () => push.emit({ type: 'analysis', interviewId: 'iv1' }))
    expect(calls).toHaveLength(2)
    expect(el.querySelector('.score-figure')?.textContent).toContain('4.0 / 5')
  })

  it('says so when the candidate declined AI analysis', async () => {
    const { el } = await render({ status: 200, body: { ...done, status: 'declined', answers: [], transcript: [] } })
    expect(el.textContent).toContain('The candidate declined AI analysis')
    expect(el.querySelector('.score-figure')).toBeNull()
  })
})
