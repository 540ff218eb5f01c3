import { useState } from 'react'
import type { Route } from './router'
import { setTheme, storedTheme, type ThemeChoice } from '../ui/theme'

const NAV: { label: string; hash: string; areas: Route['name'][] }[] = [
  { label: 'Interviews', hash: '#/interviews', areas: ['interviews', 'interview', 'interview-room', 'interview-new', 'playback'] },
  { label: 'Live Room', hash: '#/live-rooms', areas: ['live-rooms'] },
  { label: 'Candidates', hash: '#/candidates', areas: ['candidates', 'candidate'] },
  { label: 'Pipeline', hash: '#/pipeline', areas: ['pipeline'] },
  { label: 'Campaigns', hash: '#/campaigns', areas: ['campaigns', 'campaign', 'campaign-new', 'campaign-edit'] },
  { label: 'Overview', hash: '#/overview', areas: ['overview', 'report'] },
  { label: 'Interview templates', hash: '#/templates', areas: ['templates', 'template', 'template-new'] },
  { label: 'Settings', hash: '#/settings', areas: ['settings'] },
]

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export function Sidebar({ route }: { route: Route }) {
  const [theme, setThemeState] = useState<ThemeChoice>(storedTheme)
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
          {NAV.map((item) => {
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
