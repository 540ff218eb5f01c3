// Campaigns: each shared link with its state, seats booked, registrations and
// deadline; Create campaign, Copy shared link, Close / Reopen.

import { listCampaigns, type CampaignSummary } from '../api/campaigns'
import { href, navigate } from '../app/router'
import { formatDateTime } from '../platform/time'
import { EmptyState, LoadError, PageHeader } from '../ui/Feedback'
import { useKeyShortcut } from '../ui/shortcuts'
import { useAsync } from '../ui/useAsync'
import { CampaignStateBadge, CopyLinkButton, OpenCloseButton } from './CampaignStatus'
import { fillPercent, seatsLabel } from './state'
import './campaigns.css'

export function CampaignsPage() {
  const list = useAsync((signal) => listCampaigns(signal), [])
  useKeyShortcut('n', () => navigate('#/campaigns/new'))
  return (
    <>
      <PageHeader
        title="Campaigns"
        actions={
          <a className="btn btn-primary" href="#/campaigns/new" aria-keyshortcuts="n">
            Create campaign
          </a>
        }
      >
        <p className="page-subtitle">One shared link; candidates register and pick a time themselves.</p>
      </PageHeader>
      <CampaignTable list={list} />
    </>
  )
}

function CampaignTable({ list }: { list: ReturnType<typeof useAsync<CampaignSummary[]>> }) {
  if (list.error !== undefined) return <LoadError error={list.error} onRetry={list.reload} what="the campaigns" />
  const rows = list.data
  if (rows === undefined)
    return (
      <div className="table-skeleton" aria-label="Loading campaigns">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton-row" />
        ))}
      </div>
    )
  if (rows.length === 0)
    return (
      <EmptyState title="No campaigns yet.">
        <p>
          A campaign gives you one link to share in a job post: candidates register, pick one of your slots (or join at
          once) and get their own interview link by email.
        </p>
        <div className="empty-actions">
          <a className="btn btn-primary" href="#/campaigns/new">
            Create campaign
          </a>
        </div>
      </EmptyState>
    )
  const changed = () => list.reload()
  return (
    <table className="table campaign-table" aria-busy={list.loading}>
      <caption className="visually-hidden">Campaigns, newest first, {rows.length} in all</caption>
      <thead>
        <tr>
          <th scope="col">Campaign</th>
          <th scope="col">Status</th>
          <th scope="col">Seats</th>
          <th scope="col">Registrations</th>
          <th scope="col">Deadline</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <a className="cell-title" href={href('campaigns', c.id)}>
                {c.name}
              </a>
              <span className="cell-sub">{c.position}</span>
            </td>
            <td>
              <CampaignStateBadge state={c.state} />
            </td>
            <td>
              {c.mode === 'now' ? (
                <span className="muted">Interview now</span>
              ) : (
                <SeatFill booked={c.booked} seats={c.seats} />
              )}
            </td>
            <td>{c.registered}</td>
            <td>{c.deadline ? formatDateTime(c.deadline) : <span className="muted">None</span>}</td>
            <td className="campaign-actions">
              <CopyLinkButton link={c.link} name={c.name} small />
              <a className="btn btn-small" href={href('campaigns', c.id, 'edit')} aria-label={`Edit ${c.name}`}>
                Edit
              </a>
              <OpenCloseButton id={c.id} name={c.name} closed={c.status === 'closed'} onChanged={changed} small />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** "12 of 20 seats" with a bar. */
export function SeatFill({ booked, seats }: { booked: number; seats: number }) {
  return (
    <div className="seat-fill">
      <span>{seatsLabel(booked, seats)}</span>
      <span className="seat-bar" aria-hidden="true">
        <span className="seat-bar-fill" style={{ width: `${fillPercent(booked, seats)}%` }} />
      </span>
    </div>
  )
}
