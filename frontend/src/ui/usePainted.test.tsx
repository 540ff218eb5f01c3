import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { usePainted } from './usePainted'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function Shows() {
  return <p>{usePainted() ? 'painted' : 'first frame'}</p>
}

describe('usePainted', () => {
  let root: Root
  let container: HTMLElement
  let frames: FrameRequestCallback[]
  beforeEach(() => {
    vi.useFakeTimers()
    frames = []
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    container = document.createElement('div')
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('is false through the first frame and true once it has been painted', async () => {
    await act(async () => root.render(<Shows />))
    expect(container.textContent).toBe('first frame')
    expect(frames).toHaveLength(1)
    await act(async () => frames.shift()!(0)) // the frame is being made: not painted yet
    expect(container.textContent).toBe('first frame')
    await act(async () => vi.runOnlyPendingTimersAsync()) // the task after it
    expect(container.textContent).toBe('painted')
  })
})
