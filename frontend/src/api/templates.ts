import { request, requestText, seg } from './client'
import type { Template, TemplateFields, TemplateSummary } from './types'

export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  const r = await request<{ templates: TemplateSummary[] }>('GET', '/api/templates', { signal })
  return r.templates
}

export const getTemplate = (id: string, signal?: AbortSignal) =>
  request<Template>('GET', `/api/templates/${seg(id)}`, { signal })

export const createTemplate = (t: TemplateFields) => request<Template>('POST', '/api/templates', { json: t })

export const updateTemplate = (id: string, t: TemplateFields) =>
  request<Template>('PUT', `/api/templates/${seg(id)}`, { json: t })

export const deleteTemplate = (id: string) => request<void>('DELETE', `/api/templates/${seg(id)}`)

export const duplicateTemplate = (id: string) =>
  request<Template>('POST', `/api/templates/${seg(id)}/duplicate`)

/** The template file (docs/template-format.md) as text. */
export const exportTemplate = (id: string) => requestText('GET', `/api/templates/${seg(id)}/export`)

/** Imports a template file; `fileText` is sent as is (a string body, never a Blob). */
export async function importTemplates(fileText: string): Promise<TemplateSummary[]> {
  const r = await request<{ templates: TemplateSummary[] }>('POST', '/api/templates/import', { text: fileText })
  return r.templates
}
