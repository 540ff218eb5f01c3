import type { ReactNode } from 'react'
import type { Interview } from '../api/types'
import { browserTimeZone, formatDateTime, formatDuration, formatTime, knownZone, relativeLabel } from '../platform/time'
import { kindLabel } from '../templates/TemplateListPage'
import { PageHeader } from '../ui/Feedback'
import { useNow } from '../ui/useNow'
import { StatusBadge } from './status'

type Props = {
  interview: Interview
  /** The page's actions (Share details, Change date, reports). */
  actions: ReactNode
  /** The room's live status with its action, where the eye goes first. */
  room: ReactNode
}

/** The top of the interview page: who, for what, when, from which template, and the room. */
export function DetailsSummary({ interview: iv, actions, room }: Props) {
  const now = useNow()
  const viewerZone = browserTimeZone()
  const topics = `${iv.template.topicCount} ${iv.template.topicCount === 1 ? 'topic' : 'topics'}`
  return (
    <div className="details-summary">
      <PageHeader title={iv.candidate.name} actions={actions}>
        <p className="page-subtitle">
          {iv.position} <StatusBadge status={iv.status} tense={iv.tense} />
        </p>
      </PageHeader>
      <div className="summary-facts">
        <Fact id="when" label="When" className="summary-when">
          <p className="summary-value">{formatDateTime(iv.startsAt, iv.timeZone)}</p>
          <p className="summary-sub">
            {relativeLabel(iv.startsAt, now)} · {formatDuration(iv.durationMinutes)}, until{' '}
            {formatTime(iv.endsAt, iv.timeZone)} · {iv.timeZone.replace(/_/g, ' ')}
          </p>
          {!knownZone(iv.timeZone) && (
            <p className="summary-sub" role="note">
              This browser does not know the zone “{iv.timeZone}”, so these times are in your own zone. Use Change date to
              choose a zone from the list.
            </p>
          )}
          {viewerZone && viewerZone !== iv.timeZone && knownZone(iv.timeZone) && (
            <p className="summary-sub">Your time: {formatDateTime(iv.startsAt, viewerZone)}</p>
          )}
        </Fact>
        <Fact id="candidate" label="Candidate’s email">
          <p className="summary-value">{iv.candidate.email}</p>
          <p className="summary-sub">
            <a href={`#/candidates/${encodeURIComponent(iv.candidate.email)}`}>Candidate profile</a>
          </p>
        </Fact>
        <Fact id="template" label="Template">
          <p className="summary-value">{iv.template.name}</p>
          <p className="summary-sub">
            {kindLabel(iv.template)} · {topics}
            {iv.template.specialization ? ` · ${iv.template.specialization}` : ''}
          </p>
        </Fact>
        <Fact id="campaign" label="Campaign">
          <p className="summary-value">{iv.campaign || <span className="muted">None</span>}</p>
        </Fact>
      </div>
      {room}
    </div>
  )
}

function Fact({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <section className={`summary-fact${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="summary-label">
        {label}
      </h2>
      {children}
    </section>
  )
}
