import { request, seg } from './client'
import type { Interview, InterviewSummary, NewInterview, RoomTools, Tense } from './types'

export type InterviewQuery = { tense: Tense; q?: string; limit?: number }

export async function listInterviews(
  query: InterviewQuery,
  signal?: AbortSignal,
): Promise<{ interviews: InterviewSummary[]; total: number }> {
  const params = new URLSearchParams({ tense: query.tense })
  if (query.q) params.set('q', query.q)
  if (query.limit) params.set('limit', String(query.limit))
  return request('GET', `/api/interviews?${params}`, { signal })
}

export const getInterview = (id: string, signal?: AbortSignal) =>
  request<Interview>('GET', `/api/interviews/${seg(id)}`, { signal })

export const createInterview = (body: NewInterview) => request<Interview>('POST', '/api/interviews', { json: body })

export const rescheduleInterview = (id: string, startsAt: string, timeZone: string) =>
  request<Interview>('POST', `/api/interviews/${seg(id)}/reschedule`, { json: { startsAt, timeZone } })

export const addInterviewer = (id: string, name: string, email: string) =>
  request<Interview>('POST', `/api/interviews/${seg(id)}/interviewers`, { json: { name, email } })

export const removeInterviewer = (id: string, email: string) =>
  request<Interview>('DELETE', `/api/interviews/${seg(id)}/interviewers/${seg(email)}`)

export const updateTools = (id: string, tools: RoomTools) =>
  request<Interview>('PUT', `/api/interviews/${seg(id)}/tools`, { json: tools })

/** Cancels the interview; it stays under "Cancelled" and can be restored. */
export const deleteInterview = (id: string) => request<Interview>('DELETE', `/api/interviews/${seg(id)}`)

export const restoreInterview = (id: string) => request<Interview>('POST', `/api/interviews/${seg(id)}/restore`)
