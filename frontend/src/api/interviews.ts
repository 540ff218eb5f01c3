import { call, endpointPath } from './client'
import type { Interview, InterviewSummary, NewInterview, RoomTools, Tense } from './types'

/** One page of a list tab: at most `limit` after skipping `offset` matches; `campaign` keeps one campaign's interviews (its ID). */
export type InterviewQuery = { tense: Tense; q?: string; limit?: number; offset?: number; campaign?: string }

export async function listInterviews(
  query: InterviewQuery,
  signal?: AbortSignal,
): Promise<{ interviews: InterviewSummary[]; total: number }> {
  return call('GET /api/interviews', { query: listQuery(query), signal })
}

/** The path listInterviews asks for query (for an early request of the list's first page). */
export const listPath = (query: InterviewQuery): string => endpointPath('GET /api/interviews', { query: listQuery(query) })

/** The query string's parameters of query, as the host reads them. */
export function listQuery(query: InterviewQuery): Record<string, string> {
  const q: Record<string, string> = { tense: query.tense }
  if (query.q) q.q = query.q
  if (query.limit) q.limit = String(query.limit)
  if (query.offset) q.offset = String(query.offset)
  if (query.campaign) q.campaign = query.campaign
  return q
}

export const getInterview = (id: string, signal?: AbortSignal): Promise<Interview> =>
  call('GET /api/interviews/{id}', { params: { id }, signal })

export const createInterview = (body: NewInterview): Promise<Interview> => call('POST /api/interviews', { body })

export const rescheduleInterview = (id: string, startsAt: string, timeZone: string): Promise<Interview> =>
  call('POST /api/interviews/{id}/reschedule', { params: { id }, body: { startsAt, timeZone } })

export const addInterviewer = (id: string, name: string, email: string): Promise<Interview> =>
  call('POST /api/interviews/{id}/interviewers', { params: { id }, body: { name, email } })

export const removeInterviewer = (id: string, email: string): Promise<Interview> =>
  call('DELETE /api/interviews/{id}/interviewers/{email}', { params: { id, email } })

/** Sends only the tools the contract knows, however `tools` was built. */
export const updateTools = (id: string, tools: RoomTools): Promise<Interview> =>
  call('PUT /api/interviews/{id}/tools', { params: { id }, body: { liveCode: tools.liveCode, whiteboard: tools.whiteboard } })

/** Cancels the interview; it stays under "Cancelled" and can be restored. */
export const deleteInterview = (id: string): Promise<Interview> => call('DELETE /api/interviews/{id}', { params: { id } })

export const restoreInterview = (id: string): Promise<Interview> =>
  call('POST /api/interviews/{id}/restore', { params: { id } })

/** Ends every interviewer's read-only results link of interview id. */
export const closeResultsLinks = (id: string): Promise<Interview> =>
  call('DELETE /api/interviews/{id}/results-links', { params: { id } })
