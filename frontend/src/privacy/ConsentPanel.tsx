// The interview's consent record: what the candidate agreed to each time
// they joined, when, and the exact words they were shown.
import { getConsentRecord, type ConsentTexts, type GivenConsent } from '../api/privacy'
import type { Interview } from '../api/types'
import { formatDateTime } from '../platform/time'
import { usePush } from '../platform/push'
import { CollapsibleCard } from '../ui/Disclosure'
import { InlineError, Skeleton } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import './privacy.css'

const CHOICES: { key: 'personalData' | 'aiAnalysis' | 'recording'; label: string }[] = [
  { key: 'personalData', label: 'Personal data processing' },
  { key: 'aiAnalysis', label: 'AI analysis of answers' },
  { key: 'recording', label: 'Recording' },
]

export function ConsentPanel({ interview }: { interview: Interview }) {
  const state = useAsync((signal) => getConsentRecord(interview.id, signal), [interview.id])
  usePush(interview.id, ['timeline'], state.reload)
  const record = state.data
  return (
    <CollapsibleCard title="Consent" storageName="interview.consent" headingId="consent-heading">
      {state.error !== undefined ? (
        <InlineError what="the consent record" error={state.error} onRetry={state.reload} />
      ) : !record ? (
        <Skeleton lines={2} label="Loading the consent record" />
      ) : record.given.length === 0 ? (
        <p className="muted">{interview.candidate.name} has not answered yet: the candidate is asked before joining the room.</p>
      ) : (
        <ol className="consent-record">
          {record.given.map((g, i) => (
            <Given key={i} given={g} texts={g.textsVersion ? record.texts?.[g.textsVersion] : undefined} current={record.current} />
          ))}
        </ol>
      )}
    </CollapsibleCard>
  )
}

function Given({ given, texts, current }: { given: GivenConsent; texts: ConsentTexts | undefined; current: string }) {
  return (
    <li className="consent-given">
      <p className="consent-when">{formatDateTime(given.at)}</p>
      <ul className="consent-choices">
        {CHOICES.map((c) => (
          <li key={c.key} className={given[c.key] ? 'consent-yes' : 'consent-no'}>
            <span aria-hidden="true">{given[c.key] ? '✓' : '✗'}</span> {c.label}: {given[c.key] ? 'agreed' : 'declined'}
          </li>
        ))}
      </ul>
      <p className="cell-sub">
        {given.textsVersion ? (
          <>
            Texts version <code>{given.textsVersion}</code>
            {given.textsVersion !== current && ' (the texts have changed since)'}
          </>
        ) : (
          'Given before the texts were versioned: which words were shown is not recorded.'
        )}
      </p>
      {texts && (
        <details className="consent-texts">
          <summary>The texts shown</summary>
          <p>
            <strong>{texts.noticeTitle}</strong> {texts.notice}
          </p>
          <ul>
            <li>{texts.personalData}</li>
            <li>
              {texts.aiAnalysis} <span className="cell-sub">{texts.aiAnalysisHint}</span>
            </li>
            <li>
              {texts.recording} <span className="cell-sub">{texts.recordingHint}</span>
            </li>
          </ul>
        </details>
      )}
    </li>
  )
}
