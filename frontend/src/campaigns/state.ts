// What the campaign screens say about a campaign: its state, its seats, its slots by day.
import type { CampaignSlot, CampaignState } from '../api/campaigns'
import { formatDate } from '../platform/time'

export const STATE_LABEL: Record<CampaignState, string> = {
  open: 'Open',
  closed: 'Closed',
  full: 'Full',
  expired: 'Expired',
}

const STATE_TONE: Record<CampaignState, string> = {
  open: 'badge-success',
  closed: 'badge-muted',
  full: 'badge-accent',
  expired: 'badge-danger',
}

export const stateTone = (s: CampaignState): string => STATE_TONE[s]

/** "12 of 20 seats" — bookings of the future slots' seats. */
export function seatsLabel(booked: number, seats: number): string {
  return `${booked} of ${seats} ${seats === 1 ? 'seat' : 'seats'}`
}

export type DayFill = { day: string; label: string; booked: number; seats: number; slots: CampaignSlot[] }

/** The slots grouped by their day in `zone`, in time order, each day with its seats. */
export function slotsByDay(slots: CampaignSlot[], zone: string): DayFill[] {
  const days = new Map<string, DayFill>()
  const key = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  for (const s of sorted) {
    const day = key.format(new Date(s.startsAt))
    let d = days.get(day)
    if (!d) {
      d = { day, label: formatDate(s.startsAt, zone), booked: 0, seats: 0, slots: [] }
      days.set(day, d)
    }
    d.booked += s.booked
    d.seats += s.capacity
    d.slots.push(s)
  }
  return [...days.values()]
}

/** A fill as a percentage 0–100 for a bar. */
export const fillPercent = (booked: number, seats: number): number =>
  seats <= 0 ? 0 : Math.min(100, Math.round((booked / seats) * 100))
