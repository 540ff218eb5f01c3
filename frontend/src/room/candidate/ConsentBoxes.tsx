import type { Consent } from '../protocol'

type Props = { consent: Consent; onChange: (c: Consent) => void }

/** The candidate's consent boxes, as the room and the campaign registration ask them. */
export function ConsentBoxes({ consent, onChange }: Props) {
  const box = (key: keyof Consent, label: string, hint?: string) => (
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
      {box('personalData', 'I agree to the processing of my personal data for this interview')}
      {box(
        'aiAnalysis',
        'I agree to the analysis of my answers by an AI system (optional)',
        'The interviewer makes the decision; the AI only helps to review answers. Leave it unticked and no AI analysis of your answers is made.',
      )}
      {box(
        'recordingNotice',
        'I agree that the interview is recorded (optional)',
        'If you decline, nothing of the interview is recorded; the interviewer may then take notes only.',
      )}
    </fieldset>
  )
}
