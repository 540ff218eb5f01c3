import { describe, expect, it } from 'vitest'
import { countdown } from './countdown'

const at = '2026-11-24T15:00:00Z'
const now = (iso: string) => new Date(iso)

describe('countdown', () => {
  it('ticks mm:ss in the last hour', () => {
    expect(countdown(at, now('2026-11-24T14:55:01Z'), 'en-US')).toBe('Starts in 04:59')
    expect(countdown(at, now('2026-11-24T14:00:00Z'), 'en-US')).toBe('Starts in 60:00')
  })

  it('is relative further out', () => {
    expect(countdown(at, now('2026-11-24T12:00:00Z'), 'en-US')).toBe('Starts in 3 hours')
    expect(countdown(at, now('2026-11-23T15:00:00Z'), 'en-US')).toBe('Starts tomorrow')
  })

  it('says starting now around the start, and how long ago after it', () => {
    expect(countdown(at, now('2026-11-24T15:00:30Z'), 'en-US')).toBe('Starting now')
    expect(countdown(at, now('2026-11-24T15:05:00Z'), 'en-US')).toBe('Started 5 minutes ago')
  })

  it('is empty for a bad date', () => {
    expect(countdown('nope', new Date(), 'en-US')).toBe('')
  })
})
