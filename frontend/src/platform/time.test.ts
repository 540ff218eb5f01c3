import { describe, expect, it } from 'vitest'
import {
  defaultTimeZone,
  formatDate,
  formatDateTime,
  formatTime,
  formatDuration,
  instantToWall,
  isValidTimeZone,
  knownZone,
  parseWall,
  relativeLabel,
  timeZones,
  wallTimeToInstant,
  zoneOffsetMinutes,
} from './time'

describe('wallTimeToInstant', () => {
  it.each([
    ['2026-11-25T10:00', 'Europe/Berlin', '2026-11-25T09:00:00.000Z'], // CET, +1
    ['2026-07-01T10:00', 'Europe/Berlin', '2026-07-01T08:00:00.000Z'], // CEST, +2
    ['2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'], // EST, -5
    ['2026-07-15T09:30', 'America/New_York', '2026-07-15T13:30:00.000Z'], // EDT, -4
    ['2026-11-25T10:00', 'Asia/Kolkata', '2026-11-25T04:30:00.000Z'], // +5:30
    ['2026-11-25T10:00', 'UTC', '2026-11-25T10:00:00.000Z'],
    ['2026-12-31T23:59', 'Pacific/Auckland', '2026-12-31T10:59:00.000Z'], // NZDT +13
  ])('%s in %s is %s', (wall, zone, want) => {
    expect(wallTimeToInstant(wall, zone)?.toISOString()).toBe(want)
  })

  it('puts a time inside a spring-forward gap just after the gap', () => {
    // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00).
    expect(wallTimeToInstant('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('rejects malformed input and unknown zones', () => {
    expect(wallTimeToInstant('2026-02-30T10:00', 'UTC')).toBeUndefined()
    expect(wallTimeToInstant('2026-11-25 10:00', 'UTC')).toBeUndefined()
    expect(wallTimeToInstant('2026-11-25T24:00', 'UTC')).toBeUndefined()
    expect(wallTimeToInstant('2026-11-25T10:00', 'Mars/Olympus')).toBeUndefined()
  })
})

describe('instantToWall', () => {
  it('gives the wall date and time in the zone', () => {
    expect(instantToWall('2026-11-25T23:30:00Z', 'Asia/Tokyo')).toEqual({ date: '2026-11-26', time: '08:30' })
    expect(instantToWall('2026-11-25T00:15:00Z', 'America/Los_Angeles')).toEqual({ date: '2026-11-24', time: '16:15' })
  })

  it('round-trips with wallTimeToInstant', () => {
    for (const zone of ['Europe/London', 'Australia/Sydney', 'America/Sao_Paulo']) {
      const at = wallTimeToInstant('2026-06-10T14:45', zone)!
      const { date, time } = instantToWall(at, zone)
      expect(`${date}T${time}`).toBe('2026-06-10T14:45')
    }
  })
})

describe('zones', () => {
  it('knows valid zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Nowhere/Special')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })

  it('offers a list that includes UTC', () => {
    const zones = timeZones()
    expect(zones).toContain('UTC')
    expect(zones).toContain('Europe/Berlin')
  })

  it('defaults to the browser zone, then the setting, then UTC', () => {
    expect(defaultTimeZone('Europe/Berlin', 'Asia/Tokyo')).toBe('Asia/Tokyo')
    expect(defaultTimeZone('Europe/Berlin', 'Bad/Zone')).toBe('Europe/Berlin')
    expect(defaultTimeZone('Also/Bad', undefined)).toBe('UTC')
  })

  it('computes offsets', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-11-25T10:00:00Z'), 'Asia/Kolkata')).toBe(330)
    expect(zoneOffsetMinutes(Date.parse('2026-07-01T10:00:00Z'), 'America/New_York')).toBe(-240)
  })

  it('parses wall times strictly', () => {
    expect(parseWall('2028-02-29T00:00')).toEqual({ year: 2028, month: 2, day: 29, hour: 0, minute: 0 })
    expect(parseWall('2027-02-29T00:00')).toBeUndefined()
  })
})

describe('display', () => {
  it('shows an instant in the interview zone and in the viewer zone', () => {
    const iso = '2026-11-25T09:00:00Z'
    // ICU versions differ in the space before AM/PM (U+202F or U+0020).
    const show = (zone: string, locale: string) => formatDateTime(iso, zone, locale).replace(/\s/g, ' ')
    expect(show('Europe/Berlin', 'en-US')).toBe('Wed, Nov 25, 2026, 10:00 AM GMT+1')
    expect(show('America/New_York', 'en-US')).toBe('Wed, Nov 25, 2026, 4:00 AM EST')
    expect(show('Asia/Tokyo', 'en-GB')).toBe('Wed, 25 Nov 2026, 18:00 GMT+9')
  })

  it.each(['posixrules', 'Factory', 'right/UTC', 'posix/Europe/Berlin'])(
    'shows an interview stored in %s (a zone browsers do not know) in the viewer zone instead of throwing',
    (zone) => {
      const iso = '2026-11-25T09:00:00Z'
      expect(knownZone(zone)).toBeUndefined()
      expect(formatDateTime(iso, zone, 'en-US')).toBe(formatDateTime(iso, undefined, 'en-US'))
      expect(formatDate(iso, zone, 'en-US')).toBe(formatDate(iso, undefined, 'en-US'))
      expect(formatTime(iso, zone, 'en-US')).toBe(formatTime(iso, undefined, 'en-US'))
      expect(instantToWall(iso, zone)).toEqual({ date: '2026-11-25', time: '09:00' })
    },
  )

  it('formats durations', () => {
    expect(formatDuration(45)).toBe('45 min')
    expect(formatDuration(60)).toBe('1 h')
    expect(formatDuration(90)).toBe('1 h 30 min')
  })
})

describe('relativeLabel', () => {
  const now = new Date('2026-11-25T12:00:00Z')
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000)
  it.each([
    [20, 'now'],
    [-20, 'now'],
    [5 * 60, 'in 5 minutes'],
    [-1 * 60, '1 minute ago'],
    [3 * 3600, 'in 3 hours'],
    [-3 * 3600, '3 hours ago'],
    [24 * 3600, 'tomorrow'],
    [-24 * 3600, 'yesterday'],
    [2 * 24 * 3600, 'in 2 days'],
    [2 * 24 * 3600 + 5 * 3600, 'in 2 days'],
    [10 * 24 * 3600, 'in 10 days'],
    [21 * 24 * 3600, 'in 3 weeks'],
    [60 * 24 * 3600, 'in 2 months'],
    [-400 * 24 * 3600, 'last year'],
  ])('%i s → %s', (seconds, want) => {
    expect(relativeLabel(at(seconds), now, 'en-US')).toBe(want)
  })

  it('accepts ISO strings and other locales', () => {
    expect(relativeLabel('2026-11-27T12:00:00Z', now, 'de-DE')).toBe('übermorgen')
  })
})
