import { getInterview } from '../api/interviews'
import { href } from '../app/router'
import { openURL } from '../platform/native'
import { LoadError, PageHeader, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import './room-page.css'

/**
 * The interviewer room inside the desktop app (#/interviews/ID/room): the
 * host's room page for the organizer's link, framed, with the way back and the
 * system browser beside it. Only linked where the webview has WebRTC.
 */
export function InterviewRoomPage({ id }: { id: string }) {
  const iv = useAsync((signal) => getInterview(id, signal), [id])
  const back = (
    <a className="btn" href={href('interviews', id)}>
      Back to the interview
    </a>
  )
  if (iv.error !== undefined)
    return (
      <>
        <PageHeader title="Interviewer room" actions={back} />
        <LoadError error={iv.error} onRetry={iv.reload} what="the interview" />
      </>
    )
  if (!iv.data)
    return (
      <>
        <PageHeader title="Interviewer room" actions={back} />
        <Skeleton lines={4} label="Opening the room" />
      </>
    )
  const { candidate, interviewerLink } = iv.data
  return (
    <div className="room-page">
      <PageHeader
        title={`Interview with ${candidate.name}`}
        actions={
          <>
            {back}
            <button type="button" className="btn" onClick={() => void openURL(interviewerLink)}>
              Open in browser
            </button>
          </>
        }
      />
      <iframe
        className="room-frame"
        src={interviewerLink}
        title={`Interviewer room for ${candidate.name}`}
        allow="camera; microphone; display-capture; autoplay; fullscreen; clipboard-read; clipboard-write"
      />
    </div>
  )
}
