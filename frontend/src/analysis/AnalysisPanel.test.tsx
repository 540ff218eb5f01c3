import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Analysis } from '../api/analysis'
import type { Interview } from '../api/types'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import AnalysisPanel from './AnalysisPanel'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const iv = { id: 'iv1', status: 'finished', candidate: { name: 'Olivia Diaz', email: 'o@example.com' } } as unknown as Interview
let root: Root | undefined
let container: HTMLElement | undefined
let push: ReturnType<typeof fakePush>

afterEach(() => {
  if (root) act(() => root!.unmount())
  container?.remove()
  vi.unstubAllGlobals()
})

const done: Analysis = {
  interviewId: 'iv1',
  status: 'done',
  step: 'Done',
  progress: 1,
  engines: { transcription: 'PocketSphinx', transcriptionQuality: 'Expect many wrong words.', scoring: 'offline' },
  transcript: [{ at: '2026-12-01T10:00:15Z', offsetMs: 15000, endMs: 20000, speaker: 'Olivia Diaz', role: 'candidate', text: 'a lightweight thread', question: 0 }],
  talkTime: [{ speaker: 'Olivia Diaz', role: 'candidate', ms: 20000 }],
  answers: [
    {
      index: 0,
      question: 'What is a goroutine?',
      answer: 'a lightweight thread',
      score: 2.5,
      covered: [{ text: 'lightweight thread', evidence: 'a lightweight thread' }],
      missed: [{ text: 'scheduled by the runtime' }],
      comment: 'Half of the key points.',
      rating: 3,
    },
  ],
  overall: { score: 2.5, rating: 3, answered: 1, strengths: [], concerns: [] },
}

type Reply = { status: number; body: unknown }

async function render(...replies: Reply[]) {
  const calls: { method: string; url: string; body?: string }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ method: init?.method ?? 'GET', url, ...(typeof init?.body === 'string' ? { body: init.body } : {}) })
      const r = replies[Math.min(calls.length - 1, replies.length - 1)]!
      return new Response(JSON.stringify(r.body), { status: r.status })
    }),
  )
  push = fakePush()
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () =>
    root!.render(
      <PushContext.Provider value={push.client}>
        <AnalysisPanel interview={iv} />
      </PushContext.Provider>,
    ),
  )
  await act(async () => {})
  return { el: container, calls }
}

describe('AnalysisPanel', () => {
  it('says there is no analysis yet and offers to run it', async () => {
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

  it('shows scores with evidence and saves an override', async () => {
    const overridden = { ...done, answers: [{ ...done.answers[0]!, override: { score: 4, by: 'Alex', at: '2026-12-01T11:00:00Z', reason: 'good follow-up' } }], overall: { ...done.overall, score: 4 } }
    const { el, calls } = await render({ status: 200, body: done }, { status: 200, body: overridden })
    expect(el.textContent).toContain('AI score 2.5 / 5')
    expect(el.textContent).toContain('lightweight thread')
    expect(el.querySelector('.point-evidence')?.textContent).toBe('a lightweight thread')
    expect(el.textContent).toContain('scheduled by the runtime')
    expect(el.textContent).toContain('Expect many wrong words.')
    const open = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Override the score')!
    await act(async () => open.click())
    const input = el.querySelector<HTMLInputElement>('input[type="number"]')!
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      set.call(input, '4')
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await act(async () => el.querySelector<HTMLFormElement>('.override-form')!.requestSubmit())
    expect(calls[1]!.method).toBe('PUT')
    expect(calls[1]!.url).toContain('/analysis/answers/1/override')
    expect(JSON.parse(calls[1]!.body!)).toEqual({ score: 4 })
    expect(el.textContent).toContain('4.0 / 5 by Alex')
  })
})
