import type { InterviewStatus, Tense } from '../api/types'

const LABEL: Record<InterviewStatus, string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  finished: 'Finished',
}

export function statusLabel(status: InterviewStatus, tense: Tense): string {
  if (status === 'scheduled' && tense === 'past') return 'Ended'
  return LABEL[status]
}

export function StatusBadge({ status, tense }: { status: InterviewStatus; tense: Tense }) {
  const tone = status === 'cancelled' ? 'badge-danger' : tense === 'upcoming' ? 'badge-accent' : 'badge-muted'
  return <span className={`badge ${tone}`}>{statusLabel(status, tense)}</span>
}
