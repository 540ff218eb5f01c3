// A candidate's profile: contact, the positions applied for with their
// stages, every interview (upcoming, past, cancelled), take-home results with
// each task's work, notes, history, and Create Live Room.

import { useEffect, useState } from 'react'
import {
  candidateResults,
  getCandidate,
  updateCandidate,
  type Candidate,
  type CandidateChange,
  type TakehomeResult,
} from '../api/candidates'
import { ApiError, errorMessage } from '../api/client'
import type { InterviewSummary, Tense } from '../api/types'
import { href, hrefWith, navigate, setBlocker } from '../app/router'
import { StatusBadge } from '../interviews/status'
import { formatDate, formatDateTime } from '../platform/time'
import { Dialog } from '../ui/Dialog'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { CANDIDATE_NOTES_MAX } from '../api/contract.gen'
import { MoveMenu, useStageMove } from './MoveMenu'
import { StageBadge } from './StageBadge'
import { STAGE_LABEL } from './stages'
import { resultLine, TakehomeTasks } from './TakehomeView'
import { CandidateDataPanel } from '../privacy/CandidateDataPanel'
import './candidates.css'

export function CandidateProfilePage({ id }: { id: string }) {
  const state = useAsync(async (signal) => {
    const candidate = await getCandidate(id, signal)
    const results = await candidateResults(candidate.id, signal)
    return { candidate, results }
  }, [id])
  if (state.error !== undefined)
    return (
      <>
        <PageHeader title="Candidate" />
        <LoadError error={state.error} onRetry={state.reload} what="the candidate" />
        <p>
          <a href="#/candidates">Back to Candidates</a>
        </p>
      </>
    )
  if (!state.data)
    return (
      <>
        <PageHeader title="Candidate" />
        <Skeleton lines={10} label="Loading the candidate" />
      </>
    )
  const { candidate, results } = state.data
  return <Profile candidate={candidate} results={results} onChange={(c) => state.setData({ candidate: c, results })} />
}

function Profile({
  candidate: c,
  results,
  onChange,
}: {
  candidate: Candidate
  results: TakehomeResult[]
  onChange: (c: Candidate) => void
}) {
  const [editing, setEditing] = useState(false)
  const mover = useStageMove((next) => onChange(next))
  return (
    <>
      <PageHeader
        title={c.name}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit contact
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate(hrefWith(['interviews', 'new'], { candidate: c.id }))}
            >
              Create Live Room
            </button>
          </>
        }
      >
        <p className="page-subtitle">
          <a href={`mailto:${c.email}`}>{c.email}</a>
        </p>
        <p className="page-subtitle">
          Candidate since {formatDate(c.createdAt)} · last activity {formatDate(c.lastActivityAt)}
        </p>
      </PageHeader>

      <div className="profile-grid">
        <section className="card" aria-labelledby="positions-title">
          <h2 id="positions-title" className="card-title">
            Positions applied for
          </h2>
          {(c.applications ?? []).length === 0 ? (
            <p className="muted">No positions yet: scheduling an interview or importing a take-home result adds one.</p>
          ) : (
            <ul className="profile-positions">
              {(c.applications ?? []).map((a) => (
                <li key={a.position}>
                  <div>
                    <a className="cell-title" href={hrefWith(['pipeline'], { position: a.position })}>
                      {a.position}
                    </a>
                    <span className="cell-sub">
                      Since {formatDate(a.stageAt)} · applied {formatDate(a.appliedAt)}
                    </span>
                    {a.campaignId && (
                      <span className="cell-sub">
                        Through the campaign{' '}
                        <a href={href('campaigns', a.campaignId)}>{campaignName(c.interviews ?? [], a.campaignId)}</a>
                      </span>
                    )}
                  </div>
                  <StageBadge stage={a.stage} />
                  <MoveMenu
                    name={`${c.name}, ${a.position}`}
                    current={a.stage}
                    disabled={mover.busy}
                    onChoose={(stage) => mover.request({ id: c.id, name: c.name, position: a.position, stage })}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>

        <NotesCard candidate={c} onSaved={onChange} />
      </div>

      <InterviewsCard interviews={c.interviews ?? []} />
      <ResultsCard results={results} />
      <HistoryCard history={c.history ?? []} />
      <CandidateDataPanel name={c.name} email={c.email} />

      {editing && <EditContact candidate={c} onClose={() => setEditing(false)} onSaved={onChange} />}
      {mover.dialog}
    </>
  )
}

const TENSES: { tense: Tense; title: string }[] = [
  { tense: 'upcoming', title: 'Upcoming' },
  { tense: 'past', title: 'Past' },
  { tense: 'cancelled', title: 'Cancelled' },
]

/** The name the candidate's interviews give campaign id. */
function campaignName(interviews: InterviewSummary[], id: string): string {
  return interviews.find((iv) => iv.campaignId === id && iv.campaign)?.campaign ?? 'that booked it'
}

function InterviewsCard({ interviews }: { interviews: InterviewSummary[] }) {
  return (
    <section className="card profile-section" aria-labelledby="interviews-title">
      <h2 id="interviews-title" className="card-title">
        Interviews
      </h2>
      {interviews.length === 0 && <p className="muted">No interviews yet. Create Live Room schedules one.</p>}
      {TENSES.map(({ tense, title }) => {
        const list = sortInterviews(interviews.filter((iv) => iv.tense === tense), tense)
        if (list.length === 0) return null
        return (
          <div key={tense} className="profile-interviews">
            <h3 className="section-title">
              {title} ({list.length})
            </h3>
            <ul className="profile-interview-list">
              {list.map((iv) => (
                <li key={iv.id}>
                  <a className="cell-title" href={href('interviews', iv.id)}>
                    {formatDateTime(iv.startsAt, iv.timeZone)}
                  </a>
                  <span className="cell-sub">
                    {iv.position} · {iv.templateName}
                    {iv.campaign ? ` · ${iv.campaign}` : ''}
                  </span>
                  <StatusBadge status={iv.status} tense={iv.tense} />
                  {iv.status === 'finished' && (
                    <a className="btn btn-small" href={href('interviews', iv.id)}>
                      Report<span className="visually-hidden"> of {formatDate(iv.startsAt)}</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function sortInterviews(list: InterviewSummary[], tense: Tense): InterviewSummary[] {
  const dir = tense === 'upcoming' ? 1 : -1
  return [...list].sort((a, b) => dir * (Date.parse(a.startsAt) - Date.parse(b.startsAt)))
}

function ResultsCard({ results }: { results: TakehomeResult[] }) {
  return (
    <section className="card profile-section" aria-labelledby="results-title">
      <h2 id="results-title" className="card-title">
        Take-home results
      </h2>
      {results.length === 0 ? (
        <p className="muted">
          No take-home results. <a href="#/candidates">Import them on the Candidates screen</a> (JSON or CSV).
        </p>
      ) : (
        results.map((r) => (
          <article key={r.id} className="profile-result" aria-label={r.assessment}>
            <h3 className="section-title">{r.assessment}</h3>
            <p className="cell-sub">
              {resultLine(r)} · imported from {r.source}
            </p>
            <TakehomeTasks result={r} />
          </article>
        ))
      )}
    </section>
  )
}

function NotesCard({ candidate, onSaved }: { candidate: Candidate; onSaved: (c: Candidate) => void }) {
  const [text, setText] = useState(candidate.notes)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const toast = useToast()
  const dirty = text !== candidate.notes
  useEffect(() => (dirty ? setBlocker(() => true) : undefined), [dirty])
  const save = async () => {
    setSaving(true)
    setError(undefined)
    try {
      onSaved(await updateCandidate(candidate.id, { notes: text }))
      toast({ tone: 'success', message: 'Notes saved.' })
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.notes ?? e.message) : errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title" className="card-title">
        Notes
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Field label="Notes about the candidate" hint="Only your team sees these." error={error}>
          <textarea
            className="textarea"
            rows={6}
            maxLength={CANDIDATE_NOTES_MAX}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <div className="form-row">
          <button type="submit" className="btn btn-primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save notes'}
          </button>
          <span className="muted" role="status">
            {dirty ? 'Not saved yet' : ''}
          </span>
        </div>
      </form>
    </section>
  )
}

function EditContact({ candidate, onClose, onSaved }: { candidate: Candidate; onClose: () => void; onSaved: (c: Candidate) => void }) {
  const [name, setName] = useState(candidate.name)
  const [email, setEmail] = useState(candidate.email)
  const [errors, setErrors] = useState<{ name?: string; email?: string; form?: string }>({})
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setSaving(true)
    setErrors({})
    try {
      onSaved(await updateCandidate(candidate.id, { name, email }))
      onClose()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') setErrors({ email: e.message })
      else if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors({ name: e.fields.name, email: e.fields.email })
      else setErrors({ form: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }
  return (
    <Dialog
      title={`Edit ${candidate.name}’s contact`}
      description="The earlier name and address stay in the candidate’s history; the earlier address still finds them."
      onClose={onClose}
      onSubmit={() => void save()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <Field label="Name" required error={errors.name}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
      </Field>
      <Field label="Email" required error={errors.email}>
        <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
    </Dialog>
  )
}

function HistoryCard({ history }: { history: CandidateChange[] }) {
  if (history.length === 0) return null
  return (
    <section className="card profile-section" aria-labelledby="history-title">
      <h2 id="history-title" className="card-title">
        History
      </h2>
      <ol className="profile-history">
        {[...history].reverse().map((h, i) => (
          <li key={i}>
            <span className="muted">{formatDateTime(h.at)}</span> {changeText(h)}
          </li>
        ))}
      </ol>
    </section>
  )
}

const BY: Record<CandidateChange['by'], string> = {
  recruiter: 'by you',
  interview: 'after an interview change',
  import: 'by a take-home import',
  upgrade: 'from earlier interviews',
}

function changeText(h: CandidateChange): string {
  switch (h.kind) {
    case 'created':
      return `Candidate added (${h.to}), ${BY[h.by]}.`
    case 'renamed':
      return `Renamed from ${h.from} to ${h.to}, ${BY[h.by]}.`
    case 'email':
      return `Email changed from ${h.from} to ${h.to}, ${BY[h.by]}.`
    case 'stage':
      return `${h.position}: ${stageName(h.from)} → ${stageName(h.to)}, ${BY[h.by]}.`
    case 'takehome':
      return `Take-home result “${h.to}” imported${h.position ? ` for ${h.position}` : ''}.`
  }
}

const stageName = (s: string | undefined): string => (s && s in STAGE_LABEL ? STAGE_LABEL[s as keyof typeof STAGE_LABEL] : (s ?? ''))
