// The transcript: searchable, cut into the stretches each question was on
// screen, each line a button that plays the recording from its moment (when
// there is one), the line being said now marked and, while playing, kept in
// view inside the list.

import { useEffect, useMemo, useRef, useState } from 'react'
import type { TranscriptLine } from '../api/analysis'
import { formatClock } from '../interviews/RecordingsPanel'
import { byQuestion, search } from './transcript'

export function TranscriptView({
  lines,
  questions,
  current = -1,
  follow = false,
  onSeek,
}: {
  lines: readonly TranscriptLine[]
  /** The questions' texts by index, for the stretches' headings. */
  questions: readonly string[]
  /** The index of the line being said now, or -1. */
  current?: number
  /** Keep the current line in view (while the recording plays). */
  follow?: boolean
  /** Plays the recording from a line; without it lines are plain text. */
  onSeek?: (line: TranscriptLine) => void
}) {
  const [q, setQ] = useState('')
  const stretches = useMemo(() => byQuestion(search(lines, q)), [lines, q])
  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const box = scroller.current
    const el = box?.querySelector<HTMLElement>('[aria-current="time"]')
    if (!follow || !box || !el) return
    const top = el.offsetTop - box.offsetTop
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3)
    }
  }, [current, follow])

  if (lines.length === 0) return <p className="muted">No speech was recognised in the recordings.</p>
  const found = stretches.reduce((n, s) => n + s.lines.length, 0)
  return (
    <div className="transcript">
      <input
        type="search"
        className="input transcript-search"
        placeholder="Search the transcript"
        aria-label="Search the transcript"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {q.trim() && found > 0 && (
        <p className="muted transcript-found" role="status">
          {found} of {lines.length} lines
        </p>
      )}
      <div className="transcript-scroll" ref={scroller} tabIndex={-1}>
        {stretches.map((s, k) => (
          <section key={k} className="transcript-stretch" aria-label={heading(s.question, questions)}>
            <h4 className="transcript-heading">{heading(s.question, questions)}</h4>
            <ol className="transcript-lines">
              {s.lines.map(({ line, index }) => (
                <li key={index}>
                  <Line line={line} current={index === current} onSeek={onSeek} />
                </li>
              ))}
            </ol>
          </section>
        ))}
        {found === 0 && <p className="muted">No line contains “{q}”.</p>}
      </div>
    </div>
  )
}

function heading(question: number | undefined, questions: readonly string[]): string {
  if (question === undefined) return 'Outside the questions'
  const text = questions[question]
  return text ? `Question ${question + 1}: ${text}` : `Question ${question + 1}`
}

function Line({ line, current, onSeek }: { line: TranscriptLine; current: boolean; onSeek?: (l: TranscriptLine) => void }) {
  const body = (
    <>
      <time className="transcript-time">{formatClock(line.offsetMs)}</time>
      <span className={`transcript-speaker transcript-${line.role}`}>{line.speaker}</span>
      <span className="transcript-text">{line.text}</span>
    </>
  )
  if (!onSeek) {
    return (
      <div className="transcript-line" aria-current={current ? 'time' : undefined}>
        {body}
      </div>
    )
  }
  return (
    <button type="button" className="transcript-line" aria-current={current ? 'time' : undefined} onClick={() => onSeek(line)}>
      <span className="visually-hidden">Play from </span>
      {body}
    </button>
  )
}
