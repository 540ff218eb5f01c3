import { getAnalysisEngines, saveAnalysisEngines, testAnalysisEngines } from '../api/engines'
import type {
  AnalysisEngineKind,
  AnalysisEngineSetting,
  AnalysisEngineSettings,
  AnalysisEnginesTest,
  EngineField,
  EnginePart,
} from '../api/types'
import { LoadError, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import type { FieldMessages } from '../ui/useFieldErrors'
import { checkHttpUrl } from '../validation/rules'
import { ConnectionTest } from './ConnectionTest'
import { SecretField } from './SecretField'
import { SettingsCard } from './SettingsCard'
import { useSettingsForm } from './useSettingsForm'

type Part = {
  part: EnginePart
  title: string
  offline: string
  remote: string
  /** What each choice is worth, shown under the choice. */
  offlineHint: string
  remoteHint: string
  url: string
  model: string
}

/** The two parts of the analysis, each with its own engine. */
export const PARTS: Part[] = [
  {
    part: 'transcription',
    title: 'Transcription',
    offline: 'Offline (PocketSphinx, on this computer)',
    remote: 'OpenAI-compatible speech service',
    offlineHint:
      'PocketSphinx needs no download, but its transcripts are poor, especially on accents: good for finding where people talked about what, not for reading what they said. A whisper.cpp or faster-whisper server gives far better transcripts.',
    remoteHint:
      'A whisper.cpp or faster-whisper server you run, or the OpenAI API. The host uploads each participant’s audio to ADDRESS/audio/transcriptions.',
    url: 'http://127.0.0.1:8000/v1',
    model: 'whisper-1',
  },
  {
    part: 'scoring',
    title: 'Answer scoring',
    offline: 'Offline (key-point coverage, on this computer)',
    remote: 'OpenAI-compatible chat model',
    offlineHint:
      'Compares each answer with the question’s expected answer and key points (term weighting, stemming, synonyms) and quotes the words that cover each point. It matches words and their synonyms, not meaning.',
    remoteHint:
      'A chat model (llama.cpp, vLLM, Ollama or the OpenAI API) scores with more understanding of what was meant. The host sends it each question, its expected answer and key points, and the answer’s transcript, at ADDRESS/chat/completions.',
    url: 'http://127.0.0.1:8080/v1',
    model: 'llama3.1',
  },
]

const FIELDS: EngineField[] = PARTS.flatMap(({ part }) =>
  (['engine', 'url', 'model', 'key'] as const).map((f) => `${part}.${f}` as const),
)

const fieldId = (f: EngineField) => `engine-${f.replace('.', '-')}`

type PartForm = { engine: AnalysisEngineKind; url: string; model: string; key: string; clearKey: boolean }
type Form = Record<EnginePart, PartForm>

const partForm = (s: AnalysisEngineSetting): PartForm => ({ engine: s.engine, url: s.url, model: s.model, key: '', clearKey: false })
const formFrom = (s: AnalysisEngineSettings): Form => ({ transcription: partForm(s.transcription), scoring: partForm(s.scoring) })

/** One part as the host takes it. */
const partBody = (p: PartForm) => ({ engine: p.engine, url: p.url.trim(), model: p.model.trim(), key: p.key.trim(), clearKey: p.clearKey })

const partChanged = (f: PartForm, s: AnalysisEngineSetting) =>
  f.engine !== s.engine || f.url.trim() !== s.url || f.model.trim() !== s.model || f.key !== '' || f.clearKey

/** The form's own checks: a service needs an http(s) address and a model. */
function check(form: Form): FieldMessages<EngineField> {
  const errs: FieldMessages<EngineField> = {}
  for (const { part } of PARTS) {
    const f = form[part]
    if (f.engine !== 'openai') continue
    const urlError = f.url.trim() === '' ? 'Enter the service’s address, like http://127.0.0.1:8000/v1.' : checkHttpUrl(f.url)
    if (urlError) errs[`${part}.url`] = urlError
    if (f.model.trim() === '') errs[`${part}.model`] = 'Enter the model’s name as the service knows it.'
  }
  return errs
}

/** Settings → Analysis engines: offline, or an OpenAI-compatible service, for transcription and for scoring. */
export function AnalysisEngineSettings() {
  const { data, form, edit, errors, otherError, clear, saving, submit, discard } = useSettingsForm({
    load: (signal) => getAnalysisEngines(signal),
    formFrom,
    fields: FIELDS,
    fieldId,
  })

  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} what="the analysis engine settings" />
  const saved = data.data
  if (!saved || !form) return <Skeleton lines={4} label="Loading analysis engine settings" />

  const remote = PARTS.filter(({ part }) => saved[part].engine === 'openai')
  const changed = PARTS.some(({ part }) => partChanged(form[part], saved[part]))
  const set = (part: EnginePart, change: Partial<PartForm>) => {
    edit((f) => ({ ...f, [part]: { ...f[part], ...change } }))
    clear(...(Object.keys(change) as (keyof PartForm)[]).map((k) => `${part}.${k === 'clearKey' ? 'key' : k}` as EngineField))
  }

  const save = () =>
    submit({
      check: () => check(form),
      send: () => saveAnalysisEngines({ transcription: partBody(form.transcription), scoring: partBody(form.scoring) }),
      message: () => 'Analysis engines saved. The next analysis uses them.',
    })

  return (
    <SettingsCard
      headingId="engines-heading"
      title="Analysis engines"
      configured={remote.length > 0}
      status={{ on: `${remote.map((p) => p.title).join(' and ')}: a service you configured`, off: 'Offline engines' }}
      hint="After each interview the host transcribes everyone’s audio and scores the answers. Both work offline on this computer; either can use an OpenAI-compatible service instead. Such a service receives the interview’s audio or answers: choose one you trust (one you run yourself keeps everything on your machines). A change applies to the next analysis."
      formLabel="Analysis engine settings"
      otherError={otherError}
      saveLabel="Save analysis engines"
      saving={saving}
      changed={changed}
      onSave={() => void save()}
      onDiscard={discard}
      after={
        <ConnectionTest
          hint={
            remote.length === 0
              ? 'Both engines are offline: there is nothing to connect to.'
              : changed
                ? 'Uses the saved settings: save your changes first to test them.'
                : 'Sends each saved service the smallest real request: a second of silence to transcribe, a short message to answer.'
          }
          disabled={remote.length === 0}
          run={testAnalysisEngines}
          saved={saved}
          failTitle="The test could not be run."
        >
          {(answer) => <TestAnswer answer={answer} />}
        </ConnectionTest>
      }
    >
      {PARTS.map((p) => (
        <PartFields
          key={p.part}
          part={p}
          form={form[p.part]}
          saved={saved[p.part]}
          errors={errors}
          onChange={(change) => set(p.part, change)}
        />
      ))}
    </SettingsCard>
  )
}

type PartProps = {
  part: Part
  form: PartForm
  saved: AnalysisEngineSetting
  errors: FieldMessages<EngineField>
  onChange: (change: Partial<PartForm>) => void
}

/** One part's choice of engine and, for a service, its address, model and key. */
function PartFields({ part: p, form, saved, errors, onChange }: PartProps) {
  const id = (f: 'engine' | 'url' | 'model' | 'key') => fieldId(`${p.part}.${f}`)
  const hintId = `${id('engine')}-hint`
  const engineError = errors[`${p.part}.engine`]
  const address = form.url.trim() || p.url
  return (
    <fieldset
      className="span-2 engine-part"
      id={id('engine')}
      tabIndex={-1}
      aria-describedby={engineError ? `${id('engine')}-error ${hintId}` : hintId}
      aria-invalid={engineError ? true : undefined}
    >
      <legend className="subsection-title">{p.title}</legend>
      <div className="radio-group">
        {(['offline', 'openai'] as const).map((engine) => (
          <label key={engine} className="radio">
            <input
              type="radio"
              name={`engine-${p.part}`}
              value={engine}
              checked={form.engine === engine}
              onChange={() => onChange({ engine })}
            />
            {engine === 'offline' ? p.offline : p.remote}
          </label>
        ))}
      </div>
      <p id={hintId} className="field-hint">
        {form.engine === 'offline' ? p.offlineHint : p.remoteHint.replace('ADDRESS', address)}
      </p>
      {engineError && (
        <p id={`${id('engine')}-error`} className="field-error">
          {engineError}
        </p>
      )}
      {form.engine === 'openai' && (
        <div className="form-grid">
          <Field
            id={id('url')}
            className="span-2"
            label="Service address"
            required
            error={errors[`${p.part}.url`]}
            hint={`The API’s base address as OpenAI clients take it, like ${p.url}.`}
          >
            <input
              className="input"
              type="url"
              value={form.url}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ url: e.target.value })}
            />
          </Field>
          <Field
            id={id('model')}
            label="Model"
            required
            error={errors[`${p.part}.model`]}
            hint={`As the service names it, like ${p.model}.`}
          >
            <input
              className="input"
              value={form.model}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ model: e.target.value })}
            />
          </Field>
          <SecretField
            id={id('key')}
            label="Key"
            value={form.key}
            saved={saved.hasKey}
            removing={form.clearKey}
            error={errors[`${p.part}.key`]}
            hint="Optional: the API key, sent as a bearer token. A server you run yourself usually needs none."
            onChange={(key) => onChange({ key })}
            onRemove={(remove) => onChange({ clearKey: remove, key: '' })}
          />
        </div>
      )}
    </fieldset>
  )
}

/** What each engine did when tried. */
function TestAnswer({ answer }: { answer: AnalysisEnginesTest }) {
  return (
    <ul className="engine-tests" aria-label="Test results">
      {PARTS.map(({ part, title }) => {
        const r = answer[part]
        return (
          <li key={part} className={r.ok ? 'mail-test-ok' : 'engine-test-failed'}>
            {r.ok ? '✓' : '✗'} {title}: {r.message}
          </li>
        )
      })}
    </ul>
  )
}
