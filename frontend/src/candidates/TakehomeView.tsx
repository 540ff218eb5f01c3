// A take-home result's tasks: score, language, time spent, tests and the
// submitted code (read-only). Shared by the candidate's profile and the
// interviewers' Assessment panel in the room.

import { lazy, Suspense, useState, type ReactNode } from 'react'
import type { TakehomeResult, TakehomeTask } from '../api/candidates'
import { formatDate } from '../platform/time'
import './takehome.css'

const ReadOnlyCode = lazy(() => import('../playback/ReadOnlyCode').then((m) => ({ default: m.ReadOnlyCode })))

export const score = (s: number, max: number): string => `${s} / ${max}`

export const percent = (s: number, max: number): string => (max > 0 ? `${Math.round((s / max) * 100)} %` : '')

/** Seconds as "42 min" or "1 h 5 min". */
export function timeSpent(seconds: number | undefined): string {
  if (!seconds) return ''
  const minutes = Math.max(1, Math.round(seconds / 60))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "82 / 100 (82 %) · completed 20 Nov 2026 · Backend engineer" */
export function resultLine(r: { score: number; maxScore: number; completedAt: string; position?: string }): string {
  return [`${score(r.score, r.maxScore)} (${percent(r.score, r.maxScore)})`, `completed ${formatDate(r.completedAt)}`, r.position]
    .filter(Boolean)
    .join(' · ')
}

export function TakehomeTasks({
  result,
  actions,
}: {
  result: TakehomeResult
  /** Buttons for a task (e.g. Open in editor). */
  actions?: (task: TakehomeTask, index: number) => ReactNode
}) {
  const tasks = result.tasks ?? []
  if (tasks.length === 0)
    return <p className="muted">This result has no tasks (a CSV summary); import the JSON file for each task’s work.</p>
  return (
    <ol className="takehome-tasks">
      {tasks.map((t, i) => (
        <TaskItem key={i} task={t} index={i} actions={actions} />
      ))}
    </ol>
  )
}

function TaskItem({
  task,
  index,
  actions,
}: {
  task: TakehomeTask
  index: number
  actions: ((task: TakehomeTask, index: number) => ReactNode) | undefined
}) {
  const [open, setOpen] = useState(false)
  const tests = task.tests ?? []
  const passed = tests.filter((t) => t.passed).length
  const facts = [task.language, timeSpent(task.timeSpentSeconds), tests.length > 0 ? `${passed} of ${tests.length} tests passed` : '']
    .filter(Boolean)
    .join(' · ')
  return (
    <li className="takehome-task">
      <div className="takehome-task-head">
        <span className="takehome-task-title">
          {index + 1}. {task.title}
        </span>
        <span className="badge badge-accent" aria-label={`Score ${task.score} of ${task.maxScore}`}>
          {score(task.score, task.maxScore)}
        </span>
      </div>
      {facts && <p className="cell-sub">{facts}</p>}
      {actions && <div className="takehome-task-actions">{actions(task, index)}</div>}
      <details className="takehome-details" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Code and tests</summary>
        {open &&
          (task.code ? (
            <div className="takehome-code">
              <Suspense fallback={<pre className="takehome-code-fallback">{task.code}</pre>}>
                <ReadOnlyCode text={task.code} language={task.editorLanguage} label={`Submitted code of “${task.title}”`} />
              </Suspense>
            </div>
          ) : (
            <p className="muted">No code was submitted for this task.</p>
          ))}
        {open && tests.length > 0 && (
          <ul className="takehome-tests">
            {tests.map((t, i) => (
              <li key={i} className={t.passed ? 'test-passed' : 'test-failed'}>
                <span aria-hidden="true">{t.passed ? '✓' : '✗'}</span> <span className="visually-hidden">{t.passed ? 'Passed:' : 'Failed:'}</span>{' '}
                {t.name}
                {t.message && <span className="cell-sub">{t.message}</span>}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  )
}
