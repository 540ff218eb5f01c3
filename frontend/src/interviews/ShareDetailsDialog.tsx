import { useId, useState } from 'react'
import { errorMessage } from '../api/client'
import { getIcs, getInvitation, interviewerRecipient } from '../api/invitations'
import type { Interview, Recipient } from '../api/types'
import { copyText, isDesktop, saveTextFile } from '../platform/native'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { useAsync } from '../ui/useAsync'

type Choice = { value: Recipient; label: string; name: string }

/** Who an invitation can be shared for: the candidate, then each interviewer with an email. */
export function shareChoices(iv: Interview): Choice[] {
  const out: Choice[] = [
    { value: 'candidate', label: `${iv.candidate.name} — candidate`, name: iv.candidate.name },
  ]
  iv.interviewers.forEach((p, i) => {
    if (!p.email) return
    out.push({
      value: interviewerRecipient(p.email),
      label: `${p.name} — ${i === 0 ? 'organizer' : 'interviewer'}`,
      name: p.name,
    })
  })
  return out
}

/** A file name for the .ics when the host suggests none. */
export function fallbackIcsName(iv: Interview, who: Recipient): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 40) || 'invitation'
  const person = who === 'candidate' ? iv.candidate.name : who.slice('interviewer:'.length).split('@')[0] ?? ''
  return `interview-${slug(person)}.ics`
}

type Status = { tone: 'ok' | 'error'; text: string } | null

/**
 * "Share details": the full invitation for one recipient to paste anywhere, and
 * their calendar file. Each person gets only their own link.
 */
export function ShareDetailsDialog({ interview: iv, onClose }: { interview: Interview; onClose: () => void }) {
  const choices = shareChoices(iv)
  const [who, setWho] = useState<Recipient>('candidate')
  const [status, setStatus] = useState<Status>(null)
  const [saving, setSaving] = useState(false)
  const textId = useId()
  const invitation = useAsync((signal) => getInvitation(iv.id, who, signal), [iv.id, who, iv.updatedAt])
  const inv = invitation.data && !invitation.loading ? invitation.data : undefined
  const cancelled = iv.status === 'cancelled'
  const current = choices.find((c) => c.value === who) ?? choices[0]!

  const copy = async () => {
    if (!inv) return
    try {
      await copyText(inv.text)
      setStatus({ tone: 'ok', text: `✓ Copied the invitation for ${inv.name || current.name}.` })
    } catch (e) {
      setStatus({ tone: 'error', text: `Could not copy: ${errorMessage(e)}` })
    }
  }

  const save = async () => {
    setSaving(true)
    try {
      const file = await getIcs(iv.id, who)
      const saved = await saveTextFile(file.filename || fallbackIcsName(iv, who), file.text, 'text/calendar')
      if (saved) setStatus({ tone: 'ok', text: isDesktop() ? `✓ Saved to ${saved}` : `✓ Downloaded ${saved}` })
    } catch (e) {
      setStatus({ tone: 'error', text: `Could not save the .ics file: ${errorMessage(e)}` })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog
      title="Share details"
      size="wide"
      onClose={onClose}
      description={
        cancelled
          ? 'This interview is cancelled: the text says so, and the .ics file removes it from calendars.'
          : 'Paste the invitation into any message, or attach the .ics file. Each person gets only their own link.'
      }
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn" onClick={save} disabled={saving}>
            {saving ? 'Saving…' : 'Save .ics'}
          </button>
          <button type="button" className="btn btn-primary" onClick={copy} disabled={!inv}>
            Copy full invitation
          </button>
        </>
      }
    >
      <div className="share">
        <Field id="share-for" label="Invitation for">
          <select
            className="input"
            value={who}
            data-autofocus
            onChange={(e) => {
              setWho(e.target.value as Recipient)
              setStatus(null)
            }}
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <dl className="share-meta" aria-busy={!inv}>
          <dt>To</dt>
          <dd>{inv ? (inv.email ? `${inv.name} <${inv.email}>` : inv.name) : '\u00a0'}</dd>
          <dt>Subject</dt>
          <dd>{inv?.subject || '\u00a0'}</dd>
        </dl>
        <div className="field">
          <label className="field-label" htmlFor={textId}>
            Full invitation
          </label>
          {invitation.error !== undefined ? (
            <InlineError
              className="share-error"
              what="Could not load the invitation"
              error={invitation.error}
              onRetry={invitation.reload}
            />
          ) : (
            <textarea
              id={textId}
              className="input textarea share-text"
              readOnly
              rows={14}
              value={inv?.text ?? ''}
              aria-busy={!inv}
              placeholder={inv ? '' : 'Loading the invitation…'}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </div>
        <p className={`share-status${status?.tone === 'error' ? ' share-status-error' : ''}`} role="status">
          {status?.text ?? ''}
        </p>
      </div>
    </Dialog>
  )
}
