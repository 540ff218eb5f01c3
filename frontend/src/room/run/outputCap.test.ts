import { describe, expect, it } from 'vitest'
import { OutputCap, prefixWithin } from './outputCap'

describe('OutputCap', () => {
  it('passes output through until the limit, cuts the chunk that crosses it, then drops everything', () => {
    const cap = new OutputCap(10)
    expect(cap.take('hello ')).toBe('hello ')
    expect(cap.truncated).toBe(false)
    expect(cap.take('world!')).toBe('worl')
    expect(cap.truncated).toBe(true)
    expect(cap.take('more')).toBe('')
    expect(cap.usedBytes).toBe(10)
  })

  it('counts UTF-8 bytes and never splits a character', () => {
    const cap = new OutputCap(7)
    expect(cap.take('é')).toBe('é') // 2 bytes
    expect(cap.take('😀😀')).toBe('😀') // 4 bytes each: the second does not fit
    expect(cap.usedBytes).toBe(6)
    expect(cap.truncated).toBe(true)
  })

  it('is not truncated when the output fills the limit exactly', () => {
    const cap = new OutputCap(3)
    expect(cap.take('abc')).toBe('abc')
    expect(cap.take('')).toBe('')
    expect(cap.truncated).toBe(false)
  })
})

describe('prefixWithin', () => {
  it.each([
    ['abc', 2, 2, 2],
    ['€uro', 3, 1, 3], // € is 3 bytes
    ['€uro', 2, 0, 0],
    ['a😀b', 4, 1, 1],
    ['a😀b', 5, 3, 5],
    ['\ud800x', 4, 2, 4], // a lone surrogate counts as 3 bytes (U+FFFD)
  ])('%j within %i bytes: %i UTF-16 units, %i bytes', (text, budget, end, bytes) => {
    expect(prefixWithin(text, budget)).toEqual({ end, bytes })
  })
})
