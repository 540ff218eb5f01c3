// The pipeline: roles (positions) on the left; the chosen role's candidates
// as columns by stage. A card moves by dragging it to another column, or by
// its "Move to…" menu; clicking the name opens the profile.

import { useEffect, useRef, useState, type DragEvent } from 'react'
import { getPipeline, type CandidateStage, type CandidateSummary, type Pipeline } from '../api/candidates'
import { href, hrefWith } from '../app/router'
import { relativeLabel } from '../platform/time'
import { EmptyState, LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { useNow } from '../ui/useNow'
import { MoveMenu, useStageMove } from './MoveMenu'
import { applicationFor, STAGE_LABEL } from './stages'
import './candidates.css'

export function PipelinePage({ position }: { position: string }) {
  const board = useAsync((signal) => getPipeline(position, signal), [position])
  const [focusCard, setFocusCard] = useState<{ id: string; stage: CandidateStage } | undefined>()
  const mover = useStageMove((c, stage) => {
    setFocusCard({ id: c.id, stage })
    board.reload()
  })
  const root = useRef<HTMLDivElement>(null)

  // After a move the card is in another column: keep the keyboard on it
  // once the board shows it there.
  useEffect(() => {
    if (!focusCard) return
    const card = root.current?.querySelector<HTMLElement>(
      `[data-card="${CSS.escape(focusCard.id)}"][data-stage="${focusCard.stage}"] .move-menu button`,
    )
    if (!card) return
    card.focus()
    setFocusCard(undefined)
  }, [board.data, focusCard])

  const p = board.data
  return (
    <>
      <PageHeader title="Pipeline" actions={<a className="btn" href="#/candidates">Candidates</a>}>
        <p className="page-subtitle">Candidates of each role by stage. Drag a card to another column, or use its “Move to…” menu.</p>
      </PageHeader>
      {board.error !== undefined ? (
        <LoadError error={board.error} onRetry={board.reload} what="the pipeline" />
      ) : !p ? (
        <Skeleton lines={8} label="Loading the pipeline" />
      ) : (p.roles ?? []).length === 0 ? (
        <EmptyState title="No roles yet.">
          <p>A role appears here when you schedule an interview for a position or import take-home results.</p>
          <div className="empty-actions">
            <a className="btn btn-primary" href="#/interviews/new">
              New interview
            </a>
            <a className="btn" href="#/candidates">
              Import take-home results
            </a>
          </div>
        </EmptyState>
      ) : (
        <div className="pipeline" ref={root}>
          <Roles pipeline={p} />
          <Board
            pipeline={p}
            busy={mover.busy}
            onMove={(c, stage) => mover.request({ id: c.id, name: c.name, position: p.position, stage })}
          />
        </div>
      )}
      {mover.dialog}
    </>
  )
}

function Roles({ pipeline }: { pipeline: Pipeline }) {
  return (
    <nav className="pipeline-roles" aria-label="Roles">
      <h2 className="section-title">Roles</h2>
      <ul>
        {(pipeline.roles ?? []).map((r) => (
          <li key={r.position}>
            <a
              className="pipeline-role"
              href={hrefWith(['pipeline'], { position: r.position })}
              aria-current={r.position === pipeline.position ? 'page' : undefined}
            >
              <span>{r.position}</span>
              <span className="badge badge-muted" aria-label={`${r.candidates} candidates`}>
                {r.candidates}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Board({
  pipeline,
  busy,
  onMove,
}: {
  pipeline: Pipeline
  busy: boolean
  onMove: (c: CandidateSummary, stage: CandidateStage) => void
}) {
  const [dragging, setDragging] = useState<{ candidate: CandidateSummary; from: CandidateStage } | undefined>()
  const [over, setOver] = useState<CandidateStage | undefined>()
  const now = useNow()
  const drop = (e: DragEvent, stage: CandidateStage) => {
    e.preventDefault()
    setOver(undefined)
    if (dragging && dragging.from !== stage) onMove(dragging.candidate, stage)
    setDragging(undefined)
  }
  return (
    <section className="pipeline-main" aria-labelledby="pipeline-role">
      <h2 id="pipeline-role" className="pipeline-title">
        {pipeline.position}
      </h2>
      {/* Focusable, so the keyboard can scroll to the columns off screen. */}
      <div className="pipeline-board" tabIndex={0} role="group" aria-label={`Stages of ${pipeline.position}; scroll sideways for more`}>
        {(pipeline.columns ?? []).map((col) => {
          const cards = col.candidates ?? []
          return (
            <section
              key={col.stage}
              className={`pipeline-column${over === col.stage ? ' pipeline-column-over' : ''}`}
              aria-labelledby={`column-${col.stage}`}
              onDragOver={(e) => {
                if (!dragging) return
                e.preventDefault()
                e.dataTransfer.dropEffect = 'move'
                setOver(col.stage)
              }}
              onDragLeave={() => setOver((o) => (o === col.stage ? undefined : o))}
              onDrop={(e) => drop(e, col.stage)}
            >
              <h3 id={`column-${col.stage}`} className="pipeline-column-title">
                {STAGE_LABEL[col.stage]} <span className="muted">({cards.length})</span>
              </h3>
              {cards.length === 0 ? (
                <p className="pipeline-empty muted">No candidates</p>
              ) : (
                <ul className="pipeline-cards">
                  {cards.map((c) => {
                    const app = applicationFor(c.applications, pipeline.position)
                    return (
                      <li
                        key={c.id}
                        className="pipeline-card"
                        data-card={c.id}
                        data-stage={col.stage}
                        draggable={!busy}
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/plain', c.id)
                          e.dataTransfer.effectAllowed = 'move'
                          setDragging({ candidate: c, from: col.stage })
                        }}
                        onDragEnd={() => {
                          setDragging(undefined)
                          setOver(undefined)
                        }}
                      >
                        <a className="cell-title" href={href('candidates', c.id)}>
                          {c.name}
                        </a>
                        <span className="cell-sub">{c.email}</span>
                        <span className="cell-sub">
                          {app ? `Moved here ${relativeLabel(app.stageAt, now)}` : ''}
                        </span>
                        <MoveMenu name={c.name} current={col.stage} disabled={busy} onChoose={(s) => onMove(c, s)} />
                      </li>
                    )
                  })}
                </ul>
              )}
            </section>
          )
        })}
      </div>
    </section>
  )
}
