import { listRecordings } from '../api/room'
import type { Interview, Recording } from '../api/types'
import { dateTimeFormat } from '../platform/locale'
import { usePush } from '../platform/push'
import { InlineError, Skeleton } from '../ui/Feedback'
import { CollapsibleCard } from '../ui/Disclosure'
import { useAsync } from '../ui/useAsync'

const SOURCE_LABEL: Record<string, string> = {
  camera: 'Camera',
  microphone: 'Microphone',
  screen: 'Screen',
  'screen-audio': 'Screen audio',
}

export const sourceLabel = (s: string) => SOURCE_LABEL[s] ?? s

/** "candidate" → "Olivia Diaz (candidate)"; "interviewer-1a2b3c4d" → "Interviewer 1a2b3c4d". */
export function participantLabel(participant: string, iv: Pick<Interview, 'candidate'>, name?: string): string {
  if (participant === 'candidate') return `${iv.candidate.name} (candidate)`
  if (name) return `${name} (interviewer)`
  const m = /^interviewer-(.+)$/.exec(participant)
  if (m) return `Interviewer ${m[1]}`
  return participant
}

/** "850 KB", "12.4 MB". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 KB'
  if (n < 1_000_000) return `${Math.max(1, Math.round(n / 1000))} KB`
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`
  return `${(n / 1_000_000_000).toFixed(2)} GB`
}

/** "0:42", "5:32", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

const startedLabel = (iso: string) =>
  dateTimeFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(
    new Date(iso),
  )

const isSet = (iso?: string): iso is string => !!iso && !iso.startsWith('0001-01-01')

function RecordingItem({ rec, who }: { rec: Recording; who: string }) {
  const what = `${who}, ${sourceLabel(rec.source).toLowerCase()}`
  const video = rec.kind === 'video'
  return (
    <li className="recording">
      <div className="recording-head">
        <p className="recording-title">
          {who} <span className="recording-source">· {sourceLabel(rec.source)}</span>
        </p>
        {rec.active ? (
          <span className="badge badge-danger">● Recording</span>
        ) : (
          !rec.finalised && <span className="badge badge-muted">Cut off</span>
        )}
      </div>
      <p className="recording-meta">
        {rec.codec ? rec.codec.toUpperCase() : rec.kind} · {formatBytes(rec.bytes)} ·{' '}
        {rec.durationMs > 0 ? formatClock(rec.durationMs) : rec.active ? 'in progress' : 'length unknown'}
        {isSet(rec.started) && <> · started {startedLabel(rec.started)}</>}
      </p>
      {!rec.active && !rec.finalised && (
        <p className="recording-meta">The file was cut off; it plays up to the break, but seeking may not work.</p>
      )}
      {video ? (
        <video className="recording-player" controls preload="metadata" src={rec.url} aria-label={`Recording: ${what}`} />
      ) : (
        <audio className="recording-player" controls preload="metadata" src={rec.url} aria-label={`Recording: ${what}`} />
      )}
    </li>
  )
}

const ORDER = ['camera', 'screen', 'microphone', 'screen-audio']

/** "Recordings": each recorded track of the call, with playback. */
export function RecordingsPanel({ interview: iv }: { interview: Interview }) {
  const state = useAsync((signal) => listRecordings(iv.id, signal), [iv.id])
  const recs = state.data
  const { reload } = state

  // The host says when a recording starts, grows (every few seconds while
  // the call is recorded) or is finalised.
  usePush(iv.id, ['recordings'], reload)

  const sorted = recs
    ? [...recs].sort(
        (a, b) =>
          (a.participant === 'candidate' ? 0 : 1) - (b.participant === 'candidate' ? 0 : 1) ||
          a.participant.localeCompare(b.participant) ||
          ORDER.indexOf(a.source) - ORDER.indexOf(b.source) ||
          (a.started ?? '').localeCompare(b.started ?? '') ||
          a.name.localeCompare(b.name),
      )
    : []

  return (
    <CollapsibleCard
      title="Recordings"
      storageName="interview.recordings"
      headingId="recordings-heading"
      meta={
        recs && recs.length > 0
          ? `${recs.length} ${recs.length === 1 ? 'file' : 'files'} · ${formatBytes(recs.reduce((n, r) => n + r.bytes, 0))}`
          : undefined
      }
    >
      {state.error !== undefined ? (
        <InlineError what="Could not load the recordings" error={state.error} onRetry={reload} />
      ) : !recs ? (
        <Skeleton lines={2} label="Loading recordings" />
      ) : recs.length === 0 ? (
        <p className="empty-inline">No recordings yet. The call is recorded once it starts.</p>
      ) : (
        <ul className="recordings" aria-label="Recorded files">
          {sorted.map((r) => (
            <RecordingItem key={r.name} rec={r} who={participantLabel(r.participant, iv, r.participantName)} />
          ))}
        </ul>
      )}
    </CollapsibleCard>
  )
}
