// A campaign: its summary, the shared link, seats filled per day, and who
// registered — each with the candidate's profile, the slot, the interview and
// the final score once the analysis exists.

import { getCampaign, type CampaignRegistration, type CampaignView } from '../api/campaigns'
import { href } from '../app/router'
import { CopyField } from '../interviews/CopyField'
import { formatDateTime, formatDuration } from '../platform/time'
import { EmptyState, LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { CampaignStateBadge, OpenCloseButton } from './CampaignStatus'
import { SlotDays } from './SlotDays'
import { seatsLabel } from './state'
import './campaigns.css'

const REG_STATUS: Record<CampaignRegistration['status'], string> = { booked: 'Booked', cancelled: 'Cancelled' }

export function CampaignPage({ id }: { id: string }) {
  const view = useAsync((signal) => getCampaign(id, signal), [id])
  if (view.error !== undefined)
    return (
      <>
        <PageHeader title="Campaign" />
        <LoadError error={view.error} onRetry={view.reload} what="the campaign" />
        <p>
          <a href="#/campaigns">Back to campaigns</a>
        </p>
      </>
    )
  if (!view.data)
    return (
      <>
        <PageHeader title="Campaign" />
        <Skeleton lines={6} label="Loading the campaign" />
      </>
    )
  return <CampaignBody v={view.data} onChanged={view.setData} />
}

function CampaignBody({ v, onChanged }: { v: CampaignView; onChanged: (v: CampaignView) => void }) {
  const c = v.campaign
  const now = Date.now()
  const future = (c.slots ?? []).filter((s) => Date.parse(s.startsAt) > now)
  const seats = future.reduce((n, s) => n + s.capacity, 0)
  const booked = future.reduce((n, s) => n + s.booked, 0)
  return (
    <>
      <PageHeader
        title={
          <>
            {c.name} <CampaignStateBadge state={v.state} />
          </>
        }
        actions={
          <>
            <a className="btn" href={href('campaigns', c.id, 'edit')}>
              Edit
            </a>
            <OpenCloseButton id={c.id} name={c.name} closed={c.status === 'closed'} onChanged={onChanged} />
          </>
        }
      >
        <p className="page-subtitle">
          <a href="#/campaigns">Campaigns</a> · {c.position}
        </p>
      </PageHeader>

      <section className="panel campaign-summary" aria-labelledby="campaign-summary-title">
        <h2 id="campaign-summary-title" className="panel-title">
          Summary
        </h2>
        <dl className="facts">
          <dt>Template</dt>
          <dd>{c.templateName}</dd>
          <dt>Mode</dt>
          <dd>{c.mode === 'now' ? 'Interview now' : `Slots of ${formatDuration(c.durationMinutes)}`}</dd>
          <dt>Time zone</dt>
          <dd>{c.timeZone.replace(/_/g, ' ')}</dd>
          {c.mode === 'slots' && (
            <>
              <dt>Seats ahead</dt>
              <dd>{seatsLabel(booked, seats)}</dd>
            </>
          )}
          <dt>Registrations</dt>
          <dd>
            {c.registered}
            {c.maxCandidates > 0 ? ` of at most ${c.maxCandidates}` : ''}
          </dd>
          <dt>Deadline</dt>
          <dd>{c.deadline ? formatDateTime(c.deadline, c.timeZone) : 'None'}</dd>
          <dt>Candidates' changes</dt>
          <dd>
            {c.candidateChanges
              ? c.changeHours > 0
                ? `Allowed until ${c.changeHours} h before the start`
                : 'Allowed until the start'
              : 'Not allowed'}
          </dd>
          <dt>Interviewers</dt>
          <dd>{(c.interviewers ?? []).length > 0 ? (c.interviewers ?? []).map((p) => p.name).join(', ') : 'You only'}</dd>
        </dl>
        <CopyField label="Shared link" value={v.link} copyLabel={`Copy the shared link of ${c.name}`} />
        {v.state !== 'open' && (
          <p className="muted">
            {v.state === 'closed'
              ? 'The link is closed: candidates who open it are told so. Reopen to take registrations again.'
              : v.state === 'full'
                ? 'Every seat is taken: add slots or seats with Edit.'
                : 'The deadline has passed or the slots are over: edit the campaign to extend it.'}
          </p>
        )}
      </section>

      {c.mode === 'slots' && (
        <section className="campaign-section" aria-labelledby="campaign-fill-title">
          <h2 id="campaign-fill-title" className="section-title">
            Slot fill by day
          </h2>
          <SlotDays slots={future} zone={c.timeZone} label="Upcoming slots by day" />
        </section>
      )}

      <section className="campaign-section" aria-labelledby="campaign-regs-title">
        <h2 id="campaign-regs-title" className="section-title">
          Registrations
        </h2>
        <Registrations regs={v.registrations ?? []} zone={c.timeZone} />
      </section>
    </>
  )
}

function Registrations({ regs, zone }: { regs: CampaignRegistration[]; zone: string }) {
  if (regs.length === 0)
    return (
      <EmptyState title="No one has registered yet.">
        <p>Share the link above in your job post or by email; registrations appear here as they come.</p>
      </EmptyState>
    )
  return (
    <table className="table registration-table">
      <caption className="visually-hidden">Registrations, {regs.length} in all</caption>
      <thead>
        <tr>
          <th scope="col">Candidate</th>
          <th scope="col">Slot</th>
          <th scope="col">Interview</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {regs.map((r) => (
          <tr key={r.interviewId}>
            <td>
              {r.candidateId ? (
                <a className="cell-title" href={href('candidates', r.candidateId)}>
                  {r.name}
                </a>
              ) : (
                <span className="cell-title-plain">{r.name}</span>
              )}
              <span className="cell-sub">{r.email}</span>
            </td>
            <td>
              <span className="cell-title-plain">{formatDateTime(r.startsAt, zone)}</span>
              {r.status === 'cancelled' && <span className="badge badge-danger">{REG_STATUS.cancelled}</span>}
            </td>
            <td>
              <a href={href('interviews', r.interviewId)}>{interviewLabel(r)}</a>
            </td>
            <td>{r.score !== undefined ? <span className="score">{r.score.toFixed(1)} / 5</span> : <span className="muted">Not yet</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function interviewLabel(r: CampaignRegistration): string {
  if (r.interviewStatus === 'cancelled') return 'Cancelled'
  if (r.interviewStatus === 'finished') return 'Finished'
  return Date.parse(r.startsAt) > Date.now() ? 'Scheduled' : 'Ended'
}
