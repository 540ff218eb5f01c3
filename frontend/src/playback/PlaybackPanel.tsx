// "Playback" on the interview's details page: the editor(s) and the whiteboard
// replayed as they unfolded, with play/pause, speeds 1×–32×, idle time
// skipped, a scrubber marked with questions, runs, pastes and time away, and
// the recording in step. Loaded lazily (CodeMirror, Excalidraw).

import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { getAnalysis } from '../api/analysis'
import { getPlayback, type PlaybackRecording } from '../api/playback'
import { listRecordings } from '../api/room'
import { getTimeline } from '../api/timeline'
import type { Interview, Recording } from '../api/types'
import { formatClock } from '../interviews/RecordingsPanel'
import { usePush } from '../platform/push'
import { EmptyState, LoadError, Skeleton } from '../ui/Feedback'
import { useScheme } from '../ui/theme'
import { useAsync } from '../ui/useAsync'
import { IDLE_LEAD_MS, IDLE_MS, SPEEDS, useClock, type Speed } from './clock'
import { markersOf, type Marker, type MarkerKind } from './markers'
import { PlaybackMedia } from './PlaybackMedia'
import { Player } from './player'
import { ReadOnlyCode } from './ReadOnlyCode'
import { Scrubber } from './Scrubber'
import { isLanguageId, languageLabel } from '../room/code/languages'
import './playback.css'

const BoardReplay = lazy(() => import('../room/board').then((m) => ({ default: m.BoardReplay })))

/** What the workspace's scrubber marks. */
const WORKSPACE_MARKERS: MarkerKind[] = ['question', 'ran', 'pasted', 'tab-away']

type Loaded = { recording: PlaybackRecording; markers: Marker[]; recordings: Recording[] }

async function load(id: string, signal: AbortSignal): Promise<Loaded> {
  const [recording, timeline, recordings, analysis] = await Promise.all([
    getPlayback(id, signal),
    getTimeline(id, signal),
    listRecordings(id, signal).catch(() => [] as Recording[]),
    getAnalysis(id, signal).catch(() => undefined),
  ])
  // The one combined recording, once built, stands for every track.
  const combined = analysis?.recording
  const media: Recording[] = combined
    ? [
        {
          name: 'interview.webm',
          participant: 'candidate',
          participantName: '',
          source: 'combined',
          kind: 'video',
          codec: 'vp9',
          bytes: 0,
          durationMs: combined.durationMs,
          started: combined.start,
          active: false,
          finalised: true,
          url: `/api/interviews/${encodeURIComponent(id)}/recording`,
        },
      ]
    : recordings
  return { recording, markers: markersOf(timeline.rows, WORKSPACE_MARKERS), recordings: media }
}

/** The playback card; startAt (ms since the epoch) is where it opens. */
export default function PlaybackPanel({ interview, startAt }: { interview: Pick<Interview, 'id'>; startAt?: number }) {
  const state = useAsync((signal) => load(interview.id, signal), [interview.id])
  usePush(interview.id, ['timeline'], state.reload)
  return (
    <section className="card span-2 playback-card" aria-labelledby="playback-heading">
      <h2 id="playback-heading" className="card-title">
        Playback
      </h2>
      {state.error ? (
        <LoadError error={state.error} onRetry={state.reload} what="the playback" />
      ) : !state.data ? (
        <Skeleton lines={4} label="Loading the playback…" />
      ) : (
        <Playback data={state.data} {...(startAt !== undefined ? { startAt } : {})} />
      )}
    </section>
  )
}

const DOC_LABEL: Record<string, string> = { main: 'Code', pad: 'Scratch pad' }

function Playback({ data, startAt }: { data: Loaded; startAt?: number }) {
  const player = useMemo(() => new Player(data.recording), [data.recording])
  const views = useMemo(() => [...player.docIds, ...(player.hasBoard ? ['board'] : [])], [player])
  const [view, setView] = useState(views[0] ?? 'main')
  const skip = useCallback((t: number) => player.skipIdle(t, IDLE_MS, IDLE_LEAD_MS), [player])
  const media = data.recordings.filter((r) => r.finalised && Date.parse(r.started) > 0)
  const mediaStart = Math.min(...media.map((r) => Date.parse(r.started)))
  const start = Math.min(player.start || Infinity, mediaStart)
  const end = Math.max(player.end, ...media.map((r) => Date.parse(r.started) + r.durationMs))
  const clock = useClock(Number.isFinite(start) ? start : 0, Number.isFinite(end) ? end : 0, skip)
  const scheme = useScheme()
  const { seek } = clock
  useEffect(() => {
    if (startAt !== undefined) seek(startAt)
  }, [startAt, seek])

  if (player.stepCount === 0) {
    return (
      <EmptyState title="Nothing to play back yet">
        Nobody has written in the editor or drawn on the whiteboard in this interview.
      </EmptyState>
    )
  }
  const moment = player.at(clock.t)
  const total = end - start
  const pos = clock.t - start
  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return
    if (e.key === ' ' || e.key === 'k') {
      e.preventDefault()
      clock.toggle()
    } else if (e.key === 'ArrowRight' || e.key === 'l') clock.seek(clock.t + 5000)
    else if (e.key === 'ArrowLeft' || e.key === 'j') clock.seek(clock.t - 5000)
  }
  const doc = moment.docs[view]

  return (
    <div className="playback" onKeyDown={onKey}>
      <div className="playback-views" role="group" aria-label="Show">
        {views.map((v) => (
          <button key={v} type="button" className="btn btn-small" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'board' ? 'Whiteboard' : (DOC_LABEL[v] ?? v)}
          </button>
        ))}
        {doc && <span className="muted playback-lang">{isLanguageId(doc.language) ? languageLabel(doc.language) : doc.language}</span>}
      </div>
      <div className="playback-stage">
        <div className="playback-main">
          {view === 'board' ? (
            <Suspense fallback={<p className="muted">Loading the whiteboard…</p>}>
              <BoardReplay elements={moment.board} theme={scheme} />
            </Suspense>
          ) : (
            <ReadOnlyCode
              text={doc?.text ?? ''}
              language={doc?.language ?? 'plaintext'}
              label={`${DOC_LABEL[view] ?? view} as it was at the playback position`}
            />
          )}
        </div>
        <PlaybackMedia recordings={media} clock={clock} />
      </div>
      <div className="playback-controls">
        <button type="button" className="btn btn-primary btn-small" onClick={clock.toggle} aria-keyshortcuts="Space">
          {clock.playing ? 'Pause' : 'Play'}
        </button>
        <label className="playback-speed">
          Speed{' '}
          <select value={clock.speed} onChange={(e) => clock.setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="playback-skip">
          <input type="checkbox" checked={clock.skipIdle} onChange={(e) => clock.setSkipIdle(e.target.checked)} /> Skip idle time
        </label>
        <span className="playback-time" aria-live="off">
          {formatClock(pos)} / {formatClock(total)}
        </span>
      </div>
      <Scrubber start={start} end={end} t={clock.t} markers={data.markers} onSeek={clock.seek} label="Playback position" />
      <p className="field-hint">Space plays and pauses; the arrow keys move 5 seconds.</p>
    </div>
  )
}
