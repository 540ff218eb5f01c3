// Settings → Privacy: the last backup and Back up now (a download of the
// archive the host writes while it goes on serving).
import { useEffect, useRef, useState } from 'react'
import { backupURL, getBackupStatus } from '../api/privacy'
import { formatBytes } from '../interviews/RecordingsPanel'
import { formatDateTime } from '../platform/time'
import { LoadError, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'

/** How often, and how many times, the card looks for the backup just started. */
const WATCH_MS = 2000
const WATCH_TIMES = 60

export function BackupSettings() {
  const status = useAsync((signal) => getBackupStatus(signal), [])
  const [withMedia, setWithMedia] = useState(false)
  const [watching, setWatching] = useState(false)
  const before = useRef<string | undefined>(undefined)
  const { reload } = status

  // The download is the browser's: watch the status until the new backup shows.
  useEffect(() => {
    if (!watching) return
    let n = 0
    const t = window.setInterval(() => {
      n++
      if (n >= WATCH_TIMES) setWatching(false)
      reload()
    }, WATCH_MS)
    return () => window.clearInterval(t)
  }, [watching, reload])
  useEffect(() => {
    if (watching && status.data?.last?.at !== before.current) setWatching(false)
  }, [watching, status.data])

  if (status.error !== undefined) return <LoadError error={status.error} onRetry={status.reload} what="the backup status" />
  const st = status.data
  if (!st) return <Skeleton lines={3} label="Loading the backup status" />
  const last = st.last

  return (
    <section className="card settings-card" aria-labelledby="backup-heading">
      <h2 id="backup-heading" className="card-title">
        Backups
      </h2>
      <p className="section-hint" role="status">
        {last
          ? `Last backup: ${formatDateTime(last.at)} by ${last.actor.name} — the data file (${formatBytes(last.bytes)})${
              last.withMedia ? ` with ${last.mediaFiles} recording files (${formatBytes(last.mediaBytes)})` : ', without recordings'
            }.`
          : 'No backup has been made through this host yet.'}
        {watching && ' Backing up…'}
      </p>
      <p className="section-hint">
        A backup is one ZIP archive of <code>{st.dataDir || 'the data folder'}</code>, made while InterviewDesk goes on working. To
        restore one, quit InterviewDesk and run <code>interviewdesk restore FILE</code>; scheduled backups:{' '}
        <code>interviewdesk backup --out FILE</code>.
      </p>
      <div className="card-actions">
        <label className="backup-media">
          <input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} /> Include the recordings
          (large)
        </label>
        <a
          className="btn btn-primary"
          href={backupURL(withMedia)}
          download
          onClick={() => {
            before.current = last?.at
            setWatching(true)
          }}
        >
          Back up now
        </a>
      </div>
    </section>
  )
}
