import type { CandidateStage } from '../api/candidates'
import { STAGE_LABEL, stageTone } from './stages'

export function StageBadge({ stage }: { stage: CandidateStage }) {
  return <span className={`badge badge-${stageTone(stage)}`}>{STAGE_LABEL[stage]}</span>
}
