import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { ToastProvider } from '../ui/toasts'
import { AnalysisEngineSettings } from './AnalysisEngineSettings'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

type Part = { engine: string; url: string; model: string; hasKey: boolean }
type Stored = { transcription: Part; scoring: Part }
type Body = Record<string, Record<string, unknown>>

let root: Root
let container: HTMLElement
let puts: Body[]
let stored: Stored
let testAnswer: () => Response

const offline = (): Part => ({ engine: 'offline', url: '', model: '', hasKey: false })

beforeEach(async () => {
  puts = []
  stored = { transcription: offline(), scoring: offline() }
  testAnswer = () => json(500, { error: { code: 'internal', message: 'not expected' } })
  stubFetch((url, init) => {
    if (url === '/api/settings/analysis' && init.method === 'GET') return json(200, stored)
    if (url === '/api/settings/analysis' && init.method === 'PUT') {
      const body = JSON.parse(init.body as string) as Body
      puts.push(body)
      const part = (p: Record<string, unknown>, was: Part): Part => ({
        engine: String(p.engine),
        url: String(p.url),
        model: String(p.model),
        hasKey: p.clearKey ? false : Boolean(p.key) || was.hasKey,
      })
      stored = { transcription: part(body.transcription!, stored.transcription), scoring: part(body.scoring!, stored.scoring) }
      return json(200, stored)
    }
    if (url === '/api/settings/analysis/test') return testAnswer()
    return json(404, { error: { code: 'not_found', message: 'no' } })
  })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () =>
    root.render(
      <ToastProvider>
        <AnalysisEngineSettings />
      </ToastProvider>,
    ),
  )
  await act(async () => {})
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

const input = (id: string) => document.getElementById(id) as HTMLInputElement
const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)
const radio = (part: string, engine: string) =>
  container.querySelector<HTMLInputElement>(`input[name="engine-${part}"][value="${engine}"]`)!

async function type(id: string, value: string) {
  const el = input(id)
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function click(el: HTMLElement) {
  await act(async () => el.click())
  await act(async () => {})
}

const errorOf = (id: string) =>
  input(id).getAttribute('aria-invalid') === 'true'
    ? (input(id).getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((i) => document.getElementById(i)?.textContent ?? '')
        .join(' ')
    : null

describe('analysis engine settings', () => {
  it('starts offline, says what each offline engine is worth, and has nothing to test', () => {
    expect(container.querySelector('h2')?.textContent).toBe('Analysis engines')
    expect(container.textContent).toContain('Offline engines')
    expect(radio('transcription', 'offline').checked).toBe(true)
    expect(radio('scoring', 'offline').checked).toBe(true)
    expect(container.textContent).toContain('its transcripts are poor, especially on accents')
    expect(container.textContent).toContain('A whisper.cpp or faster-whisper server gives far better transcripts.')
    expect(container.textContent).toContain('Compares each answer with the question’s expected answer and key points')
    expect(input('engine-transcription-url')).toBeNull()
    expect(button('Test connection')!.disabled).toBe(true)
  })

  it('asks a service for its address and model before sending', async () => {
    await click(radio('transcription', 'openai'))
    await type('engine-transcription-url', 'localhost:8000')
    await click(button('Save analysis engines')!)
    expect(puts).toHaveLength(0)
    expect(errorOf('engine-transcription-url')).toContain('http:// or https://')
    expect(errorOf('engine-transcription-model')).toContain('Enter the model’s name')
    expect(document.activeElement).toBe(input('engine-transcription-url'))
  })

  it('saves a speech service with a write-only key, then shows what each engine did when tested', async () => {
    await click(radio('transcription', 'openai'))
    expect(container.textContent).toContain('http://127.0.0.1:8000/v1/audio/transcriptions')
    await type('engine-transcription-url', ' http://127.0.0.1:9000/v1 ')
    await type('engine-transcription-model', 'Systran/faster-whisper-small')
    await type('engine-transcription-key', 's3cret')
    await click(button('Save analysis engines')!)
    expect(puts).toEqual([
      {
        transcription: { engine: 'openai', url: 'http://127.0.0.1:9000/v1', model: 'Systran/faster-whisper-small', key: 's3cret' },
        scoring: { engine: 'offline', url: '', model: '' },
      },
    ])
    expect(input('engine-transcription-key').value).toBe('')
    expect(container.textContent).toContain('A key is saved')
    expect(container.innerHTML).not.toContain('s3cret')
    expect(container.textContent).toContain('Transcription: a service you configured')

    testAnswer = () =>
      json(200, {
        transcription: { engine: 'openai', ok: false, message: 'transcription server answered 404: model not found' },
        scoring: { engine: 'offline', ok: true, message: 'Offline: runs on this computer, nothing to connect to.' },
      })
    await click(button('Test connection')!)
    const results = container.querySelector('[aria-label="Test results"]')!
    expect([...results.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '✗ Transcription: transcription server answered 404: model not found',
      '✓ Answer scoring: Offline: runs on this computer, nothing to connect to.',
    ])
  })

  it('shows the host’s field message under the scoring model', async () => {
    await click(radio('scoring', 'openai'))
    await type('engine-scoring-url', 'http://127.0.0.1:8080/v1')
    await type('engine-scoring-model', 'llama3')
    stubFetch(() =>
      json(422, {
        error: { code: 'invalid', message: 'Check the highlighted fields.', fields: { 'scoring.model': 'The model can be at most 200 characters.' } },
      }),
    )
    await click(button('Save analysis engines')!)
    expect(errorOf('engine-scoring-model')).toContain('The model can be at most 200 characters.')
  })
})
