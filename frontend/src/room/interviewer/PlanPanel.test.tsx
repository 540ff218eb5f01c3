import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { parseInterviewerView, type InterviewerView } from '../protocol'
import { PlanPanel } from './PlanPanel'
import type { Act } from './useAct'
import { testRoot } from '../../ui/testRoot'

const dom = testRoot()

function view(): InterviewerView {
  const r = parseInterviewerView({
    phase: 'plan',
    topics: [
      { id: 't1', title: 'Experience', hint: 'Ask about the largest system they owned.' },
      { id: 't2', title: 'Team leadership', added: true },
      { id: 't3', title: 'Motivation', hint: 'Why this role?' },
    ],
    done: { t3: true },
  })
  if (!r.ok) throw new Error(r.error)
  return r.value
}

const render = (compact: boolean) =>
  dom.render(<PlanPanel view={view()} act={vi.fn(async () => true) as unknown as Act} onTopic={() => {}} compact={compact} />)

const hintButtons = () => [...dom.container.querySelectorAll<HTMLButtonElement>('button[aria-controls]')]
const hintOf = (b: HTMLButtonElement) => dom.container.querySelector<HTMLElement>(`[id="${b.getAttribute('aria-controls')}"]`)!

describe('PlanPanel topic hints', () => {
  it('shows the template’s hint under its topic in the plan, and folds it on request', () => {
    render(false)
    const [toggle, covered, ...others] = hintButtons()
    expect(others).toEqual([]) // a topic added live has no hint
    expect(toggle!.getAttribute('aria-label')).toBe('Hint for Experience')
    // A covered topic's hint is folded.
    expect(covered!.getAttribute('aria-label')).toBe('Hint for Motivation')
    expect(hintOf(covered!).hidden).toBe(true)
    expect(toggle!.getAttribute('aria-expanded')).toBe('true')
    const hint = hintOf(toggle!)
    expect(hint.textContent).toBe('Ask about the largest system they owned.')
    expect(hint.hidden).toBe(false)
    // The hint is no part of the checkbox's name.
    expect(dom.container.querySelector('label')!.textContent).toBe('Experience')

    act(() => toggle!.click())
    expect(toggle!.getAttribute('aria-expanded')).toBe('false')
    expect(hintOf(toggle!).hidden).toBe(true)
  })

  it('keeps hints folded in the compact plan until asked', () => {
    render(true)
    const [toggle, covered] = hintButtons()
    expect(hintOf(covered!).hidden).toBe(true)
    expect(toggle!.getAttribute('aria-expanded')).toBe('false')
    expect(hintOf(toggle!).hidden).toBe(true)
    act(() => toggle!.click())
    expect(hintOf(toggle!).hidden).toBe(false)
  })
})
