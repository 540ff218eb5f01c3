// The candidate's own change of a campaign booking on their personal page:
// another of the campaign's times, or cancelling (after a confirmation),
// within the recruiter's rule. Interviews not booked through a campaign show nothing.

import { useEffect, useState } from 'react'
import type { CandidateBooking } from '../../api/contract.gen'
import { cancelBooking, candidateBooking, moveBooking } from '../../campaign/api'
import { formatDateTime } from '../../platform/time'
import { Dialog } from '../../ui/Dialog'
import './booking.css'

type Props = {
  token: string
  /** The booking moved: the page shows the new time. */
  onMoved: (startsAt: string) => void
  /** The interview is cancelled: the page reloads into the cancelled page. */
  onCancelled: () => void
}

export function BookingPanel({ token, onMoved, onCancelled }: Props) {
  const [booking, setBooking] = useState<CandidateBooking>()
  const [mode, setMode] = useState<'idle' | 'change' | 'cancel'>('idle')
  const [choice, setChoice] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')

  useEffect(() => {
    const ctrl = { live: true }
    candidateBooking(token).then(
      (b) => ctrl.live && setBooking(b),
      // 404: not a campaign booking. Any other failure leaves the page without
      // the panel: joining matters more than changing the time.
      () => {},
    )
    return () => {
      ctrl.live = false
    }
  }, [token])

  if (!booking || booking.status === 'cancelled') return null

  const act = async (run: () => Promise<CandidateBooking>, after: (b: CandidateBooking) => void) => {
    setBusy(true)
    setError('')
    try {
      const b = await run()
      setBooking(b)
      setMode('idle')
      after(b)
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work. Try again.')
    } finally {
      setBusy(false)
    }
  }
  const slots = booking.slots ?? []
  const until = booking.changeUntil ? formatDateTime(booking.changeUntil) : ''
  return (
    <section className="card prejoin-section booking-panel" aria-labelledby="booking-title">
      <h2 id="booking-title" className="section-title">
        Your booking
      </h2>
      {done && (
        <p className="booking-done" role="status">
          {done}
        </p>
      )}
      {!booking.canChange ? (
        <p className="muted">{booking.rule}</p>
      ) : (
        <>
          <p className="field-hint">
            {until ? `You can change or cancel this time until ${until}.` : booking.rule}
          </p>
          {mode === 'change' ? (
            <form
              className="booking-change"
              onSubmit={(e) => {
                e.preventDefault()
                if (!choice) return setError('Choose one of the times first.')
                void act(
                  () => moveBooking(token, choice),
                  (b) => {
                    setDone(`Your interview is now on ${formatDateTime(b.startsAt)}. A new invitation is on its way by email.`)
                    onMoved(b.startsAt)
                  },
                )
              }}
            >
              {slots.length === 0 ? (
                <p>No other times have free seats right now.</p>
              ) : (
                <fieldset className="booking-slots">
                  <legend className="field-label">Choose a new time (your time zone)</legend>
                  {slots
                    .filter((s) => s.startsAt !== booking.startsAt)
                    .map((s) => (
                      <label key={s.startsAt} className="radio">
                        <input type="radio" name="booking-slot" value={s.startsAt} checked={choice === s.startsAt} onChange={() => setChoice(s.startsAt)} />
                        {formatDateTime(s.startsAt)} <span className="muted">· {s.seatsLeft} left</span>
                      </label>
                    ))}
                </fieldset>
              )}
              <div className="booking-actions">
                {slots.length > 0 && (
                  <button type="submit" className="btn btn-primary" disabled={busy}>
                    {busy ? 'Moving…' : 'Move my interview'}
                  </button>
                )}
                <button type="button" className="btn" onClick={() => setMode('idle')}>
                  Keep my time
                </button>
              </div>
            </form>
          ) : (
            <div className="booking-actions">
              <button type="button" className="btn" onClick={() => (setMode('change'), setChoice(''), setDone(''))}>
                Change time
              </button>
              <button type="button" className="btn btn-ghost-danger" onClick={() => setMode('cancel')}>
                Cancel my interview
              </button>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {mode === 'cancel' && (
        <Dialog
          title="Cancel your interview?"
          description={`Your interview on ${formatDateTime(booking.startsAt)} is cancelled and its seat goes to someone else. This link stops working.`}
          onClose={() => setMode('idle')}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setMode('idle')} data-autofocus>
                Keep my interview
              </button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void act(() => cancelBooking(token), onCancelled)}>
                {busy ? 'Cancelling…' : 'Cancel interview'}
              </button>
            </>
          }
        >
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </Dialog>
      )}
    </section>
  )
}
