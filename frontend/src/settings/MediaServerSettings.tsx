import { getMediaServer, saveMediaServer } from '../api/mediaserver'
import type { MediaServerField, MediaServerSettings as Saved } from '../api/types'
import { LoadError, Skeleton } from '../ui/Feedback'
import { Field } from '../ui/Field'
import { SettingsCard } from './SettingsCard'
import { useSettingsForm } from './useSettingsForm'

const FIELDS: MediaServerField[] = ['liveKitUrl', 'apiKey', 'apiSecret']

const fieldId = (f: MediaServerField) => `media-${f}`

type Form = { liveKitUrl: string; apiKey: string; apiSecret: string }

const formFrom = (s: Saved): Form => ({ liveKitUrl: s.liveKitUrl, apiKey: s.apiKey, apiSecret: '' })

/** What the address field accepts before asking the host: ws(s):// or http(s):// with a host. */
export function checkLiveKitUrl(value: string): string | undefined {
  const t = value.trim()
  if (t === '') return undefined
  try {
    const u = new URL(t)
    if (['ws:', 'wss:', 'http:', 'https:'].includes(u.protocol) && u.hostname !== '') return undefined
  } catch {
    // not a URL at all
  }
  return 'Enter the LiveKit server’s address as browsers reach it: ws://HOST:7880 or wss://HOST.'
}

/** Settings → Media server: the embedded one, or a LiveKit server or cluster for teams that outgrow one host. */
export function MediaServerSettings() {
  const { data, form, edit, errors, otherError, clear, saving, submit, discard } = useSettingsForm({
    load: (signal) => getMediaServer(signal),
    formFrom,
    fields: FIELDS,
    fieldId,
  })

  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} what="the media server settings" />
  const saved = data.data
  if (!saved || !form) return <Skeleton lines={4} label="Loading media server settings" />

  const changed = form.liveKitUrl.trim() !== saved.liveKitUrl || form.apiKey.trim() !== saved.apiKey || form.apiSecret !== ''
  const set = (k: keyof Form, v: string) => {
    edit((f) => ({ ...f, [k]: v }))
    clear(k)
  }

  const save = () =>
    submit({
      check: () => {
        const urlError = checkLiveKitUrl(form.liveKitUrl)
        return urlError ? { liveKitUrl: urlError } : {}
      },
      send: () => saveMediaServer({ liveKitUrl: form.liveKitUrl.trim(), apiKey: form.apiKey.trim(), apiSecret: form.apiSecret.trim() }),
      message: (s) =>
        s.configured
          ? 'LiveKit server saved. Calls move to it when the host restarts.'
          : 'Calls use the built-in media server again when the host restarts.',
    })

  return (
    <SettingsCard
      headingId="media-heading"
      title="Media server"
      configured={saved.configured}
      status={{ on: 'Calls run on a LiveKit server', off: 'Calls run on this host' }}
      hint="Optional. Calls run on this host’s built-in media server. A team whose interviews outgrow one host can put them on a LiveKit server or cluster instead; waiting room, lock, plan, questions and recording stay with this host. The host reads this when it starts (`serve --livekit-url` takes precedence)."
      formLabel="Media server settings"
      otherError={otherError}
      saveLabel="Save media server"
      saving={saving}
      changed={changed}
      onSave={() => void save()}
      onDiscard={discard}
    >
      <Field
        id={fieldId('liveKitUrl')}
        label="LiveKit server address"
        error={errors.liveKitUrl}
        hint="As browsers reach it, like wss://livekit.example.com or ws://10.0.0.5:7880. Leave empty to use this host."
      >
        <input
          className="input"
          type="url"
          value={form.liveKitUrl}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('liveKitUrl', e.target.value)}
        />
      </Field>
      <Field id={fieldId('apiKey')} label="API key" error={errors.apiKey} hint="One of the keys in the LiveKit server’s keys: setting.">
        <input
          className="input"
          value={form.apiKey}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set('apiKey', e.target.value)}
        />
      </Field>
      <Field
        id={fieldId('apiSecret')}
        label="API secret"
        error={errors.apiSecret}
        hint={saved.hasSecret ? 'A secret is saved (it is never shown). Leave empty to keep it.' : 'The secret that goes with the key. It stays on the host.'}
      >
        <input
          className="input"
          type="password"
          value={form.apiSecret}
          autoComplete="new-password"
          onChange={(e) => set('apiSecret', e.target.value)}
        />
      </Field>
    </SettingsCard>
  )
}
