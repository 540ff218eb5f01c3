import { lazy, Suspense, useState } from 'react'
import { errorMessage } from '../api/client'
import { deleteInterview, getInterview, restoreInterview } from '../api/interviews'
import { getOutbox } from '../api/invitations'
import type { Interview, Outbox } from '../api/types'
import { formatDateTime } from '../platform/time'
import { useToast } from '../ui/toasts'
import { Dialog } from '../ui/Dialog'
import { CollapsibleCard } from '../ui/Disclosure'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { reportFile } from '../api/report'
import { DownloadLink } from '../report/DownloadLink'
import { CopyField } from './CopyField'
import { OpenRoomButtons } from './OpenRoomButtons'
import { DetailsSummary } from './DetailsSummary'
import { InterviewersPanel } from './InterviewersPanel'
import { MailNotConfiguredNotice, OutboxPanel, useOutbox } from './OutboxPanel'
import { RecordingsPanel } from './RecordingsPanel'
import { RoomStatus } from './RoomStatus'
import { RescheduleDialog } from './RescheduleDialog'
import { RoomToolsPanel } from './RoomToolsPanel'
import { ResultsLinksCard } from './ResultsLinksCard'
import { ShareDetailsDialog } from './ShareDetailsDialog'
import { TimelinePanel } from './TimelinePanel'
import { ConsentPanel } from '../privacy/ConsentPanel'
import { DeleteForGood } from '../privacy/DeleteForGood'
import { useRights } from '../account/AccountContext'
import './details.css'

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
  const cancelled = iv.status === 'cancelled'
  // A finished interview offers only what works on it: no new date, room or links.
  const finished = iv.status === 'finished'
  const open = !cancelled && !finished
  // An interviewer reads the interview and joins its room; recruiters change it.
  const { recruit } = useRights()
  const changeable = open && recruit
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

  const actions = (
    <>
      {!finished && recruit && (
        <button type="button" className="btn" onClick={() => setDialog('share')}>
          Share details
        </button>
      )}
      {finished && (
        <>
          <a className="btn" href={`#/interviews/${encodeURIComponent(iv.id)}/report`}>
            Open report
          </a>
          <DownloadLink path={reportFile(iv.id, 'html')}>Download report (HTML)</DownloadLink>
          <DownloadLink path={reportFile(iv.id, 'pdf')} primary>
            Download report (PDF)
          </DownloadLink>
        </>
      )}
      {changeable && (
        <button type="button" className="btn" onClick={() => setDialog('reschedule')}>
          Change date
        </button>
      )}
    </>
  )
  const openRoom = <OpenRoomButtons interviewId={iv.id} link={iv.interviewerLink} />
  const interviewers = <InterviewersPanel interview={iv} readOnly={!changeable} onChange={onChange} />
  const tools = <RoomToolsPanel interview={iv} readOnly={!changeable} onChange={onChange} />
  const invitations = recruit && <OutboxPanel outbox={outbox} interviewId={iv.id} canSend={iv.status === 'scheduled'} />
  const timeline = <TimelinePanel interviewId={iv.id} />
  const recordings = <RecordingsPanel interview={iv} />
  const consent = <ConsentPanel interview={iv} />

  return (
    <>
      <DetailsSummary interview={iv} actions={actions} room={<RoomStatus interview={iv} action={openRoom} />} />

      {cancelled && (
        <div className="banner banner-danger" role="status">
          <div>
            <p className="banner-title">This interview was cancelled.</p>
            <p>The candidate’s link now shows a cancelled page. Restore it to schedule it again.</p>
          </div>
          {recruit && (
            <button type="button" className="btn" onClick={() => void restore(false)}>
              Restore
            </button>
          )}
        </div>
      )}

      {/* Its advice (copy the invitation, save the .ics file) is for interviews still to come. */}
      {open && outbox.data && !outbox.data.mailConfigured && <MailNotConfiguredNotice />}

      {/* A finished interview leads with its results and offers only what works on it: no date, room or links. */}
      <div className="details-layout">
        <div className="details-main">
          {finished ? (
            <Suspense fallback={null}>
              <AnalysisPanel interview={iv} />
              <PlaybackPanel interview={iv} />
            </Suspense>
          ) : (
            <CollapsibleCard title="Links" storageName="interview.links" headingId="links-heading">
              <div className="link-list">
                {iv.candidateLink && <CopyField label="Candidate link" value={iv.candidateLink} copyLabel="Copy candidate link" />}
                <CopyField label={recruit ? 'Interviewer link' : 'Your room link'} value={iv.interviewerLink} copyLabel="Copy interviewer link" />
              </div>
            </CollapsibleCard>
          )}
          {finished ? (
            <>
              {timeline}
              {invitations}
            </>
          ) : (
            <>
              {tools}
              {invitations}
              <Suspense fallback={null}>
                <PlaybackPanel interview={iv} />
              </Suspense>
            </>
          )}
        </div>
        <div className="details-side">
          {finished ? (
            <>
              {recordings}
              {consent}
              {interviewers}
              {recruit && <ResultsLinksCard interview={iv} onChange={onChange} />}
              {tools}
            </>
          ) : (
            <>
              {interviewers}
              {timeline}
              {recordings}
              {consent}
            </>
          )}
        </div>
      </div>

      {changeable && (
        <section className="danger-zone details-delete" aria-labelledby="danger-heading">
          <div>
            <h2 id="danger-heading" className="section-title">
              Delete
            </h2>
            <p className="section-hint">The candidate’s link stops working. You can restore the interview afterwards.</p>
          </div>
          <button type="button" className="btn btn-danger" onClick={() => setDialog('delete')}>
            Delete interview
          </button>
        </section>
      )}

      {!open && <DeleteForGood interview={iv} />}

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
