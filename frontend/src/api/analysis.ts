// An interview's analysis (docs/api.md): transcript, per-answer scores with
// evidence, the overall score, and overrides by interviewers.
import { ApiError, call } from './client'
import type { Analysis, RecordingLayoutName } from './contract.gen'

export type {
  Analysis,
  AnswerAnalysis,
  AnswerPoint,
  CombinedRecording,
  RecordingLayout,
  RecordingLayoutName,
  SpeakerVoice,
  TalkTime,
  TranscriptLine,
} from './contract.gen'

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

/** The combined recording's file in a layout. */
export const recordingURL = (id: string, layout: RecordingLayoutName) =>
  `/api/interviews/${encodeURIComponent(id)}/recording/${layout}`

/** Asks the host to build the combined recording in layout (progress in the analysis). */
export const buildLayout = (id: string, layout: RecordingLayoutName): Promise<Analysis> =>
  call('POST /api/interviews/{id}/recording/{layout}', { params: { id, layout } })
