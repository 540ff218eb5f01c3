// An interview's report in the console (#/interviews/ID/report): the summary
// with the final score and the interviewers' rating apart, the one synced
// recording beside the transcript, each question with its analysis and
// evidence, ratings and comments, notes, talk time, the timeline, links to
// the code and whiteboard playback, and the downloads (HTML, PDF, recording).
// Everything that has a moment plays the recording from it.

import { useMemo } from 'react'
import { buildLayout, type TranscriptLine } from '../api/analysis'
import { ApiError } from '../api/client'
import { getReport, reportFile, type Report } from '../api/report'
import { getTimeline } from '../api/timeline'
import type { Timeline } from '../api/types'
import { ScoreSummary } from '../analysis/ScoreSummary'
import { TalkTimeList } from '../analysis/TalkTimeList'
import { lineAt } from '../analysis/transcript'
import { TranscriptView } from '../analysis/TranscriptView'
import { href } from '../app/router'
import { formatClock } from '../interviews/RecordingsPanel'
import { markersOf } from '../playback/markers'
import { formatDateTime, formatDuration } from '../platform/time'
import { usePush } from '../platform/push'
import { EmptyState, LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { CombinedPlayer, CONVERSATION_MARKERS } from './CombinedPlayer'
import { DownloadLink } from './DownloadLink'
import { QuestionCard, questionStarts } from './QuestionCard'
import { clockOf, type Clock } from './speaking'
import { usePlayer, type Player } from './usePlayer'
import '../analysis/analysis.css'
import './report.css'

type Loaded = { report: Report; timeline?: Timeline }

async function load(id: string, signal: AbortSignal): Promise<Loaded> {
  const [report, timeline] = await Promise.all([getReport(id, signal), getTimeline(id, signal).catch(() => undefined)])
  return { report, ...(timeline ? { timeline } : {}) }
}

export default function ReportPage({ id }: { id: string }) {
  const state = useAsync((signal) => load(id, signal), [id])
  usePush(id, ['analysis', 'timeline'], state.reload)
  if (state.error instanceof ApiError && state.error.code === 'conflict') {
    return (
      <>
        <PageHeader title="Report" />
        <EmptyState title="The report is made once the interview has ended">
          <a href={href('interviews', id)}>Go to the interview</a>
        </EmptyState>
      </>
    )
  }
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} what="the report" />
  if (!state.data) return <Skeleton lines={8} label="Loading the report…" />
  return <ReportView id={id} data={state.data} onChange={state.reload} />
}

function ReportView({ id, data, onChange }: { id: string; data: Loaded; onChange: () => void }) {
  const r = data.report
  const rows = data.timeline?.rows
  const clock = useMemo(() => (r.recording ? clockOf(r.recording, r.startedAt) : undefined), [r.recording, r.startedAt])
  const player = usePlayer(clock)
  const markers = useMemo(() => markersOf(rows ?? [], CONVERSATION_MARKERS), [rows])
  const starts = useMemo(() => questionStarts(rows ?? []), [rows])
  const when = r.startedAt ?? r.scheduledAt
  return (
    <>
      <PageHeader
        title={`Report: ${r.candidate.name}`}
        actions={
          <>
            <DownloadLink path={reportFile(id, 'html')} name={r.files.html}>
              Download HTML
            </DownloadLink>
            <DownloadLink path={reportFile(id, 'pdf')} name={r.files.pdf} primary>
              Download PDF
            </DownloadLink>
            {r.recording && (
              <DownloadLink path={`/api/interviews/${encodeURIComponent(id)}/recording`} name={r.files.recording}>
                Download recording
              </DownloadLink>
            )}
          </>
        }
      >
        <p className="page-subtitle">
          {r.position} · {formatDateTime(when, r.timeZone)} · <a href={href('interviews', id)}>Interview details</a>
        </p>
      </PageHeader>
      {r.notices.length > 0 && (
        <div className="banner banner-info report-notices" role="status">
          <ul>
            {r.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="report">
        <Summary r={r} />
        <RecordingSection id={id} r={r} clock={clock} player={player} markers={markers} onChange={onChange} />
        <section className="report-section" aria-labelledby="answers-heading">
          <h2 id="answers-heading" className="section-title">
            Questions and answers
          </h2>
          {r.questions.length === 0 ? (
            <p className="muted">This interview had no technical questions.</p>
          ) : (
            <ol className="report-questions">
              {r.questions.filter((q) => q.asked).map((q) => (
                <li key={q.number}>
                  <QuestionCard
                    q={q}
                    interviewId={id}
                    declined={r.declined}
                    start={starts.get(q.number - 1)}
                    onPlay={clock ? (at) => player.seek(at, { play: true }) : undefined}
                    onChange={onChange}
                  />
                </li>
              ))}
            </ol>
          )}
          <NotAsked r={r} />
        </section>
        <Notes r={r} />
        <Moments r={r} onSeek={clock ? (at) => player.seek(at, { play: true }) : undefined} />
        <section className="card report-playback" aria-labelledby="code-heading">
          <h2 id="code-heading" className="card-title">
            Code and whiteboard
          </h2>
          <p>
            Replay the shared editor, the scratch pad and the whiteboard as they unfolded, with the recording in step.{' '}
            <a className="btn btn-small" href={href('interviews', id, 'playback')}>
              Open the code and whiteboard playback
            </a>
          </p>
        </section>
      </div>
    </>
  )
}

function Summary({ r }: { r: Report }) {
  const s = r.score
  return (
    <section className="card report-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="card-title">
        Summary
      </h2>
      <div className="report-summary-grid">
        <ScoreSummary
          s={{
            scale: s.scale,
            ...(s.ai !== undefined ? { ai: s.ai } : {}),
            answered: s.answered,
            overridden: s.overridden,
            ...(s.rating !== undefined ? { rating: s.rating } : {}),
            rated: s.rated,
            strengths: r.strengths,
            concerns: r.concerns,
          }}
        />
        <dl className="facts report-facts">
          <dt>Candidate</dt>
          <dd>
            {r.candidate.name}
            <span className="cell-sub">{r.candidate.email}</span>
          </dd>
          <dt>Position</dt>
          <dd>
            {r.position}
            {r.campaign && <span className="cell-sub">Campaign: {r.campaign}</span>}
          </dd>
          <dt>Date</dt>
          <dd>
            {formatDateTime(r.startedAt ?? r.scheduledAt, r.timeZone)}
            <span className="cell-sub">
              {r.durationMs > 0 ? `lasted ${lasted(r.durationMs)}, ` : ''}
              {r.plannedMinutes} min planned · {r.timeZone.replace(/_/g, ' ')}
            </span>
          </dd>
          <dt>Interviewers</dt>
          <dd>{r.interviewers.length > 0 ? r.interviewers.map((p) => p.name || p.email).join(', ') : <span className="muted">None listed</span>}</dd>
          <dt>Template</dt>
          <dd>{r.template}</dd>
        </dl>
      </div>
      {r.engines && (
        <p className="field-hint report-engines">
          <strong>How this was analysed.</strong> Transcript: {r.engines.transcription}. {r.engines.transcriptionQuality} Scores:{' '}
          {r.engines.scoring}. The AI score is a starting point for the interviewers’ judgement, with the evidence below; every score
          can be overridden.
        </p>
      )}
      {r.talkTime.length > 0 && (
        <div className="report-talk">
          <h3 className="analysis-subtitle">Talk time</h3>
          <TalkTimeList talk={r.talkTime} />
        </div>
      )}
    </section>
  )
}

function RecordingSection({
  id,
  r,
  clock,
  player,
  markers,
  onChange,
}: {
  id: string
  r: Report
  clock: Clock | undefined
  player: Player
  markers: ReturnType<typeof markersOf>
  onChange: () => void
}) {
  const questions = r.questions.map((q) => q.text)
  const current = clock ? lineAt(r.transcript, player.t - clock.origin) : -1
  const seekLine = clock ? (l: TranscriptLine) => player.seek(Date.parse(l.at), { play: true }) : undefined
  const transcript = (
    <div className="report-transcript">
      <h3 className="analysis-subtitle" id="transcript-heading">
        Transcript
      </h3>
      {r.declined ? (
        <p className="muted">No transcript: the candidate declined AI analysis.</p>
      ) : (
        <TranscriptView lines={r.transcript} questions={questions} current={current} follow={player.playing} {...(seekLine ? { onSeek: seekLine } : {})} />
      )}
    </div>
  )
  if (!r.recording || !clock) {
    return (
      <section className="card" aria-labelledby="recording-heading">
        <h2 id="recording-heading" className="card-title">
          Recording and transcript
        </h2>
        <p className="muted">
          There is no combined recording of this interview{r.analysisStatus ? '' : ' yet: it is made with the analysis'}. The per-track
          files are on the interview’s page.
        </p>
        {transcript}
      </section>
    )
  }
  return (
    <section className="card report-recording" aria-labelledby="recording-heading">
      <h2 id="recording-heading" className="card-title">
        Recording and transcript
      </h2>
      <div className="report-recording-grid">
        <CombinedPlayer
          interviewId={id}
          recording={r.recording}
          voices={r.voice}
          clock={clock}
          markers={markers}
          player={player}
          onBuild={async (name) => {
            await buildLayout(id, name)
            onChange()
          }}
        />
        {transcript}
      </div>
    </section>
  )
}

/** The questions of the template that never came on screen, in short. */
function NotAsked({ r }: { r: Report }) {
  const left = r.questions.filter((q) => !q.asked)
  if (left.length === 0) return null
  return (
    <details className="card report-not-asked">
      <summary>
        {left.length === 1 ? '1 question was' : `${left.length} questions were`} not asked
      </summary>
      <ol>
        {left.map((q) => (
          <li key={q.number} value={q.number}>
            {q.text}
          </li>
        ))}
      </ol>
    </details>
  )
}

/** How long something lasted, in words: "13 s", "47 min", "1 h 5 min". */
function lasted(ms: number): string {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s} s` : formatDuration(Math.round(s / 60))
}

function Notes({ r }: { r: Report }) {
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="card-title">
        Notes
      </h2>
      {r.notes.length === 0 ? (
        <p className="muted">No interviewer wrote notes.</p>
      ) : (
        <ul className="report-notes">
          {r.notes.map((n) => (
            <li key={n.author + (n.savedAt ?? '')}>
              <p className="report-note-author">
                {n.author}
                {n.savedAt && <span className="muted"> · saved {formatDateTime(n.savedAt, r.timeZone)}</span>}
              </p>
              <p className="report-note-text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The timeline in words; each entry plays the recording from its moment. */
function Moments({ r, onSeek }: { r: Report; onSeek?: (at: number) => void }) {
  if (r.timeline.length === 0) return null
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="card-title">
        Timeline
      </h2>
      <ol className="report-timeline">
        {r.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            {onSeek ? (
              <button type="button" className="btn-link report-time" onClick={() => onSeek(Date.parse(e.at))}>
                <span className="visually-hidden">Play from </span>
                {e.offsetMs < 0 ? `−${formatClock(-e.offsetMs)}` : formatClock(e.offsetMs)}
              </button>
            ) : (
              <time className="report-time">{formatClock(e.offsetMs)}</time>
            )}
            <span>{e.text}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
