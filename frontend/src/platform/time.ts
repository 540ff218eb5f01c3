// Date, time and time-zone helpers. Interviews are scheduled as a local wall time
// ("YYYY-MM-DDTHH:MM") in an IANA zone; the host stores the UTC instant.

import { dateTimeFormat, relativeTimeFormat } from './locale'

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Warsaw',
  'Europe/Kyiv',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
]

export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** IANA zones for a picker: Intl's own list when it has one, else a short list; always with UTC. */
export function timeZones(): string[] {
  let zones: string[] = []
  try {
    const sv = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf
    if (sv) zones = sv('timeZone')
  } catch {
    zones = []
  }
  if (zones.length === 0) zones = FALLBACK_ZONES.filter(isValidTimeZone)
  if (!zones.includes('UTC')) zones = ['UTC', ...zones]
  return zones
}

/** The zone the viewer's system resolves to, if Intl knows it. */
export function browserTimeZone(): string | undefined {
  try {
    const z = new Intl.DateTimeFormat().resolvedOptions().timeZone
    return isValidTimeZone(z) ? z : undefined
  } catch {
    return undefined
  }
}

/** Default zone for a new interview: the viewer's zone if valid, else the host setting, else UTC. */
export function defaultTimeZone(settingsZone?: string, browserZone = browserTimeZone()): string {
  if (isValidTimeZone(browserZone)) return browserZone
  if (isValidTimeZone(settingsZone)) return settingsZone
  return 'UTC'
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

export type WallParts = { year: number; month: number; day: number; hour: number; minute: number }

export function parseWall(wall: string): WallParts | undefined {
  const m = WALL.exec(wall)
  if (!m) return undefined
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > dim) return undefined
  return { year, month, day, hour, minute }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/**
 * `zone` when this browser knows it, else undefined (the viewer's zone): data
 * from before the host checked zone names may hold one Intl refuses, and a
 * RangeError must not blank the page.
 */
export function knownZone(zone: string | null | undefined): string | undefined {
  return isValidTimeZone(zone) ? zone : undefined
}

function partsInZone(ms: number, zone: string): WallParts & { second: number } {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: knownZone(zone) ?? 'UTC',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const p = f.formatToParts(ms)
  const v = (type: string) => Number(p.find((x) => x.type === type)?.value ?? 0)
  return { year: v('year'), month: v('month'), day: v('day'), hour: v('hour') % 24, minute: v('minute'), second: v('second') }
}

/** Offset of `zone` from UTC at the instant, in minutes (east positive). */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  const p = partsInZone(ms, zone)
  const asUTC = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUTC - Math.floor(ms / 1000) * 1000) / 60000)
}

/**
 * The instant at which the wall clock in `zone` shows `wall` ("YYYY-MM-DDTHH:MM").
 * A time inside a spring-forward gap (never shown by the clock) lands just after
 * the gap. Undefined for malformed input or an unknown zone.
 */
export function wallTimeToInstant(wall: string, zone: string): Date | undefined {
  const w = parseWall(wall)
  if (!w || !isValidTimeZone(zone)) return undefined
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)
  const first = naive - zoneOffsetMinutes(naive, zone) * 60000
  const second = naive - zoneOffsetMinutes(first, zone) * 60000
  return new Date(second)
}

/** The wall date ("YYYY-MM-DD") and time ("HH:MM") in `zone` at an instant. */
export function instantToWall(instant: Date | string, zone: string): { date: string; time: string } {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  const p = partsInZone(ms, zone)
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` }
}

export const joinWall = (date: string, time: string) => `${date}T${time}`

/** "Tue, Nov 25, 2026, 2:00 PM GMT+1" in the given zone (the viewer's when omitted). */
export function formatDateTime(iso: string, zone?: string, locale?: string): string {
  return dateTimeFormat(
    {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(knownZone(zone) ? { timeZone: zone } : {}),
    },
    locale,
  ).format(new Date(iso))
}

/** "Nov 25, 2026" in the given zone. */
export function formatDate(iso: string, zone?: string, locale?: string): string {
  return dateTimeFormat(
    { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', ...(knownZone(zone) ? { timeZone: zone } : {}) },
    locale,
  ).format(new Date(iso))
}

/** "2:00 PM" in the given zone. */
export function formatTime(iso: string, zone?: string, locale?: string): string {
  return dateTimeFormat({ hour: 'numeric', minute: '2-digit', ...(knownZone(zone) ? { timeZone: zone } : {}) }, locale).format(
    new Date(iso),
  )
}

// [unit, seconds per unit, used while |diff| is below this many seconds]
const STEPS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['minute', 60, 45 * 60],
  ['hour', 3600, 22 * 3600],
  ['day', 24 * 3600, 14 * 24 * 3600],
  ['week', 7 * 24 * 3600, 45 * 24 * 3600],
  ['month', 30 * 24 * 3600, 320 * 24 * 3600],
  ['year', 365 * 24 * 3600, Infinity],
]

/**
 * A short relative label: "in 2 days", "3 hours ago", "tomorrow", "now".
 * Under 45 seconds counts as now; values are rounded to the nearest unit.
 */
export function relativeLabel(target: Date | string, now: Date = new Date(), locale?: string): string {
  const t = typeof target === 'string' ? Date.parse(target) : target.getTime()
  const seconds = (t - now.getTime()) / 1000
  const rtf = relativeTimeFormat(locale)
  const abs = Math.abs(seconds)
  if (abs < 45) return rtf.format(0, 'second')
  for (const [unit, size, below] of STEPS) {
    if (abs < below) {
      const n = Math.max(1, Math.round(abs / size))
      return rtf.format(seconds < 0 ? -n : n, unit)
    }
  }
  return rtf.format(Math.round(seconds / 60), 'minute')
}

/** Duration in minutes as "1 h 30 min" / "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}
