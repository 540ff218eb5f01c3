import { describe, expect, it } from 'vitest'
import { parseRunRequest, parseWorkerMessage } from './workerMessages'

describe('parseWorkerMessage', () => {
  it('reads what a worker says', () => {
    expect(parseWorkerMessage({ type: 'ready' })).toEqual({ type: 'ready' })
    expect(parseWorkerMessage({ type: 'failed', error: 'no wasm' })).toEqual({ type: 'failed', error: 'no wasm' })
    expect(parseWorkerMessage({ type: 'output', stream: 'stderr', text: 'x' })).toEqual({ type: 'output', stream: 'stderr', text: 'x' })
    expect(parseWorkerMessage({ type: 'done', outcome: { status: 'memory', exitCode: 137, error: 'MemoryError', retire: true } })).toEqual({
      type: 'done',
      outcome: { status: 'memory', exitCode: 137, error: 'MemoryError', truncated: false, retire: true },
    })
  })

  it('drops anything else', () => {
    for (const m of [
      null,
      'done',
      { type: 'output', stream: 'stdin', text: 'x' },
      { type: 'output', stream: 'stdout', text: 1 },
      { type: 'done', outcome: { status: 'fine', exitCode: 0 } },
      { type: 'done', outcome: { status: 'ok', exitCode: 0.5 } },
      { type: 'done' },
      { type: 'run' },
    ]) {
      expect(parseWorkerMessage(m)).toBeUndefined()
    }
  })
})

describe('parseRunRequest', () => {
  const req = { type: 'run', language: 'python', code: 'print(1)', stdin: '', timeoutMs: 10_000, maxOutputBytes: 65_536 }

  it('reads a run request', () => {
    expect(parseRunRequest({ ...req, extra: true })).toEqual(req)
  })

  it('refuses unknown languages and missing fields', () => {
    expect(parseRunRequest({ ...req, language: 'go' })).toBeUndefined()
    expect(parseRunRequest({ ...req, stdin: undefined })).toBeUndefined()
    expect(parseRunRequest({ ...req, timeoutMs: '10' })).toBeUndefined()
  })
})
