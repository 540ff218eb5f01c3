import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import type { Interview } from '../api/types'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import { ResultsLinksCard } from './ResultsLinksCard'

const view = testRoot()
afterEach(() => vi.unstubAllGlobals())

const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)

describe('results links', () => {
  it('closes them after a confirmation', async () => {
    const iv = { id: 'iv1', resultsClosed: false } as Interview
    const fetch = stubFetch(() => json(200, { ...iv, resultsClosed: true }))
    let shown = iv
    const render = () =>
      view.render(
        <ToastProvider>
          <ResultsLinksCard interview={shown} onChange={(next) => ((shown = next), render())} />
        </ToastProvider>,
      )
    render()
    expect(view.container.textContent).toContain('also without an account')
    await act(async () => button('Close results links')!.click())
    expect(document.querySelector('dialog')?.textContent).toContain('cannot be undone')
    expect(fetch).not.toHaveBeenCalled()
    const confirm = [...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Close results links') as HTMLButtonElement
    await act(async () => confirm.click())
    await act(async () => {})
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/interviews/iv1/results-links')
    expect(fetch.mock.calls[0]?.[1].method).toBe('DELETE')
    expect(view.container.textContent).toContain('Closed: interviewers without an account can no longer read these results.')
  })
})
