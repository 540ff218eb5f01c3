import { relativeLabel } from '../../platform/time'

/**
 * The pre-join card's countdown: "Starts in 04:59" in the last hour, a relative
 * phrase before that ("Starts tomorrow"), "Starting now" around the start and
 * "Started 5 minutes ago" after it.
 */
export function countdown(startsAt: string, now: Date, locale?: string): string {
  const t = Date.parse(startsAt)
  if (Number.isNaN(t)) return ''
  const seconds = Math.round((t - now.getTime()) / 1000)
  if (seconds > 3600) return `Starts ${relativeLabel(new Date(t), now, locale)}`
  if (seconds > 0) {
    const m = Math.floor(seconds / 60)
    const s = seconds % 60
    return `Starts in ${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
  }
  if (seconds > -60) return 'Starting now'
  return `Started ${relativeLabel(new Date(t), now, locale)}`
}
