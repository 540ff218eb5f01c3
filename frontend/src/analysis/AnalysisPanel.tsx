// "Analysis" on a finished interview's page, in short: the final score beside
// the interviewers' rating, strengths and concerns, the engines, and the way
// to the full report (recording, transcript, every answer with its evidence).
// Follows the host's progress while it runs.

import { getAnalysis, runAnalysis, type Analysis } from '../api/analysis'
import { errorMessage } from '../api/client'
import type { Interview } from '../api/types'
import { href } from '../app/router'
import { usePush } from '../platform/push'
import { EmptyState, LoadError, Skeleton } from '../ui/Feedback'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { AnalysisProgress } from './AnalysisProgress'
import { ScoreSummary } from './ScoreSummary'
import './analysis.css'

export default function AnalysisPanel({ interview }: { interview: Interview }) {
  const state = useAsync((signal) => getAnalysis(interview.id, signal), [interview.id])
  usePush(interview.id, ['analysis'], state.reload)
  const toast = useToast()
  const rerun = async () => {
    try {
      state.setData(await runAnalysis(interview.id))
    } catch (e) {
      toast({ message: errorMessage(e), tone: 'error' })
    }
  }
  let body
  if (state.error) body = <LoadError error={state.error} onRetry={state.reload} what="the analysis" />
  else if (state.loading && !state.data) body = <Skeleton lines={4} label="Loading the analysis…" />
  else if (!state.data)
    body = (
      <EmptyState title="No analysis yet">
        The analysis runs by itself when the interview ends.{' '}
        {interview.status === 'finished' && (
          <button type="button" className="btn btn-small" onClick={() => void rerun()}>
            Run the analysis
          </button>
        )}
      </EmptyState>
    )
  else body = <Summary a={state.data} interviewId={interview.id} onRerun={rerun} />
  return (
    <section className="card span-2 analysis-card" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading" className="card-title">
        Analysis
      </h2>
      {body}
    </section>
  )
}

function Summary({ a, interviewId, onRerun }: { a: Analysis; interviewId: string; onRerun: () => Promise<void> }) {
  if (a.status === 'queued' || a.status === 'running') return <AnalysisProgress a={a} />
  const report = (
    <a className="btn btn-primary btn-small" href={href('interviews', interviewId, 'report')}>
      Open the full report
    </a>
  )
  if (a.status === 'declined') {
    return (
      <div className="analysis">
        <p className="notice">The candidate declined AI analysis: no transcript or AI scores were made. Your ratings and notes are the assessment.</p>
        <p className="analysis-actions">{report}</p>
      </div>
    )
  }
  const o = a.overall
  return (
    <div className="analysis">
      {a.status === 'failed' && (
        <p className="field-error" role="alert">
          The analysis failed: {a.error}. Check the recordings and the settings, then run it again.
        </p>
      )}
      <ScoreSummary
        compact
        s={{ scale: 5, ...(a.answers.length > 0 ? { ai: o.score } : {}), answered: o.answered,
          overridden: a.answers.filter((x) => x.override).length, ...(o.rating ? { rating: o.rating } : {}),
          strengths: o.strengths, concerns: o.concerns }}
      />
      <p className="field-hint analysis-engines">
        Transcript: {a.engines.transcription}. Scores: {a.engines.scoring}. The report has the recording, the transcript and
        every answer with its evidence.
      </p>
      <p className="analysis-actions">
        {report}
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void onRerun()}>
          Run the analysis again
        </button>
      </p>
    </div>
  )
}
