import { useState } from 'react'
import type { Route } from './router'
import { setTheme, storedTheme, type ThemeChoice } from '../ui/theme'
import { useAccount } from '../account/AccountContext'
import { roleLabel } from '../account/roles'
import type { Rights } from '../api/account'
import { errorMessage } from '../api/client'
import { TeamHostSwitch } from '../teamhost'

/** The screens, each with the right it takes (none: every account). */
const NAV: { label: string; hash: string; areas: Route['name'][]; needs?: keyof Rights }[] = [
  { label: 'Interviews', hash: '#/interviews', areas: ['interviews', 'interview', 'interview-room', 'interview-new', 'playback'] },
  { label: 'Live Room', hash: '#/live-rooms', areas: ['live-rooms'], needs: 'recruit' },
  { label: 'Candidates', hash: '#/candidates', areas: ['candidates', 'candidate'], needs: 'recruit' },
  { label: 'Pipeline', hash: '#/pipeline', areas: ['pipeline'], needs: 'recruit' },
  { label: 'Campaigns', hash: '#/campaigns', areas: ['campaigns', 'campaign', 'campaign-new', 'campaign-edit'], needs: 'recruit' },
  { label: 'Overview', hash: '#/overview', areas: ['overview', 'report'] },
  { label: 'Interview templates', hash: '#/templates', areas: ['templates', 'template', 'template-new'], needs: 'recruit' },
  { label: 'Settings', hash: '#/settings', areas: ['settings', 'users'] },
]

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export function Sidebar({ route }: { route: Route }) {
  const [theme, setThemeState] = useState<ThemeChoice>(storedTheme)
  const { rights } = useAccount()
  return (
    <aside className="sidebar">
      <a className="wordmark" href="#/interviews" title="Go to interviews">
        <span className="wordmark-mark" aria-hidden="true">
          ID
        </span>
        <span className="wordmark-text">InterviewDesk</span>
      </a>
      <nav aria-label="Main">
        <ul className="nav-list">
          {NAV.filter((item) => !item.needs || rights[item.needs]).map((item) => {
            const current = item.areas.includes(route.name)
            return (
              <li key={item.hash}>
                <a className="nav-link" href={item.hash} aria-current={current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
      <TeamHostSwitch />
      <SignedInAs />
      <fieldset className="theme-toggle">
        <legend className="theme-legend">Theme</legend>
        <div className="segmented">
          {THEMES.map((t) => (
            <label key={t.value} className="segmented-option">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={theme === t.value}
                onChange={() => {
                  setTheme(t.value)
                  setThemeState(t.value)
                }}
              />
              <span>{t.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </aside>
  )
}

/** Who is signed in, and Sign out, in a browser signed in with an account or the console link. */
function SignedInAs() {
  const { account, signOut } = useAccount()
  const [error, setError] = useState<string | undefined>()
  if (!account.canSignOut) return null
  const name = account.name || (account.kind === 'owner' ? 'The host’s owner' : account.email)
  return (
    <section className="sidebar-account" aria-label="Your account">
      <p>
        <span className="sidebar-account-name">{name}</span>
        <br />
        <span className="sidebar-account-role">{account.kind === 'owner' ? 'Console key' : roleLabel(account.role)}</span>
      </p>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          setError(undefined)
          signOut().catch((e: unknown) => setError(`Could not sign out: ${errorMessage(e)}`))
        }}
      >
        Sign out
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
