// The interview list's campaign filter and column.
import { listCampaigns } from '../api/campaigns'
import { href } from '../app/router'
import { useAsync } from '../ui/useAsync'

/** A drop-down of the campaigns; absent while there are none (or they cannot be loaded). */
export function CampaignFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const list = useAsync((signal) => listCampaigns(signal).catch(() => []), [])
  const campaigns = list.data ?? []
  if (campaigns.length === 0 && value === '') return null
  return (
    <div className="campaign-filter">
      <label htmlFor="interview-campaign" className="visually-hidden">
        Campaign
      </label>
      <select id="interview-campaign" className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All campaigns</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The campaign an interview came through, linked to its page when it has one. */
export function CampaignCell({ name, id }: { name: string; id?: string | undefined }) {
  if (id) return <a href={href('campaigns', id)}>{name || 'Campaign'}</a>
  if (name) return <>{name}</>
  return <span className="muted">—</span>
}
