import { useId } from 'react'
import { isLanguageId, LANGUAGES, type LanguageId } from './languages'

type Props = {
  value: LanguageId
  onChange: (language: LanguageId) => void
  disabled?: boolean
  id?: string
}

/** The shared editor's language: a real <select> with a visible label. */
export function LanguagePicker({ value, onChange, disabled, id }: Props) {
  const auto = useId()
  const selectId = id ?? auto
  return (
    <div className="code-language">
      <label htmlFor={selectId} className="field-label">
        Language
      </label>
      <select
        id={selectId}
        className="input code-language-select"
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.value
          if (isLanguageId(next) && next !== value) onChange(next)
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  )
}
