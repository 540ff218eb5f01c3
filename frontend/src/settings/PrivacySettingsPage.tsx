// Settings → Privacy and backups: retention with Apply now, its log, and
// backups.
import { useState } from 'react'
import { PageHeader } from '../ui/Feedback'
import { BackupSettings } from './BackupSettings'
import { RetentionLog } from './RetentionLog'
import { RetentionSettings } from './RetentionSettings'
import { SettingsTabs } from './SettingsTabs'

export function PrivacySettingsPage() {
  const [runs, setRuns] = useState(0)
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs current="privacy" />
      <RetentionSettings onApplied={() => setRuns((n) => n + 1)} />
      <RetentionLog reload={runs} />
      <BackupSettings />
    </>
  )
}
