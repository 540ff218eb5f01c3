// Analysis engine settings (docs/api.md, "Analysis engines").
import { call } from './client'
import type { AnalysisEngineSettings, AnalysisEnginesTest, AnalysisEnginesUpdate, AnalysisEngineUpdate } from './types'

export const getAnalysisEngines = (signal?: AbortSignal): Promise<AnalysisEngineSettings> =>
  call('GET /api/settings/analysis', { signal })

/** One engine's part of the PUT body: an empty `key` is left out, so the stored one is kept. */
const engineBody = (e: AnalysisEngineUpdate): AnalysisEngineUpdate => {
  const body: AnalysisEngineUpdate = { engine: e.engine ?? 'offline', url: e.url ?? '', model: e.model ?? '' }
  if (e.clearKey) body.clearKey = true
  else if (e.key) body.key = e.key
  return body
}

/**
 * Saves both engines' settings; `clearKey` removes a stored key. A 422
 * ApiError carries `fields` keyed by EngineField ("transcription.url", …).
 */
export const saveAnalysisEngines = (input: AnalysisEnginesUpdate): Promise<AnalysisEngineSettings> =>
  call('PUT /api/settings/analysis', {
    body: { transcription: engineBody(input.transcription), scoring: engineBody(input.scoring) },
  })

/** Sends each saved service its smallest real request; every engine's outcome is in the answer. */
export const testAnalysisEngines = (): Promise<AnalysisEnginesTest> => call('POST /api/settings/analysis/test', {})
