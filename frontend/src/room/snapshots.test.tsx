import { act, useSyncExternalStore } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { testRoot } from '../ui/testRoot'
import { Snapshots } from './snapshots'

const ui = testRoot()

type Count = { n: number; label: string }

class Counter extends Snapshots<Count> {
  constructor() {
    super({ n: 0, label: 'none' })
  }
  bump(): void {
    this.set({ n: this.snap.n + 1 })
  }
}

describe('Snapshots', () => {
  it('keeps one snapshot until a change replaces it with the patch applied', () => {
    const c = new Counter()
    const first = c.getSnapshot()
    expect(c.getSnapshot()).toBe(first) // useSyncExternalStore needs the same object while nothing changed
    c.bump()
    const second = c.getSnapshot()
    expect(second).not.toBe(first)
    expect(second).toEqual({ n: 1, label: 'none' })
    expect(first).toEqual({ n: 0, label: 'none' }) // the earlier snapshot is not changed
  })

  it('tells each subscriber of every change until it unsubscribes', () => {
    const c = new Counter()
    const a = vi.fn()
    const b = vi.fn()
    const offA = c.subscribe(a)
    c.subscribe(b)
    c.bump()
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(1)
    offA()
    c.bump()
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(2)
  })

  it('renders each new snapshot through useSyncExternalStore', () => {
    const c = new Counter()
    function Shown() {
      const s = useSyncExternalStore(c.subscribe, c.getSnapshot)
      return <p>{s.n}</p>
    }
    ui.render(<Shown />)
    expect(ui.container.textContent).toBe('0')
    act(() => c.bump())
    expect(ui.container.textContent).toBe('1')
  })
})
