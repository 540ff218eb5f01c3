import { useEffect, useState, type ReactNode } from 'react'
import type { Settings } from '../api/types'
import { getSettings } from '../api/settings'
import { earlyAnswer } from '../api/client'
import { Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { needsDetails } from '../settings/useOrganizerForm'
import { SetupScreen } from './SetupScreen'
import { useRights } from '../account/AccountContext'

/**
 * Shows "Enter your details" instead of the console until its owner has
 * entered their name and email (the desktop's first launch, a `serve` host's
 * first sign-in). When the settings cannot be read (not signed in, host down)
 * the console opens and its screens say what is wrong, as they always do.
 * Only the owner (or an admin) enters them: a team member's account has its
 * own name and email.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const settings = useAsync((signal) => getSettings(signal), [], () => earlyAnswer('GET /api/settings', {}))
  const [entered, setEntered] = useState(false)
  const { administer } = useRights()
  // Once the details are in, keyboard focus starts on the console.
  useEffect(() => {
    if (entered) document.getElementById('main')?.focus()
  }, [entered])
  const done = (s: Settings) => {
    settings.setData(s)
    setEntered(true)
  }
  if (settings.loading && !settings.data) {
    return (
      <div className="setup">
        <Skeleton lines={3} label="Opening InterviewDesk" />
      </div>
    )
  }
  if (administer && settings.data && needsDetails(settings.data)) {
    return <SetupScreen organizer={settings.data.organizer} onDone={done} />
  }
  return <>{children}</>
}
