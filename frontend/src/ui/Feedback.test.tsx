import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError, NetworkError } from '../api/client'
import { LoadError } from './Feedback'
import { testRoot } from './testRoot'

const dom = testRoot()

const render = (error: unknown, onRetry = () => {}) =>
  dom.render(<LoadError error={error} onRetry={onRetry} what="interviews" />)

describe('LoadError', () => {
  it('without a sign-in, tells how to get a new sign-in link and retries', () => {
    const onRetry = vi.fn()
    render(new ApiError(401, 'unauthorized', 'This console is not signed in.'), onRetry)
    const panel = dom.container.querySelector('[role="alert"]')!
    expect(panel.querySelector('h2')?.textContent).toBe('This console is not signed in')
    expect(panel.querySelector('pre')?.textContent).toBe('interviewdesk console link')
    expect(panel.textContent).toContain('run this on the machine that runs the host')
    expect(panel.textContent).toContain('--data DIR')
    act(() => panel.querySelector('button')!.click())
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('other failures say what could not load, with the host’s message', () => {
    render(new ApiError(500, 'internal', 'Disk full.'))
    expect(dom.container.querySelector('h2')?.textContent).toBe('Could not load interviews')
    expect(dom.container.textContent).toContain('Disk full.')
    expect(dom.container.textContent).not.toContain('console link')
    render(new NetworkError())
    expect(dom.container.querySelector('h2')?.textContent).toBe('Cannot reach the InterviewDesk host')
  })
})
