import { getRunnerSettings, saveRunnerSettings, testRunner } from '../api/runner'
import type { CodeRunnerSettings, CodeRunnerTest, Language, RunnerField } from '../api/types'
import { LoadError, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { checkHttpUrl, LANGUAGE_NAMES } from '../validation/rules'
import { ConnectionTest } from './ConnectionTest'
import { SecretField } from './SecretField'
import { SettingsCard } from './SettingsCard'
import { useSettingsForm } from './useSettingsForm'

const RUNNER_FIELDS: RunnerField[] = ['url', 'token']

/** The languages no browser runs: they need the runner. */
export const RUNNER_ONLY: Language[] = ['go', 'java', 'cpp']

const fieldId = (f: RunnerField) => `runner-${f}`

type Form = { url: string; token: string; clearToken: boolean }

const formFrom = (s: CodeRunnerSettings): Form => ({ url: s.url, token: '', clearToken: false })

/** Settings → Code runner: the optional Piston-compatible service for Go, Java and C++. */
export function RunnerSettings() {
  const { data, form, edit, errors, otherError, clear, saving, submit, discard } = useSettingsForm({
    load: (signal) => getRunnerSettings(signal),
    formFrom,
    fields: RUNNER_FIELDS,
    fieldId,
  })

  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} what="the code runner settings" />
  const saved = data.data
  if (!saved || !form) return <Skeleton lines={4} label="Loading code runner settings" />

  const changed = form.url.trim() !== saved.url || form.token !== '' || form.clearToken
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    edit((f) => ({ ...f, [k]: v }))
    if (k === 'url' || k === 'token') clear(k)
  }

  const save = () =>
    submit({
      check: () => {
        const urlError = checkHttpUrl(form.url)
        return urlError ? { url: urlError } : {}
      },
      send: () => saveRunnerSettings({ url: form.url.trim(), token: form.token.trim(), clearToken: form.clearToken }),
      message: (s) => (s.configured ? 'Code runner saved.' : 'Code runner turned off.'),
    })

  return (
    <SettingsCard
      headingId="runner-heading"
      title="Code runner"
      configured={saved.configured}
      status={{ on: 'A code runner is set up', off: 'No code runner' }}
      hint="Optional. JavaScript, TypeScript, Python and SQL run in the interviewer’s browser without it. Other languages (Go, Java, C++) run only when a Piston-compatible runner is configured here."
      formLabel="Code runner settings"
      otherError={otherError}
      saveLabel="Save code runner"
      saving={saving}
      changed={changed}
      onSave={() => void save()}
      onDiscard={discard}
      after={
        <ConnectionTest
          hint={
            saved.configured
              ? changed
                ? 'Uses the saved address: save your changes first to test them.'
                : 'Asks the saved runner which languages it offers.'
              : 'Save the runner’s address first.'
          }
          disabled={!saved.configured}
          run={testRunner}
          saved={saved}
          failTitle="The code runner could not be used."
        >
          {(answer) => <TestAnswer answer={answer} />}
        </ConnectionTest>
      }
    >
      <Field
        id={fieldId('url')}
        label="Runner address"
        error={errors.url}
        hint="The runner’s base address, like http://localhost:2000. Leave empty to turn it off."
      >
        <input
          className="input"
          type="url"
          value={form.url}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('url', e.target.value)}
        />
      </Field>
      <SecretField
        id={fieldId('token')}
        label="Token"
        value={form.token}
        saved={saved.hasToken}
        removing={form.clearToken}
        error={errors.token}
        hint="Optional: sent as a bearer token, for a runner behind a proxy that asks for one."
        onChange={(v) => set('token', v)}
        onRemove={(remove) => edit((f) => ({ ...f, clearToken: remove, token: '' }))}
      />
    </SettingsCard>
  )
}

/** What a runner offers: the languages that need it, then every runtime. */
function TestAnswer({ answer }: { answer: CodeRunnerTest }) {
  const offered = answer.languages ?? []
  const runtimes = answer.runtimes ?? []
  return (
    <>
      <p className="mail-test-ok">
        ✓ {answer.url} answered with {runtimes.length} {runtimes.length === 1 ? 'runtime' : 'runtimes'}.
      </p>
      <ul aria-label="Languages that need the runner">
        {RUNNER_ONLY.map((l) => (
          <li key={l}>
            {LANGUAGE_NAMES[l]}: {offered.includes(l) ? 'runs here' : 'not offered by this runner'}
          </li>
        ))}
      </ul>
      {runtimes.length > 0 && (
        <details>
          <summary>All runtimes it offers</summary>
          <ul aria-label="Runtimes">
            {runtimes.map((r) => (
              <li key={`${r.language}-${r.version}-${r.runtime ?? ''}`}>
                <code>{r.language}</code> {r.version}
                {r.runtime ? ` (${r.runtime})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
