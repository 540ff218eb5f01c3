import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OutputBatch } from './outputBatch'
import type { OutputStream } from './types'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('OutputBatch', () => {
  it('merges chunks of one stream and delivers them once the interval has passed, keeping the order of streams', () => {
    const got: [OutputStream, string][] = []
    const batch = new OutputBatch((s, t) => got.push([s, t]), 50)
    batch.add('stdout', 'a')
    batch.add('stdout', 'b')
    batch.add('stderr', 'E')
    batch.add('stdout', 'c')
    batch.add('stdout', '')
    vi.advanceTimersByTime(49)
    expect(got).toEqual([])
    vi.advanceTimersByTime(1)
    expect(got).toEqual([
      ['stdout', 'ab'],
      ['stderr', 'E'],
      ['stdout', 'c'],
    ])
  })

  it('flush() delivers what is pending at once, and nothing twice', () => {
    const got: string[] = []
    const batch = new OutputBatch((_, t) => got.push(t), 50)
    batch.add('stdout', 'x')
    batch.flush()
    vi.advanceTimersByTime(100)
    batch.flush()
    expect(got).toEqual(['x'])
  })
})
