import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type { PublicCampaign, PublicSlot, Registered } from '../api/contract.gen'
import { browserTimeZone, formatDate, formatDateTime, formatDuration, formatTime } from '../platform/time'
import { ConsentBoxes } from '../room/candidate/ConsentBoxes'
import { CONSENT_KEY } from '../room/candidate/PreJoin'
import type { Consent } from '../room/protocol'
import { campaignInfo, register, RegistrationError } from './api'

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; campaign: PublicCampaign }

/** The campaign's shared link: candidates register themselves and pick a time. */
export function CampaignApp({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [done, setDone] = useState<Registered>()
  useEffect(() => {
    campaignInfo(token).then(
      (campaign) => setLoad({ state: 'ready', campaign }),
      (e: unknown) => setLoad({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    )
  }, [token])

  return (
    <main className="campaign-page">
      {load.state === 'loading' && <p className="campaign-card card">Loading the interview times…</p>}
      {load.state === 'failed' && (
        <section className="campaign-card card" role="alert">
          <h1 className="page-title">This link does not work</h1>
          <p>{load.message}</p>
        </section>
      )}
      {load.state === 'ready' && !done && <RegisterForm token={token} campaign={load.campaign} onDone={setDone} />}
      {done && <Confirmation done={done} />}
    </main>
  )
}

const zone = browserTimeZone()

/** Future slots grouped by the candidate's own day. */
function byDay(slots: PublicSlot[]): [string, PublicSlot[]][] {
  const days = new Map<string, PublicSlot[]>()
  for (const s of slots) {
    const day = formatDate(s.startsAt, zone)
    days.set(day, [...(days.get(day) ?? []), s])
  }
  return [...days]
}

function RegisterForm({ token, campaign, onDone }: { token: string; campaign: PublicCampaign; onDone: (r: Registered) => void }) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [slot, setSlot] = useState('')
  const [consent, setConsent] = useState<Consent>({ personalData: false, aiAnalysis: false, recordingNotice: false })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [slots, setSlots] = useState(campaign.slots)
  const days = useMemo(() => byDay(slots), [slots])
  const now = campaign.mode === 'now'
  const open = campaign.state === 'open'

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError('')
    setFields({})
    register(token, { name, email, consent: { ...consent, textsVersion: campaign.consent.version }, startsAt: now ? undefined : slot, timeZone: zone })
      .then((r) => {
        if (!r.existing && r.candidateLink) {
          try {
            const personal = r.candidateLink.split('/').pop() ?? ''
            localStorage.setItem(CONSENT_KEY(personal), JSON.stringify(consent))
          } catch {
            // the room asks again
          }
        }
        onDone(r)
      })
      .catch((err: unknown) => {
        setBusy(false)
        if (err instanceof RegistrationError) {
          setFields(err.fields)
          setError(err.message)
        } else setError('Registering did not work. Try again.')
        campaignInfo(token).then(
          (c) => setSlots(c.slots),
          () => undefined,
        )
      })
  }

  return (
    <form className="campaign-card card" onSubmit={submit} noValidate aria-labelledby="campaign-title">
      <p className="prejoin-eyebrow">Interview registration</p>
      <h1 id="campaign-title" className="page-title">
        {campaign.position}
      </h1>
      <p className="field-hint">
        {campaign.name} · {formatDuration(now || !slots[0] ? campaign.durationMinutes : slots[0].durationMinutes)} · times shown in your time zone ({zone ?? 'local time'})
        {campaign.deadline && <> · register by {formatDateTime(campaign.deadline, zone)}</>}
      </p>
      {!open && (
        <p className="notice" role="status">
          {campaign.state === 'full' ? 'Every interview time is taken.' : 'Registration is closed.'}
        </p>
      )}
      <div className="form-row">
        <div className="field field-grow">
          <label className="field-label" htmlFor="reg-name">
            Your name
          </label>
          <input id="reg-name" className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)}
            aria-invalid={!!fields.name} aria-describedby={fields.name ? 'reg-name-error' : undefined} required />
          {fields.name && <p className="field-error" id="reg-name-error">{fields.name}</p>}
        </div>
        <div className="field field-grow">
          <label className="field-label" htmlFor="reg-email">
            Your email
          </label>
          <input id="reg-email" className="input" type="email" autoComplete="email" value={email}
            onChange={(e) => setEmail(e.target.value)} aria-invalid={!!fields.email}
            aria-describedby={fields.email ? 'reg-email-error' : undefined} required />
          {fields.email && <p className="field-error" id="reg-email-error">{fields.email}</p>}
        </div>
      </div>
      {now ? (
        <p className="notice">You will be interviewed right after registering: your personal link opens the device check.</p>
      ) : (
        <fieldset className="campaign-slots" aria-describedby={fields.startsAt ? 'reg-slot-error' : undefined}>
          <legend className="field-label">Choose a time</legend>
          {days.length === 0 && <p>No interview times are left.</p>}
          {days.map(([day, slots]) => (
            <div key={day} className="campaign-day">
              <h2 className="section-title">{day}</h2>
              <div className="campaign-times">
                {slots.map((s) => (
                  <label key={s.startsAt} className={`campaign-time${s.seatsLeft === 0 ? ' is-full' : ''}`}>
                    <input type="radio" name="slot" value={s.startsAt} checked={slot === s.startsAt}
                      disabled={s.seatsLeft === 0} onChange={() => setSlot(s.startsAt)} />
                    <span>{formatTime(s.startsAt, zone)}</span>
                    <span className="campaign-seats">{s.seatsLeft === 0 ? 'Full' : s.seatsLeft === 1 ? '1 seat left' : `${s.seatsLeft} seats left`}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
          {fields.startsAt && <p className="field-error" id="reg-slot-error">{fields.startsAt}</p>}
        </fieldset>
      )}
      <ConsentBoxes texts={campaign.consent} consent={consent} onChange={setConsent} />
      {fields['consent.personalData'] && <p className="field-error">{fields['consent.personalData']}</p>}
      <div className="prejoin-join">
        <button type="submit" className="btn btn-primary btn-large" disabled={busy || !open || (!now && !slot) || !consent.personalData}>
          {busy ? 'Registering…' : now ? 'Join now' : 'Register'}
        </button>
        <span className="field-hint">
          {!consent.personalData ? 'Tick the required box to register.' : !now && !slot ? 'Choose a time to register.' : 'We email you your personal link and a calendar invitation.'}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

function Confirmation({ done }: { done: Registered }) {
  return (
    <section className="campaign-card card" aria-labelledby="done-title" role="status">
      <p className="prejoin-eyebrow">{done.position}</p>
      <h1 id="done-title" className="page-title">
        {done.existing ? 'You are already registered' : 'You are registered'}
      </h1>
      {done.startsAt && <p className="campaign-when">{formatDateTime(done.startsAt, zone)} · {formatDuration(done.durationMinutes)}</p>}
      <p>{done.message}</p>
      {done.candidateLink && (
        <a className="btn btn-primary btn-large" href={done.candidateLink}>
          Open your personal link
        </a>
      )}
    </section>
  )
}
