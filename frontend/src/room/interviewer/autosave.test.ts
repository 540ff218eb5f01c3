import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosave, type SaveStatus } from './autosave'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function setup(save: (v: string) => Promise<void>, extra: Partial<ConstructorParameters<typeof Autosave<string>>[0]> = {}) {
  const statuses: SaveStatus['kind'][] = []
  const a = new Autosave<string>({ save, delayMs: 800, onStatus: (s) => statuses.push(s.kind), now: () => 42, ...extra })
  return { a, statuses }
}

describe('Autosave', () => {
  it('waits for 800 ms of quiet, then saves the latest value once', async () => {
    const save = vi.fn(async () => {})
    const { a, statuses } = setup(save)
    a.change('a')
    await vi.advanceTimersByTimeAsync(500)
    a.change('ab')
    await vi.advanceTimersByTimeAsync(500)
    a.change('abc')
    await vi.advanceTimersByTimeAsync(799)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('abc')
    expect(a.status).toEqual({ kind: 'saved', at: 42 })
    expect(a.dirty).toBe(false)
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'saving', 'saved'])
  })

  it('runs one save at a time and saves a change made during a save afterwards', async () => {
    let finish: () => void = () => {}
    const save = vi.fn(() => new Promise<void>((r) => (finish = r)))
    const { a } = setup(save)
    a.change('one')
    await vi.advanceTimersByTimeAsync(800)
    expect(save).toHaveBeenCalledTimes(1)
    a.change('two')
    await vi.advanceTimersByTimeAsync(800)
    expect(save).toHaveBeenCalledTimes(1) // still in flight
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledTimes(2)
    expect(save).toHaveBeenLastCalledWith('two')
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(a.dirty).toBe(false)
    expect(a.status.kind).toBe('saved')
  })

  it('retries a failed save with backoff until it works', async () => {
    let fail = 2
    const save = vi.fn(async () => {
      if (fail-- > 0) throw new Error('Not connected to the interview host.')
    })
    const { a } = setup(save, { retryDelayMs: (n) => 1000 * 2 ** n })
    a.change('x')
    await vi.advanceTimersByTimeAsync(800)
    expect(a.status).toEqual({ kind: 'error', message: 'Not connected to the interview host.', retrying: true })
    await vi.advanceTimersByTimeAsync(999)
    expect(save).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).toHaveBeenCalledTimes(3)
    expect(a.status.kind).toBe('saved')
  })

  it('does not retry what the host refused', async () => {
    const save = vi.fn(async () => {
      throw new Error('notes have at most 50000 characters')
    })
    const { a } = setup(save, { retryable: () => false })
    a.change('x')
    await vi.advanceTimersByTimeAsync(800)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(save).toHaveBeenCalledTimes(1)
    expect(a.status).toEqual({ kind: 'error', message: 'notes have at most 50000 characters', retrying: false })
    expect(a.dirty).toBe(true)
  })

  it('flush saves at once (e.g. on reconnect or blur); a clean autosave does nothing', async () => {
    const save = vi.fn(async () => {})
    const { a } = setup(save)
    await a.flush()
    expect(save).not.toHaveBeenCalled()
    a.change('now')
    await a.flush()
    expect(save).toHaveBeenCalledWith('now')
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('saves nothing after dispose', async () => {
    const save = vi.fn(async () => {})
    const { a } = setup(save)
    a.change('x')
    a.dispose()
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).not.toHaveBeenCalled()
  })
})
