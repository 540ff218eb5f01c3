// An interview's report (docs/api.md): the document for the hiring team, and
// where its files are.
import { call } from './client'
import type { Report } from './contract.gen'

export type { Report, ReportEntry, ReportFiles, ReportNote, ReportQuestion, ReportScore } from './contract.gen'

export const getReport = (id: string, signal?: AbortSignal): Promise<Report> =>
  call('GET /api/interviews/{id}/report', { params: { id }, signal })

const base = (id: string) => `/api/interviews/${encodeURIComponent(id)}`

/** The report's files, to download. */
export const reportFile = (id: string, ext: 'html' | 'pdf') => `${base(id)}/report.${ext}`
