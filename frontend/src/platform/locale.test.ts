import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentLocale, dateTimeFormat, FALLBACK_LOCALE, resetLocaleCache, resolveLocale, validLocale } from './locale'
import { formatDateTime } from './time'

describe('validLocale', () => {
  it.each([
    ['C', undefined],
    ['C.UTF-8', undefined],
    ['POSIX', undefined],
    ['', undefined],
    ['en_US.UTF-8', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    ['de-de', 'de-DE'],
    ['en-US', 'en-US'],
    ['x', undefined],
    ['not a locale', undefined],
  ])('%j → %j', (tag, want) => {
    expect(validLocale(tag)).toBe(want)
  })

  it('rejects non-strings', () => {
    expect(validLocale(undefined)).toBeUndefined()
    expect(validLocale(null)).toBeUndefined()
  })
})

describe('resolveLocale', () => {
  it('falls back to en-US when nothing is valid', () => {
    expect(resolveLocale(['C', undefined, ''])).toBe('en-US')
    expect(FALLBACK_LOCALE).toBe('en-US')
  })

  it('takes the first valid candidate', () => {
    expect(resolveLocale(['C', 'fr_FR.UTF-8', 'de-DE'])).toBe('fr-FR')
  })
})

describe('currentLocale in a webview started with LANG=C.UTF-8', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    resetLocaleCache()
  })

  it('uses en-US and formats dates instead of throwing', () => {
    vi.stubGlobal('navigator', { language: 'C', languages: [] })
    resetLocaleCache()
    expect(() => new Intl.DateTimeFormat('C')).toThrow(RangeError)
    expect(currentLocale()).toBe('en-US')
    expect(dateTimeFormat({ year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-11-25T10:00:00Z'))).toBe('2026')
    expect(formatDateTime('2026-11-25T10:00:00Z', 'UTC').replace(/\s/g, ' ')).toBe('Wed, Nov 25, 2026, 10:00 AM UTC')
  })

  it('uses the browser language when it is valid', () => {
    vi.stubGlobal('navigator', { language: 'de-DE', languages: ['de-DE', 'en-US'] })
    resetLocaleCache()
    expect(currentLocale()).toBe('de-DE')
    expect(formatDateTime('2026-11-25T10:00:00Z', 'UTC')).toContain('25. Nov. 2026')
  })
})
