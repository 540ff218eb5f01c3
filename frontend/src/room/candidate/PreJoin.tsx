import { useState } from 'react'
import { useNow } from '../../ui/useNow'
import { formatDateTime, formatDuration } from '../../platform/time'
import type { ConnectionStatus } from '../connection/client'
import type { LocalMedia } from '../media/local'
import type { Consent, Welcome } from '../protocol'
import { BookingPanel } from './BookingPanel'
import { countdown } from './countdown'
import { ConsentBoxes } from './ConsentBoxes'
import { DeviceCheck } from './DeviceCheck'
import { NetworkCheck } from './NetworkCheck'

export const CONSENT_KEY = (token: string) => `interviewdesk.room.consent.${token}`

/** The answers given on this link before (a reload), each kept as given. */
function savedConsent(token: string): Consent {
  const none = { personalData: false, aiAnalysis: false, recordingNotice: false }
  try {
    const v = localStorage.getItem(CONSENT_KEY(token))
    if (v === 'yes') return { personalData: true, aiAnalysis: true, recordingNotice: true } // saved by earlier versions
    const c = v ? (JSON.parse(v) as Partial<Consent>) : {}
    return { personalData: c.personalData === true, aiAnalysis: c.aiAnalysis === true, recordingNotice: c.recordingNotice === true }
  } catch {
    return none
  }
}

/** What joining needs: consent to personal data; AI analysis and recording are the candidate's choice. */
export const canJoin = (c: Consent): boolean => c.personalData


type Props = {
  token: string
  welcome: Welcome
  status: ConnectionStatus
  started: boolean
  local: LocalMedia
  onJoin: (consent: Consent) => Promise<void>
}

/** The candidate's page before the waiting room: what, when, devices, network, consent. */
export function PreJoin({ token, welcome, status, started, local, onJoin }: Props) {
  const [movedTo, setMovedTo] = useState<string>()
  const iv = movedTo ? { ...welcome.interview, startsAt: movedTo } : welcome.interview
  const texts = welcome.consent
  const now = useNow(1000)
  const [consent, setConsent] = useState<Consent>(() => savedConsent(token))
  const [joining, setJoining] = useState(false)
  const [error, setError] = useState('')
  const ready = canJoin(consent) && !!texts

  const join = () => {
    if (!ready || joining) return
    setJoining(true)
    setError('')
    // The host records which words were agreed to by their version.
    onJoin({ ...consent, textsVersion: texts.version }).then(
      () => {
        try {
          localStorage.setItem(CONSENT_KEY(token), JSON.stringify(consent))
        } catch {
          // fine
        }
      },
      (e: unknown) => {
        setJoining(false)
        setError(e instanceof Error ? e.message : 'Joining did not work. Try again.')
      },
    )
  }

  return (
    <div className="prejoin">
      <div className="prejoin-col">
        <section className="card prejoin-card" aria-labelledby="prejoin-title">
          <p className="prejoin-eyebrow">Your interview</p>
          <h1 id="prejoin-title" className="page-title" tabIndex={-1} data-screen-title>
            {iv.position || 'Interview'}
          </h1>
          <dl className="facts">
            <dt>With</dt>
            <dd>{iv.interviewers.length > 0 ? iv.interviewers.join(', ') : 'Your interviewer'}</dd>
            {iv.startsAt && (
              <>
                <dt>When</dt>
                <dd>
                  <span className="prejoin-when">{formatDateTime(iv.startsAt)}</span>
                  <span className="prejoin-countdown">
                    {started ? 'The interview has started — join now' : countdown(iv.startsAt, now)}
                  </span>
                </dd>
              </>
            )}
            {iv.durationMinutes > 0 && (
              <>
                <dt>Length</dt>
                <dd>{formatDuration(iv.durationMinutes)}</dd>
              </>
            )}
          </dl>
        </section>

        {!started && <BookingPanel token={token} onMoved={setMovedTo} onCancelled={() => location.reload()} />}

        <section className="card prejoin-section" aria-labelledby="consent-title">
          <div className="section-head">
            <h2 id="consent-title" className="section-title">
              Before you join
            </h2>
          </div>
          {texts ? (
            <>
              <div className="notice" role="note">
                <strong>{texts.noticeTitle}</strong> {texts.notice}
              </div>
              <ConsentBoxes texts={texts} consent={consent} onChange={setConsent} />
            </>
          ) : (
            <p className="field-error" role="alert">
              The consent texts did not arrive from the interview host. Reload this page to see them; you can join once you have
              read them.
            </p>
          )}
          <div className="prejoin-join">
            <button
              type="button"
              className="btn btn-primary btn-large"
              disabled={!ready || joining || status !== 'open'}
              onClick={join}
              aria-describedby="join-hint"
            >
              {joining ? 'Joining…' : 'Join interview'}
            </button>
            <span className="field-hint" id="join-hint">
              {!texts
                ? 'Reload the page to see the consent texts.'
                : !ready
                ? 'Tick the required box to join.'
                : status !== 'open'
                  ? 'Waiting for the connection to the interview host…'
                  : 'You will wait in the waiting room until the interviewer lets you in.'}
            </span>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </section>
      </div>
      <div className="prejoin-col">
        <DeviceCheck local={local} you={welcome.you} />
        <NetworkCheck status={status} iceServers={welcome.iceServers} />
      </div>
    </div>
  )
}
