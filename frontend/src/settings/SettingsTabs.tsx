// The sections of Settings: general (organizer, email, runner, engines,
// host), the team host's users, privacy (retention, backups) and the audit
// log.
import { href } from '../app/router'
import { useAccount } from '../account/AccountContext'
import './sections.css'

export type SettingsSection = 'general' | 'users' | 'privacy' | 'audit'

const SECTIONS: { section: SettingsSection; label: string; hash: string }[] = [
  { section: 'general', label: 'General', hash: href('settings') },
  { section: 'users', label: 'Users', hash: href('settings', 'users') },
  { section: 'privacy', label: 'Privacy and backups', hash: href('settings', 'privacy') },
  { section: 'audit', label: 'Audit log', hash: href('settings', 'audit') },
]

export function SettingsTabs({ current }: { current: SettingsSection }) {
  // Users only on a host that keeps accounts.
  const { account } = useAccount()
  return (
    <nav className="tabs settings-tabs" aria-label="Settings sections">
      {SECTIONS.filter((s) => s.section !== 'users' || account.accounts).map((s) => (
        <a key={s.section} className="tab" href={s.hash} aria-current={s.section === current ? 'page' : undefined}>
          {s.label}
        </a>
      ))}
    </nav>
  )
}
