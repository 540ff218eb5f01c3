// The output of the latest run of a document: status line, stdout and stderr.

import { useEffect, useRef } from 'react'
import { useNow } from '../../ui/useNow'
import { isLanguageId, languageLabel } from '../code/languages'
import type { RunInfo } from './messages'

const RUNNER_LABEL: Record<string, string> = {
  interviewer: "in the interviewer's browser",
  candidate: "in the candidate's browser",
  remote: 'on the code runner',
}

/** One line saying how the run went, in words. */
export function runSummary(run: RunInfo, now: number): string {
  const where = RUNNER_LABEL[run.runner] ?? ''
  if (run.state === 'running') {
    if (!run.begunAt && run.runner !== 'remote') return `Starting ${runtimeName(run.language)} ${where}…`
    const secs = Math.max(0, (now - Date.parse(run.begunAt ?? run.startedAt)) / 1000)
    return `Running ${where}… ${secs.toFixed(1)} s`
  }
  const took = run.durationMs !== undefined ? ` in ${(run.durationMs / 1000).toFixed(2)} s` : ''
  switch (run.status) {
    case 'ok':
      return `Finished${took} (exit code ${run.exitCode ?? 0}), ran ${where}`
    case 'error':
      return `Failed${took} with exit code ${run.exitCode ?? 1}`
    case 'timeout':
      return `Stopped: the time limit was reached${took}`
    case 'stopped':
      return `Stopped${took}`
    case 'memory':
      return 'Stopped: the program used too much memory'
    case 'crashed':
      return `The run did not finish: ${run.error ?? 'the runner stopped'}`
    default:
      return 'Finished'
  }
}

function runtimeName(language: string): string {
  return isLanguageId(language) ? languageLabel(language) : 'the runtime'
}

export function RunOutput({ run }: { run: RunInfo | undefined }) {
  const now = useNow(200, run?.state === 'running').getTime()
  const streams = useRef<HTMLDivElement>(null)
  const size = run?.output.reduce((n, o) => n + o.text.length, 0) ?? 0
  // Follow the output as it comes, inside the panel only (the page stays put).
  useEffect(() => {
    const el = streams.current
    if (el) el.scrollTop = el.scrollHeight
  }, [size])

  if (!run) {
    return (
      <section className="run-output run-output-empty" aria-label="Output">
        <p className="muted">Output appears here. Press Run (Ctrl+Enter) to run the code.</p>
      </section>
    )
  }
  const failed = run.state === 'done' && run.status !== 'ok'
  return (
    <section className="run-output" aria-label="Output">
      <p className={`run-status${failed ? ' run-status-failed' : ''}`} role="status" aria-live="polite">
        {runSummary(run, now)}
        {run.by.name ? <span className="muted"> · run by {run.by.name}</span> : null}
      </p>
      <div className="run-streams" tabIndex={0} aria-label="Program output" ref={streams}>
        {run.output.length === 0 && run.state === 'done' && <p className="muted">The program printed nothing.</p>}
        {run.output.map((o, i) => (
          <pre key={i} className={o.stream === 'stderr' ? 'run-stderr' : 'run-stdout'}>
            {o.text}
          </pre>
        ))}
        {run.error && run.status !== 'crashed' && <pre className="run-stderr">{run.error}</pre>}
        {run.truncated && <p className="muted">Output was cut at 64 KB; the run was stopped.</p>}
      </div>
    </section>
  )
}
