import { useId, type KeyboardEvent } from 'react'
import type { LiveRoom, LiveRoomGroup } from '../api/types'
import { href } from '../app/router'
import { formatDateTime, formatTime, relativeLabel } from '../platform/time'
import { elapsed, memberState, roomBadge } from './rooms'

type Props = {
  room: LiveRoom
  group: LiveRoomGroup
  now: Date
  onOpen: (r: LiveRoom) => void
  onEdit: (r: LiveRoom) => void
  onShare: (r: LiveRoom) => void
  /** Share Details is loading the interview for this room. */
  sharing: boolean
  /** Arrow keys move between rooms. */
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void
}

const TONE = { accent: '', success: ' badge-success', muted: ' badge-muted' } as const

function toolsText(r: LiveRoom): string {
  const on = [r.tools.liveCode && 'Live Code', r.tools.whiteboard && 'Whiteboard'].filter(Boolean)
  return on.length > 0 ? on.join(' · ') : 'Call only'
}

/** One room of the list: who and what, who is in it now, and the ways in. */
export function RoomCard({ room: r, group, now, onOpen, onEdit, onShare, sharing, onKeyDown }: Props) {
  const titleId = useId()
  const badge = group === 'live' ? roomBadge(r) : undefined
  return (
    <li>
      <article className={`live-room live-room-${group}`} aria-labelledby={titleId} data-room={r.id} onKeyDown={onKeyDown}>
        <div className="live-room-who">
          <h3 id={titleId} className="live-room-name">
            <a href={href('interviews', r.id)}>{r.candidate.name}</a>
          </h3>
          <p className="cell-sub">{r.candidate.email}</p>
          <p className="live-room-what">
            {r.position}
            <span className="cell-sub">
              {r.templateName} · {toolsText(r)}
            </span>
            <span className="cell-sub">With {r.interviewers.map((p) => p.name).join(', ') || 'no interviewer yet'}</span>
          </p>
        </div>
        <div className="live-room-state">
          {badge && <span className={`badge${TONE[badge.tone]}`}>{badge.text}</span>}
          {group === 'live' && r.presence && (
            <ul className="live-members" aria-label={`In the room with ${r.candidate.name}`}>
              {r.presence.members.map((m) => (
                <li key={m.id} className="live-member">
                  <span className="live-member-name">{m.name || (m.role === 'candidate' ? 'Candidate' : 'Interviewer')}</span>
                  <span className="live-member-state">
                    {m.role === 'candidate' ? 'Candidate' : 'Interviewer'}
                    {m.role === 'candidate' ? ` · ${memberState(r, m)}` : ''} · since {formatTime(m.since)} ({elapsed(m.since, now)})
                  </span>
                </li>
              ))}
            </ul>
          )}
          {group === 'now' && (
            <p className="live-room-when">
              Open since {formatTime(r.startsAt)} · nobody in the room yet
              <span className="cell-sub">Until {formatTime(r.endsAt)}</span>
            </p>
          )}
          {group === 'upcoming' && (
            <p className="live-room-when">
              {formatDateTime(r.startsAt)}
              <span className="cell-sub">{relativeLabel(r.startsAt, now)}</span>
            </p>
          )}
        </div>
        <div className="live-room-actions">
          <button type="button" className="btn btn-primary" data-room-open aria-describedby={titleId} onClick={() => onOpen(r)}>
            Open interviewer room
          </button>
          <button type="button" className="btn" aria-describedby={titleId} onClick={() => onEdit(r)}>
            Edit Room
          </button>
          <button type="button" className="btn" aria-describedby={titleId} aria-busy={sharing} disabled={sharing} onClick={() => onShare(r)}>
            {sharing ? 'Loading…' : 'Share Details'}
          </button>
        </div>
      </article>
    </li>
  )
}
