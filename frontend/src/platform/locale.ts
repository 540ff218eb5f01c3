// The one place that picks the locale for Intl formatting.
//
// In the Wails webview with LANG=C.UTF-8, navigator.language is "C" and
// `new Intl.DateTimeFormat("C")` throws a RangeError (PLATFORM.md): a blank
// screen if unguarded. Every date and number formatter goes through here.

export const FALLBACK_LOCALE = 'en-US'

/**
 * Returns the canonical BCP 47 form of a locale tag, or undefined when it is not
 * one. POSIX spellings are mended first ("en_US.UTF-8" → "en-US"); "C" and
 * "POSIX" are not languages.
 */
export function validLocale(tag: string | null | undefined): string | undefined {
  if (typeof tag !== 'string') return undefined
  const mended = tag.trim().split(/[.@]/, 1)[0]?.replace(/_/g, '-') ?? ''
  if (mended === '' || mended === 'C' || mended.toUpperCase() === 'POSIX') return undefined
  try {
    const [canonical] = Intl.getCanonicalLocales(mended)
    return canonical
  } catch {
    return undefined
  }
}

/** The first valid tag among the candidates, else FALLBACK_LOCALE. */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): string {
  for (const c of candidates) {
    const v = validLocale(c)
    if (v) return v
  }
  return FALLBACK_LOCALE
}

let cached: string | undefined

/** The viewer's locale, validated (see resolveLocale). */
export function currentLocale(): string {
  if (cached === undefined) {
    const nav = typeof navigator === 'undefined' ? undefined : navigator
    cached = resolveLocale([...(nav?.languages ?? []), nav?.language])
  }
  return cached
}

// Formatters are costly to build (a list of 50 rows would build 150), so each
// locale and set of options builds one, once.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()

/** For tests. */
export function resetLocaleCache(): void {
  cached = undefined
  dateFormats.clear()
  relativeFormats.clear()
}

export function dateTimeFormat(options: Intl.DateTimeFormatOptions, locale = currentLocale()): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`
  let f = dateFormats.get(key)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options)
    } catch {
      f = new Intl.DateTimeFormat(FALLBACK_LOCALE, options)
    }
    dateFormats.set(key, f)
  }
  return f
}

export function relativeTimeFormat(locale = currentLocale()): Intl.RelativeTimeFormat {
  let f = relativeFormats.get(locale)
  if (!f) {
    try {
      f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    } catch {
      f = new Intl.RelativeTimeFormat(FALLBACK_LOCALE, { numeric: 'auto' })
    }
    relativeFormats.set(locale, f)
  }
  return f
}
