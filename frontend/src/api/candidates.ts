// Candidates, the pipeline and take-home results (docs/api.md, "Candidates").
import { call } from './client'
import type {
  Candidate,
  CandidateList,
  CandidateStage,
  CandidateUpdate,
  ImportReport,
  InterviewSummary,
  Pipeline,
  TakehomeResult,
} from './contract.gen'
import { CANDIDATE_SINCE } from './contract.gen'

export type {
  Candidate,
  CandidateApplication,
  CandidateChange,
  CandidateList,
  CandidateStage,
  CandidateSummary,
  ImportReport,
  Pipeline,
  PipelineColumn,
  PipelineRole,
  TakehomeResult,
  TakehomeResultSummary,
  TakehomeTask,
} from './contract.gen'

/** A time filter of the candidate search: 7d, 30d, 3m (the default), 6m, 12m or all. */
export type Since = (typeof CANDIDATE_SINCE)[number]

export type CandidateQuery = { q?: string; since?: Since; position?: string; limit?: number }

export function searchCandidates(query: CandidateQuery, signal?: AbortSignal): Promise<CandidateList> {
  const q: Record<string, string> = {}
  if (query.q) q.q = query.q
  if (query.since) q.since = query.since
  if (query.position) q.position = query.position
  if (query.limit) q.limit = String(query.limit)
  return call('GET /api/candidates', { query: q, signal })
}

/** A candidate by ID or email address. */
export const getCandidate = (id: string, signal?: AbortSignal): Promise<Candidate> =>
  call('GET /api/candidates/{id}', { params: { id }, signal })

export const updateCandidate = (id: string, body: CandidateUpdate): Promise<Candidate> =>
  call('PUT /api/candidates/{id}', { params: { id }, body })

export const moveStage = (id: string, position: string, stage: CandidateStage): Promise<Candidate> =>
  call('POST /api/candidates/{id}/stage', { params: { id }, body: { position, stage } })

export async function candidateInterviews(id: string, signal?: AbortSignal): Promise<InterviewSummary[]> {
  const r = await call('GET /api/candidates/{id}/interviews', { params: { id }, signal })
  return r.interviews ?? []
}

export async function candidateResults(id: string, signal?: AbortSignal): Promise<TakehomeResult[]> {
  const r = await call('GET /api/candidates/{id}/results', { params: { id }, signal })
  return r.results ?? []
}

/** Imports a results file: its name tells CSV from JSON; the text goes as a JSON string, never a Blob. */
export const importResults = (name: string, content: string): Promise<ImportReport> =>
  call('POST /api/candidates/import', { body: { name, content } })

export const getPipeline = (position: string, signal?: AbortSignal): Promise<Pipeline> =>
  call('GET /api/pipeline', { query: position ? { position } : {}, signal })
