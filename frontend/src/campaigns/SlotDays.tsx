import type { CampaignSlot } from '../api/campaigns'
import { formatTime } from '../platform/time'
import { fillPercent, seatsLabel, slotsByDay } from './state'

/** The slots by day in the campaign's zone: each day's seats filled and its times. */
export function SlotDays({ slots, zone, label }: { slots: CampaignSlot[]; zone: string; label: string }) {
  const days = slotsByDay(slots, zone)
  if (days.length === 0) return <p className="muted">No slots.</p>
  return (
    <ul className="slot-days" aria-label={label}>
      {days.map((d) => (
        <li key={d.day} className="slot-day">
          <div className="slot-day-head">
            <span className="slot-day-label">{d.label}</span>
            <span className="slot-day-fill">{seatsLabel(d.booked, d.seats)}</span>
            <span className="seat-bar" aria-hidden="true">
              <span className="seat-bar-fill" style={{ width: `${fillPercent(d.booked, d.seats)}%` }} />
            </span>
          </div>
          <ul className="slot-times">
            {d.slots.map((s) => (
              <li key={s.startsAt} className={`slot-time${s.booked >= s.capacity ? ' slot-time-full' : ''}`}>
                {formatTime(s.startsAt, zone)} <span className="muted">{s.booked}/{s.capacity}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
