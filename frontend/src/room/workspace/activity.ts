// The candidate's browser tells the host when the interview tab loses and
// regains focus (another tab, another window). The host times the absence;
// interviewers see it, the candidate does not.

import { useEffect } from 'react'
import type { RoomClient } from '../connection/client'

export function useFocusReport(client: RoomClient, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let away = false
    const update = () => {
      const gone = document.visibilityState === 'hidden' || !document.hasFocus()
      if (gone === away) return
      away = gone
      client.post({ type: 'activity', kind: gone ? 'blur' : 'focus' })
    }
    // Focus moves between elements of the page through a brief window blur in
    // some browsers: look again a moment later.
    const soon = () => window.setTimeout(update, 100)
    document.addEventListener('visibilitychange', update)
    window.addEventListener('blur', soon)
    window.addEventListener('focus', update)
    const offWelcome = client.on('message', (m) => {
      if (m.type === 'welcome' && away) client.post({ type: 'activity', kind: 'blur' })
    })
    return () => {
      document.removeEventListener('visibilitychange', update)
      window.removeEventListener('blur', soon)
      window.removeEventListener('focus', update)
      offWelcome()
    }
  }, [client, enabled])
}
