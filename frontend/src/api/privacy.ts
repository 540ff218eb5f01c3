// Privacy: consent records, deleting an interview for good, retention, a
// candidate's export and erasure, backups and the audit log (docs/api.md,
// "Privacy").
import { call, endpointPath } from './client'
import type {
  AuditKind,
  AuditPage,
  BackupStatus,
  CandidateData,
  ConsentRecord,
  InterviewContents,
  Retention,
  RetentionLog,
  RetentionPlan,
  RetentionRun,
  RetentionSettings,
} from './contract.gen'

export type {
  AuditEntry,
  AuditKind,
  AuditPage,
  BackupStatus,
  CandidateData,
  ConsentRecord,
  ConsentTexts,
  GivenConsent,
  InterviewContents,
  LastBackup,
  Retention,
  RetentionItem,
  RetentionLog,
  RetentionPlan,
  RetentionRun,
  RetentionSettings,
  RetentionWhat,
} from './contract.gen'
export { AUDIT_KINDS } from './contract.gen'

export const getConsentRecord = (id: string, signal?: AbortSignal): Promise<ConsentRecord> =>
  call('GET /api/interviews/{id}/consent', { params: { id }, signal })

/** What deleting interview id for good removes, and whether it can be deleted now. */
export const previewPurge = (id: string, signal?: AbortSignal): Promise<InterviewContents> =>
  call('GET /api/interviews/{id}/purge', { params: { id }, signal })

export const purgeInterview = (id: string): Promise<InterviewContents> => call('POST /api/interviews/{id}/purge', { params: { id } })

export const getRetention = (signal?: AbortSignal): Promise<Retention> => call('GET /api/settings/retention', { signal })

export const saveRetention = (body: RetentionSettings): Promise<Retention> => call('PUT /api/settings/retention', { body })

export const previewRetention = (signal?: AbortSignal): Promise<RetentionPlan> => call('GET /api/retention/preview', { signal })

export const applyRetention = (): Promise<RetentionRun> => call('POST /api/retention/apply', {})

export function getRetentionLog(before?: number, signal?: AbortSignal): Promise<RetentionLog> {
  return call('GET /api/retention/log', { query: before ? { before: String(before) } : {}, signal })
}

export const getCandidateData = (email: string, signal?: AbortSignal): Promise<CandidateData> =>
  call('GET /api/candidate-data', { query: { email }, signal })

/** The address of the candidate's data archive: a plain GET, downloaded by the browser. */
export const candidateExportURL = (email: string): string =>
  endpointPath('GET /api/candidate-data/export', { query: { email } })

export const eraseCandidate = (email: string): Promise<CandidateData> => call('POST /api/candidate-data/erase', { body: { email } })

export const getBackupStatus = (signal?: AbortSignal): Promise<BackupStatus> => call('GET /api/backup', { signal })

/** The address of a new backup archive: a plain GET, downloaded by the browser. */
export const backupURL = (withMedia: boolean): string =>
  endpointPath('GET /api/backup/archive', { query: { media: String(withMedia) } })

export type AuditQuery = { kind?: AuditKind | undefined; before?: number | undefined; limit?: number }

export function getAuditLog(q: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  const query: Record<string, string> = {}
  if (q.kind) query.kind = q.kind
  if (q.before) query.before = String(q.before)
  if (q.limit) query.limit = String(q.limit)
  return call('GET /api/audit', { query, signal })
}
