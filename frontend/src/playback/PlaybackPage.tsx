// An interview's code and whiteboard playback on a page of its own, opened
// from the report (at a question's moment, say: ?at=ms since the epoch).

import { getInterview } from '../api/interviews'
import { href } from '../app/router'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import PlaybackPanel from './PlaybackPanel'

export default function PlaybackPage({ id, at }: { id: string; at?: number }) {
  const state = useAsync((signal) => getInterview(id, signal), [id])
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} what="the interview" />
  if (!state.data) return <Skeleton lines={6} label="Loading the playback…" />
  const iv = state.data
  return (
    <>
      <PageHeader
        title={`Code and whiteboard: ${iv.candidate.name}`}
        actions={
          <>
            {iv.status === 'finished' && (
              <a className="btn" href={href('interviews', id, 'report')}>
                Open report
              </a>
            )}
            <a className="btn" href={href('interviews', id)}>
              Interview details
            </a>
          </>
        }
      >
        <p className="page-subtitle">{iv.position}</p>
      </PageHeader>
      <PlaybackPanel interview={iv} {...(at !== undefined ? { startAt: at } : {})} />
    </>
  )
}
