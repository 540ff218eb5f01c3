import type { Consent, ConsentTexts } from '../protocol'

type Props = { texts: ConsentTexts; consent: Consent; onChange: (c: Consent) => void }

type Choice = 'personalData' | 'aiAnalysis' | 'recordingNotice'

/**
 * The candidate's consent boxes, as the room and the campaign registration
 * ask them, in the host's words (their version goes back with the answers).
 */
export function ConsentBoxes({ texts, consent, onChange }: Props) {
  const box = (key: Choice, label: string, hint?: string) => (
    <div className="consent-item">
      <input
        id={`consent-${key}`}
        type="checkbox"
        checked={consent[key]}
        onChange={(e) => onChange({ ...consent, [key]: e.target.checked })}
        aria-describedby={hint ? `consent-${key}-hint` : undefined}
      />
      <span>
        <label className="consent-label" htmlFor={`consent-${key}`}>
          {label}
        </label>
        {hint && (
          <span className="consent-hint" id={`consent-${key}-hint`}>
            {hint}
          </span>
        )}
      </span>
    </div>
  )
  return (
    <fieldset className="consent">
      <legend className="visually-hidden">Consent</legend>
      {box('personalData', texts.personalData)}
      {box('aiAnalysis', texts.aiAnalysis, texts.aiAnalysisHint)}
      {box('recordingNotice', texts.recording, texts.recordingHint)}
    </fieldset>
  )
}
