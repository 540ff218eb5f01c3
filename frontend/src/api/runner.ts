// Code runner settings (docs/api.md, "Code runner").
import { call } from './client'
import type { CodeRunnerSettings, CodeRunnerTest, CodeRunnerUpdate } from './types'

export const getRunnerSettings = (signal?: AbortSignal): Promise<CodeRunnerSettings> =>
  call('GET /api/settings/runner', { signal })

/**
 * Saves the code runner's address. An empty `token` is left out, so the stored
 * one is kept; `clearToken` removes it; an empty `url` turns the runner off. A
 * 422 ApiError carries `fields` keyed by RunnerField.
 */
export async function saveRunnerSettings(input: CodeRunnerUpdate): Promise<CodeRunnerSettings> {
  const body: CodeRunnerUpdate = { url: input.url }
  if (input.clearToken) body.clearToken = true
  else if (input.token) body.token = input.token
  return call('PUT /api/settings/runner', { body })
}

/**
 * Asks the saved runner what it runs. Rejects with an ApiError whose `code` is
 * "conflict" (409, no runner set up) or "unavailable" (503, the message says
 * what the runner did and what to check).
 */
export const testRunner = (): Promise<CodeRunnerTest> => call('POST /api/settings/runner/test', {})
