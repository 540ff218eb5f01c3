// The sections of Settings: general (organizer, email, runner, engines,
// host), privacy (retention, backups) and the audit log.
import { href } from '../app/router'
import './sections.css'

export type SettingsSection = 'general' | 'privacy' | 'audit'

const SECTIONS: { section: SettingsSection; label: string; hash: string }[] = [
  { section: 'general', label: 'General', hash: href('settings') },
  { section: 'privacy', label: 'Privacy and backups', hash: href('settings', 'privacy') },
  { section: 'audit', label: 'Audit log', hash: href('settings', 'audit') },
]

export function SettingsTabs({ current }: { current: SettingsSection }) {
  return (
    <nav className="tabs settings-tabs" aria-label="Settings sections">
      {SECTIONS.map((s) => (
        <a key={s.section} className="tab" href={s.hash} aria-current={s.section === current ? 'page' : undefined}>
          {s.label}
        </a>
      ))}
    </nav>
  )
}
