import { lazy, Suspense, useState } from 'react'
import { errorMessage } from '../api/client'
import { deleteInterview, getInterview, restoreInterview } from '../api/interviews'
import { getOutbox } from '../api/invitations'
import type { Interview, Outbox } from '../api/types'
import { openURL } from '../platform/native'
import { browserTimeZone, formatDateTime, formatDuration, formatTime, relativeLabel } from '../platform/time'
import { useToast } from '../ui/toasts'
import { kindLabel } from '../templates/TemplateListPage'
import { Dialog } from '../ui/Dialog'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { CopyField } from './CopyField'
import { InterviewersPanel } from './InterviewersPanel'
import { MailNotConfiguredNotice, OutboxPanel, useOutbox } from './OutboxPanel'
import { RecordingsPanel } from './RecordingsPanel'
import { RoomStatus } from './RoomStatus'
import { RescheduleDialog } from './RescheduleDialog'
import { RoomToolsPanel } from './RoomToolsPanel'
import { ShareDetailsDialog } from './ShareDetailsDialog'
import { TimelinePanel } from './TimelinePanel'
import { StatusBadge } from './status'
import { useNow } from '../ui/useNow'

const PlaybackPanel = lazy(() => import('../playback/PlaybackPanel'))
const AnalysisPanel = lazy(() => import('../analysis/AnalysisPanel'))

export function InterviewDetailsPage({ id }: { id: string }) {
  // The outbox comes with the interview, so the "email is not set up" notice is
  // there from the first paint (no jump); its own failure only hides it.
  const state = useAsync(
    async (signal) => {
      const [interview, outbox] = await Promise.all([
        getInterview(id, signal),
        getOutbox(id, signal).catch((e: unknown) => {
          if (signal.aborted) throw e
          return undefined
        }),
      ])
      return { interview, outbox }
    },
    [id],
  )
  if (state.error !== undefined)
    return (
      <>
        <PageHeader title="Interview details" />
        <LoadError error={state.error} onRetry={state.reload} what="the interview" />
      </>
    )
  if (!state.data)
    return (
      <>
        <PageHeader title="Interview details" />
        <Skeleton lines={12} label="Loading interview" />
      </>
    )
  const { outbox } = state.data
  return (
    <Details interview={state.data.interview} initialOutbox={outbox} onChange={(interview) => state.setData({ interview, outbox })} />
  )
}

type DetailsProps = { interview: Interview; initialOutbox: Outbox | undefined; onChange: (iv: Interview) => void }

function Details({ interview: iv, initialOutbox, onChange }: DetailsProps) {
  const [dialog, setDialog] = useState<'reschedule' | 'delete' | 'share' | null>(null)
  const [busy, setBusy] = useState(false)
  const toast = useToast()
  const now = useNow()
  const cancelled = iv.status === 'cancelled'
  // A finished interview offers only what works on it: no new date, room or links.
  const finished = iv.status === 'finished'
  const open = !cancelled && !finished
  const viewerZone = browserTimeZone()
  // Changes to the interview (reschedule, interviewers, delete) queue emails.
  const outbox = useOutbox(iv.id, `${iv.sequence}|${iv.updatedAt}|${iv.interviewers.length}`, initialOutbox)

  const restore = async (fromUndo: boolean) => {
    try {
      const r = await restoreInterview(iv.id)
      onChange(r)
      toast({ tone: 'success', message: fromUndo ? 'Interview restored.' : `Interview with ${r.candidate.name} restored.` })
    } catch (e) {
      toast({ tone: 'error', message: `Could not restore: ${errorMessage(e)}` })
    }
  }

  const remove = async () => {
    setBusy(true)
    try {
      const r = await deleteInterview(iv.id)
      onChange(r)
      setDialog(null)
      toast({
        message: `Interview with ${r.candidate.name} deleted.`,
        action: { label: 'Undo', run: () => void restore(true) },
      })
    } catch (e) {
      toast({ tone: 'error', message: `Could not delete: ${errorMessage(e)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <PageHeader
        title={iv.candidate.name}
        actions={
          <>
            {!finished && (
              <button type="button" className="btn" onClick={() => setDialog('share')}>
                Share details
              </button>
            )}
            {finished && (
              <>
                <a className="btn" href={`/api/interviews/${encodeURIComponent(iv.id)}/report.html`} download>
                  Download report (HTML)
                </a>
                <a className="btn btn-primary" href={`/api/interviews/${encodeURIComponent(iv.id)}/report.pdf`} download>
                  Download report (PDF)
                </a>
              </>
            )}
            {open && (
              <>
                <button type="button" className="btn" onClick={() => setDialog('reschedule')}>
                  Change date
                </button>
                <button type="button" className="btn btn-primary" onClick={() => void openURL(iv.interviewerLink)}>
                  Open interviewer room
                </button>
              </>
            )}
          </>
        }
      >
        <p className="page-subtitle">
          {iv.position} <StatusBadge status={iv.status} tense={iv.tense} />
        </p>
      </PageHeader>

      {cancelled && (
        <div className="banner banner-danger" role="status">
          <div>
            <p className="banner-title">This interview was cancelled.</p>
            <p>The candidate’s link now shows a cancelled page. Restore it to schedule it again.</p>
          </div>
          <button type="button" className="btn" onClick={() => void restore(false)}>
            Restore
          </button>
        </div>
      )}

      {!cancelled && outbox.data && !outbox.data.mailConfigured && <MailNotConfiguredNotice />}

      <div className="details-grid">
        <section className="card" aria-labelledby="when-heading">
          <h2 id="when-heading" className="card-title">
            When
          </h2>
          <p className="when-main">{formatDateTime(iv.startsAt, iv.timeZone)}</p>
          <p className="when-sub">
            {relativeLabel(iv.startsAt, now)} · {formatDuration(iv.durationMinutes)}, until{' '}
            {formatTime(iv.endsAt, iv.timeZone)}
          </p>
          <p className="when-sub">Time zone: {iv.timeZone.replace(/_/g, ' ')}</p>
          {viewerZone && viewerZone !== iv.timeZone && (
            <p className="when-sub">Your time: {formatDateTime(iv.startsAt, viewerZone)}</p>
          )}
        </section>

        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading" className="card-title">
            Details
          </h2>
          <dl className="facts">
            <dt>Candidate</dt>
            <dd>
              {iv.candidate.name}
              <span className="cell-sub">{iv.candidate.email}</span>
            </dd>
            <dt>Position</dt>
            <dd>{iv.position}</dd>
            <dt>Template</dt>
            <dd>
              {iv.template.name}
              <span className="cell-sub">
                {kindLabel(iv.template)} · {iv.template.topicCount} {iv.template.topicCount === 1 ? 'topic' : 'topics'}
                {iv.template.specialization ? ` · ${iv.template.specialization}` : ''}
              </span>
            </dd>
            <dt>Campaign</dt>
            <dd>{iv.campaign || <span className="muted">None</span>}</dd>
          </dl>
        </section>

        <RoomStatus interview={iv} />

        {finished && (
          <Suspense fallback={null}>
            <AnalysisPanel interview={iv} />
            <PlaybackPanel interview={iv} />
          </Suspense>
        )}

        {!finished && (
          <section className="card span-2" aria-labelledby="links-heading">
            <h2 id="links-heading" className="card-title">
              Links
            </h2>
            <CopyField label="Candidate link" value={iv.candidateLink} copyLabel="Copy candidate link" />
            <CopyField label="Interviewer link" value={iv.interviewerLink} copyLabel="Copy interviewer link" />
          </section>
        )}

        <InterviewersPanel interview={iv} readOnly={!open} onChange={onChange} />
        <RoomToolsPanel interview={iv} readOnly={!open} onChange={onChange} />
        <OutboxPanel outbox={outbox} interviewId={iv.id} canSend={iv.status === 'scheduled'} />
        <TimelinePanel interviewId={iv.id} />
        {!finished && (
          <Suspense fallback={null}>
            <PlaybackPanel interview={iv} />
          </Suspense>
        )}
        <RecordingsPanel interview={iv} />
      </div>

      {open && (
        <section className="danger-zone" aria-labelledby="danger-heading">
          <h2 id="danger-heading" className="section-title">
            Delete
          </h2>
          <p className="section-hint">The candidate’s link stops working. You can restore the interview afterwards.</p>
          <button type="button" className="btn btn-danger" onClick={() => setDialog('delete')}>
            Delete interview
          </button>
        </section>
      )}

      {dialog === 'share' && <ShareDetailsDialog interview={iv} onClose={() => setDialog(null)} />}
      {dialog === 'reschedule' && (
        <RescheduleDialog
          interview={iv}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            onChange(r)
            setDialog(null)
            toast({ tone: 'success', message: `Moved to ${formatDateTime(r.startsAt, r.timeZone)}.` })
          }}
        />
      )}
      {dialog === 'delete' && (
        <Dialog
          title={`Delete the interview with ${iv.candidate.name}?`}
          description={`${iv.position}, ${formatDateTime(iv.startsAt, iv.timeZone)}. It moves to Cancelled and can be restored.`}
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setDialog(null)} data-autofocus>
                Keep interview
              </button>
              <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
                Delete interview
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </>
  )
}
