import { call, callFile } from './client'
import type { Template, TemplateFields, TemplateSummary } from './types'

export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  const r = await call('GET /api/templates', { signal })
  return r.templates
}

export const getTemplate = (id: string, signal?: AbortSignal): Promise<Template> =>
  call('GET /api/templates/{id}', { params: { id }, signal })

export const createTemplate = (t: TemplateFields): Promise<Template> => call('POST /api/templates', { body: t })

export const updateTemplate = (id: string, t: TemplateFields): Promise<Template> =>
  call('PUT /api/templates/{id}', { params: { id }, body: t })

export const deleteTemplate = (id: string): Promise<void> => call('DELETE /api/templates/{id}', { params: { id } })

export const duplicateTemplate = (id: string): Promise<Template> =>
  call('POST /api/templates/{id}/duplicate', { params: { id } })

/** The template file (docs/template-format.md) as text. */
export const exportTemplate = async (id: string): Promise<string> =>
  (await callFile('GET /api/templates/{id}/export', { params: { id } })).text

/** Imports a template file; `fileText` is sent as is (a string body, never a Blob). */
export async function importTemplates(fileText: string): Promise<TemplateSummary[]> {
  const r = await call('POST /api/templates/import', { body: fileText })
  return r.templates
}
