import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { getPresence } from '../api/room'
import type { Interview, RoomPresence } from '../api/types'
import { usePush, type PushChange } from '../platform/push'

/** How soon a failed load of the status is tried again. */
const LOAD_RETRY_MS = 3_000

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

/** A presence event's data, when it has the shape GET …/presence answers. */
export function presenceFrom(data: unknown): RoomPresence | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const p = data as Partial<RoomPresence>
  if (typeof p.phase !== 'string' || typeof p.locked !== 'boolean' || !Array.isArray(p.members)) return undefined
  return p as RoomPresence
}

/**
 * The room's live status at the top of the interview page, kept current by the
 * host's pushes, with `action` (Open interviewer room) beside it. A candidate
 * ready and waiting stands out.
 */
export function RoomStatus({ interview, action }: { interview: Interview; action?: ReactNode }) {
  const [presence, setPresence] = useState<RoomPresence>()
  const [failed, setFailed] = useState(false)
  const live = interview.status === 'scheduled'
  const loading = useRef<AbortController | undefined>(undefined)
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const stop = useCallback(() => {
    loading.current?.abort()
    clearTimeout(retry.current)
  }, [])

  const load = useCallback(async () => {
    stop()
    const ctrl = new AbortController()
    loading.current = ctrl
    try {
      setPresence(await getPresence(interview.id, ctrl.signal))
      setFailed(false)
    } catch {
      if (ctrl.signal.aborted) return
      setFailed(true)
      retry.current = setTimeout(() => void load(), LOAD_RETRY_MS)
    }
  }, [interview.id, stop])

  useEffect(() => {
    if (!live) return
    void load()
    return stop
  }, [live, load, stop])

  const stream = usePush(
    interview.id,
    ['presence'],
    (c: PushChange) => {
      const p = c.type === 'presence' ? presenceFrom(c.data) : undefined
      if (!p) return void load()
      stop() // the pushed view is newer than any answer on its way
      setPresence(p)
      setFailed(false)
    },
    live,
  )

  if (!live) return null
  const text = roomStatusText(presence, interview.candidate.name)
  const waiting = presence?.phase === 'waiting' && presence.members.some((m) => m.role === 'candidate' && m.ready)
  return (
    <section className={waiting ? 'room-bar room-bar-waiting' : 'room-bar'} aria-labelledby="room-status-heading">
      <span className="room-bar-dot" aria-hidden="true" />
      <div className="room-bar-text">
        <div className="room-bar-head">
          <h2 id="room-status-heading" className="room-bar-label">
            Room
          </h2>
          {presence?.locked && <span className="badge">Locked</span>}
        </div>
        <p className="room-live" role="status" aria-live="polite">
          {text}
        </p>
        {waiting && <p className="room-bar-hint">Start the interview from the interviewer room.</p>}
        {(failed || stream === 'down') && <p className="muted">The status could not be refreshed; retrying.</p>}
      </div>
      {action && <div className="room-bar-action">{action}</div>}
    </section>
  )
}
