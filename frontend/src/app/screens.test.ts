import { describe, expect, it } from 'vitest'
import { preloadScreens, type WhenIdle } from './screens'

/** Idle callbacks the test runs by hand. */
function idleQueue() {
  const waiting: (() => void)[] = []
  const idle: WhenIdle = (cb) => {
    waiting.push(cb)
    return () => waiting.splice(waiting.indexOf(cb), 1)
  }
  const flush = () => new Promise((r) => setTimeout(r, 0))
  return { idle, waiting, flush }
}

function screen(log: string[], name: string, fails = false) {
  return {
    preload: () => {
      log.push(name)
      return fails ? Promise.reject(new Error('gone')) : Promise.resolve()
    },
  }
}

describe('preloadScreens', () => {
  it('loads one screen per idle moment, each after the one before, failures included', async () => {
    const log: string[] = []
    const q = idleQueue()
    preloadScreens([screen(log, 'a'), screen(log, 'b', true), screen(log, 'c')], q.idle)
    expect(log).toEqual([]) // nothing before the browser is idle
    expect(q.waiting).toHaveLength(1)
    q.waiting.shift()!()
    expect(log).toEqual(['a'])
    expect(q.waiting).toHaveLength(0) // the next waits for this one to finish
    await q.flush()
    q.waiting.shift()!()
    await q.flush()
    q.waiting.shift()!()
    await q.flush()
    expect(log).toEqual(['a', 'b', 'c'])
    expect(q.waiting).toHaveLength(0)
  })

  it('stops when asked, also between two screens', async () => {
    const log: string[] = []
    const q = idleQueue()
    const stop = preloadScreens([screen(log, 'a'), screen(log, 'b')], q.idle)
    q.waiting.shift()!()
    stop()
    await q.flush()
    expect(q.waiting).toHaveLength(0)
    expect(log).toEqual(['a'])
  })
})
