// Words for the pipeline's stages and the search's time filters.
import type { CandidateApplication, CandidateStage, Since } from '../api/candidates'
import { CANDIDATE_SINCE, CANDIDATE_STAGES } from '../api/contract.gen'

export const STAGES: readonly CandidateStage[] = CANDIDATE_STAGES

export const STAGE_LABEL: Record<CandidateStage, string> = {
  applied: 'Applied',
  takehome_done: 'Take-home done',
  live_scheduled: 'Live interview scheduled',
  interviewed: 'Interviewed',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
}

/** A stage's badge tone. */
export function stageTone(stage: CandidateStage): 'accent' | 'success' | 'danger' | 'muted' {
  switch (stage) {
    case 'offer':
    case 'hired':
      return 'success'
    case 'rejected':
      return 'danger'
    case 'live_scheduled':
    case 'interviewed':
      return 'accent'
  }
  return 'muted'
}

/** Moving here is a decision worth confirming. */
export const confirmsMove = (stage: CandidateStage): boolean => stage === 'rejected'

export const SINCES: readonly Since[] = CANDIDATE_SINCE

export const DEFAULT_SINCE: Since = '3m'

export const SINCE_LABEL: Record<Since, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '3m': 'Last 3 months',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
  all: 'Any time',
}

export const isSince = (v: string | undefined): v is Since => SINCES.includes(v as Since)

/** The application for position (compared as the host does: case and spaces aside). */
export function applicationFor(apps: readonly CandidateApplication[] | null, position: string): CandidateApplication | undefined {
  const key = foldPosition(position)
  return (apps ?? []).find((a) => foldPosition(a.position) === key)
}

export const foldPosition = (p: string): string => p.trim().replace(/\s+/g, ' ').toLowerCase()
