import { href } from '../app/router'
import { canHoldCall, openURL } from '../platform/native'

/**
 * "Open interviewer room": inside the app where its webview can hold the call
 * (Windows, macOS), with the system browser one click away; elsewhere (a
 * browser, Linux's webview) straight in the system browser or a new tab.
 */
export function OpenRoomButtons({ interviewId, link }: { interviewId: string; link: string }) {
  if (!canHoldCall()) {
    return (
      <button type="button" className="btn btn-primary" onClick={() => void openURL(link)}>
        Open interviewer room
      </button>
    )
  }
  return (
    <>
      <button type="button" className="btn" onClick={() => void openURL(link)}>
        Open in browser
      </button>
      <a className="btn btn-primary" href={href('interviews', interviewId, 'room')}>
        Open interviewer room
      </a>
    </>
  )
}
