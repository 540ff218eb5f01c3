import { useEffect, useRef } from 'react'
import { MediaToggles } from '../call/CallView'
import { LevelMeter } from '../call/DeviceControls'
import { Tile } from '../call/Tile'
import { useFocusOnChange } from '../a11y'
import { useLocalMedia, type LocalMedia } from '../media/local'
import type { CandidateView } from '../protocol'
import type { Stage } from '../screens'

/** Ready, waiting to be let in (before the start, or while the room is locked). */
export function WaitingRoom({ locked, you, local, interviewers }: { locked: boolean; you: string; local: LocalMedia; interviewers: string[] }) {
  const media = useLocalMedia(local)
  return (
    <div className="waiting">
      <section className="card waiting-card" aria-labelledby="waiting-title">
        <p className="waiting-eyebrow">
          <span className="waiting-pulse" aria-hidden="true" />
          Waiting room
        </p>
        <h1 id="waiting-title" className="page-title" tabIndex={-1} data-screen-title>
          Waiting for the interviewer
        </h1>
        <p className="waiting-status" role="status" aria-live="polite">
          {locked
            ? 'The interviewer has locked the room; you will be let in shortly.'
            : `You are ready. ${interviewers.length > 0 ? interviewers.join(', ') : 'The interviewer'} will start the interview shortly — you join the call automatically.`}
        </p>
        <p className="muted">Keep this page open. Your camera and microphone stay on so you are ready the moment the interview starts.</p>
      </section>
      <div className="waiting-preview">
        <Tile
          name={you || 'You'}
          suffix="(you)"
          self
          stream={media.preview}
          status={media.cameraOff ? 'Camera off' : 'No camera picture'}
          micOff={media.micMuted || !media.audio}
        />
        <LevelMeter track={media.audio} />
        <MediaToggles local={local} />
      </div>
    </div>
  )
}

/** What the candidate reads during the plan; only a technical interview promises questions. */
export function planText(technical: boolean): string {
  const talk =
    'The interviewer starts with a conversation about you: your background, your experience and what you are looking for.'
  return technical ? `${talk} Questions will appear here when the technical part begins.` : talk
}

const STAGE_TITLE: Record<Stage, string> = { plan: 'Introduction', technical: 'Technical questions', finish: 'Finish' }

/** What the candidate reads beside the call: the stage, and the question on screen. */
export function CandidateStage({ stage, view, technical }: { stage: Stage; view: CandidateView; technical: boolean }) {
  const heading = useFocusOnChange<HTMLHeadingElement>(stage)
  const q = view.question
  const questionHeading = useRef<HTMLHeadingElement>(null)
  const lastNumber = useRef(q?.number)
  useEffect(() => {
    if (q && lastNumber.current !== undefined && q.number !== lastNumber.current) {
      if (!document.querySelector('dialog[open]')) questionHeading.current?.focus()
    }
    lastNumber.current = q?.number
  }, [q])

  return (
    <aside className="side-panel candidate-stage" aria-labelledby="stage-title">
      <p className="stage-eyebrow">
        {stage === 'technical' ? 'Technical part' : stage === 'finish' ? 'Wrap-up' : 'Getting started'}
      </p>
      {stage === 'technical' && q ? (
        <>
          <h1 id="stage-title" ref={(el) => {
            heading.current = el
            questionHeading.current = el
          }} className="stage-title" tabIndex={-1}>
            Question {q.number}/{q.total}
          </h1>
          <div className="visually-hidden" role="status" aria-live="polite">
            Question {q.number} of {q.total}
            {q.rephrased ? ', rephrased' : ''}
          </div>
          <p className="question-text">{q.text}</p>
          {q.rephrased && (
            <div className="rephrased">
              <h2 className="rephrased-title">In other words</h2>
              <p>{q.rephrased}</p>
            </div>
          )}
          <p className="muted stage-hint">Take your time and think aloud: the interviewer is interested in how you reason.</p>
        </>
      ) : (
        <>
          <h1 id="stage-title" ref={heading} className="stage-title" tabIndex={-1}>
            {STAGE_TITLE[stage]}
          </h1>
          <div className="visually-hidden" role="status" aria-live="polite">
            {STAGE_TITLE[stage]}
          </div>
          {stage === 'plan' && <p className="stage-text">{planText(technical)}</p>}
          {stage === 'technical' && <p className="stage-text">The next question will appear here.</p>}
          {stage === 'finish' && (
            <p className="stage-text">
              Your turn: ask about the team, the company or the next steps. The interviewer will close the interview when you are
              done.
            </p>
          )}
        </>
      )}
    </aside>
  )
}
