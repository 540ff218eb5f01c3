import { useEffect, useState } from 'react'
import { getPresence } from '../api/room'
import type { Interview, RoomPresence } from '../api/types'

/** How often the console asks who is in the room. */
export const PRESENCE_REFRESH_MS = 3_000

/** The one-line status, in the words recruiters know from the room. */
export function roomStatusText(p: RoomPresence | undefined, candidateName: string): string {
  if (!p) return 'Checking the room…'
  if (p.phase === 'ended') return 'Interview completed.'
  const candidate = p.members.find((m) => m.role === 'candidate')
  const interviewers = p.members.filter((m) => m.role === 'interviewer').length
  if (p.phase !== 'waiting') {
    return `Interview in progress · ${interviewers} interviewer${interviewers === 1 ? '' : 's'}${candidate ? ' and the candidate' : ''} in the room.`
  }
  if (!candidate) return `Candidate ${candidateName} has not joined yet.`
  if (!candidate.ready) return `Candidate ${candidateName} is checking their devices.`
  return `Candidate ${candidateName} is ready and waiting.`
}

/** The room's live status on the interview page, refreshed every 3 s. */
export function RoomStatus({ interview }: { interview: Interview }) {
  const [presence, setPresence] = useState<RoomPresence>()
  const [failed, setFailed] = useState(false)
  const live = interview.status === 'scheduled'

  useEffect(() => {
    if (!live) return
    const ctrl = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        setPresence(await getPresence(interview.id, ctrl.signal))
        setFailed(false)
      } catch {
        if (!ctrl.signal.aborted) setFailed(true)
      }
      if (!ctrl.signal.aborted) timer = setTimeout(load, PRESENCE_REFRESH_MS)
    }
    void load()
    return () => {
      ctrl.abort()
      clearTimeout(timer)
    }
  }, [interview.id, live])

  if (!live) return null
  const text = roomStatusText(presence, interview.candidate.name)
  const waiting = presence?.phase === 'waiting' && presence.members.some((m) => m.role === 'candidate' && m.ready)
  return (
    <section className="card span-2" aria-labelledby="room-status-heading">
      <div className="card-head">
        <h2 id="room-status-heading" className="card-title">
          Room
        </h2>
        {presence?.locked && <span className="badge">Locked</span>}
      </div>
      <p className={waiting ? 'room-live room-live-waiting' : 'room-live'} role="status" aria-live="polite">
        {text}
      </p>
      {failed && <p className="muted">The status could not be refreshed; retrying.</p>}
    </section>
  )
}
