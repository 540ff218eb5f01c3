import { act, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Analysis } from '../api/analysis'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { done } from './analysisFixture'
import { AnswerCard } from './AnswerCard'

const dom = testRoot()
afterEach(() => vi.unstubAllGlobals())

const setValue = (input: HTMLInputElement, v: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}
const button = (name: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === name)!

describe('AnswerCard', () => {
  it('shows the score with the words that covered each key point, and what was missed', () => {
    dom.render(<AnswerCard ans={done.answers[0]!} interviewId="iv1" onChange={() => {}} />)
    const el = dom.container
    expect(el.querySelector('.answer-score')?.textContent).toBe('AI score 2.5 / 5')
    expect(el.querySelector('.point-covered')?.textContent).toBe('✓ lightweight threada lightweight thread')
    expect(el.querySelector('.point-evidence')?.textContent).toBe('a lightweight thread')
    expect(el.querySelector('.point-missed')?.textContent).toBe('✗ scheduled by the runtime')
    expect(el.textContent).toContain('Half of the key points.')
  })

  it('saves an override with its reason and shows it with its author, the engine’s score struck through', async () => {
    const overridden: Analysis = {
      ...done,
      answers: [{ ...done.answers[0]!, override: { score: 4, by: 'Alex Recruiter', at: '2026-12-01T11:00:00Z', reason: 'good follow-up' } }],
    }
    const fetch = stubFetch(() => json(200, overridden))
    const changed = vi.fn()
    function Card() {
      const [a, setA] = useState(done)
      return <AnswerCard ans={a.answers[0]!} interviewId="iv1" onChange={(x) => (changed(x), setA(x))} />
    }
    dom.render(<Card />)
    await act(async () => button('Override the score').click())
    const [score, reason] = dom.container.querySelectorAll<HTMLInputElement>('.override-form input')
    await act(async () => setValue(score!, ''))
    await act(async () => dom.container.querySelector<HTMLFormElement>('.override-form')!.requestSubmit())
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toBe('Enter a score from 0 to 5.')
    expect(fetch).not.toHaveBeenCalled()
    await act(async () => {
      setValue(score!, '4')
      setValue(reason!, ' good follow-up ')
    })
    await act(async () => dom.container.querySelector<HTMLFormElement>('.override-form')!.requestSubmit())
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toContain('/api/interviews/iv1/analysis/answers/1/override')
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body as string)).toEqual({ score: 4, reason: 'good follow-up' })
    expect(changed).toHaveBeenCalledWith(overridden)
    expect(dom.container.querySelector('.answer-score-replaced')?.textContent).toBe('AI score 2.5 / 5')
    expect(dom.container.querySelector('.answer-score')?.textContent).toBe('4.0 / 5 by Alex Recruiter (“good follow-up”)')
    expect(dom.container.querySelector('.override-form')).toBeNull()
  })
})
