import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNow } from './useNow'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function Clock({ every, running }: { every: number; running: boolean }) {
  return <p>{useNow(every, running).toISOString()}</p>
}

describe('useNow', () => {
  let root: Root
  let container: HTMLElement
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'))
    container = document.createElement('div')
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    vi.useRealTimers()
  })

  const shown = () => container.textContent
  const tick = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms))

  it('moves on every period while running, and stands still when stopped', async () => {
    await act(async () => root.render(<Clock every={500} running />))
    expect(shown()).toBe('2026-11-24T10:00:00.000Z')
    await tick(499)
    expect(shown()).toBe('2026-11-24T10:00:00.000Z')
    await tick(1)
    expect(shown()).toBe('2026-11-24T10:00:00.500Z')
    await act(async () => root.render(<Clock every={500} running={false} />))
    await tick(5000)
    expect(shown()).toBe('2026-11-24T10:00:00.500Z')
    await act(async () => root.render(<Clock every={500} running />))
    await tick(500)
    expect(shown()).toBe('2026-11-24T10:00:06.000Z')
  })
})
