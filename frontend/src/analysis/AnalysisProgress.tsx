// An analysis on its way: what runs now and how far the whole is.

import type { Analysis } from '../api/analysis'

export function AnalysisProgress({ a }: { a: Pick<Analysis, 'step' | 'progress'> }) {
  return (
    <div className="analysis-progress">
      <label htmlFor="analysis-progress">{a.step || 'Analysing…'}</label>
      <progress id="analysis-progress" max={1} value={a.progress} aria-valuetext={`${Math.round(a.progress * 100)} %`} />
    </div>
  )
}
