// An interview's analysis (docs/api.md): transcript, per-answer scores with
// evidence, the overall score, and overrides by interviewers.
import { ApiError, call } from './client'
import type { Analysis } from './contract.gen'

export type { Analysis, AnswerAnalysis, AnswerPoint, TranscriptLine, TalkTime } from './contract.gen'

/** The analysis, or undefined before its first run. */
export async function getAnalysis(id: string, signal?: AbortSignal): Promise<Analysis | undefined> {
  try {
    return await call('GET /api/interviews/{id}/analysis', { params: { id }, signal })
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'not_found') return undefined
    throw e
  }
}

export const runAnalysis = (id: string): Promise<Analysis> => call('POST /api/interviews/{id}/analysis', { params: { id } })

/** Question is 1-based, as people count. */
export const overrideScore = (id: string, question: number, score: number, reason: string): Promise<Analysis> =>
  call('PUT /api/interviews/{id}/analysis/answers/{question}/override', {
    params: { id, question: String(question) },
    body: { score, ...(reason ? { reason } : {}) },
  })
