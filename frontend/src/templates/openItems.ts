// Which topics and questions of a template are open in its editor, kept for the
// browser session by the items' host ids: a save, a reload, or the step from
// "New template" to the saved template's own page leaves them as they were.
// Items not saved yet have no id; they are open while they are being written.

import type { TemplateDraft } from './templateForm'

const storageKey = (templateId: string) => `interviewdesk.template-open.${templateId}`

const items = (d: TemplateDraft) => [...d.plan, ...d.questions]

/** Stores which saved items of `d` are open. */
export function rememberOpen(templateId: string, d: TemplateDraft, isOpen: (key: string) => boolean): void {
  const ids = items(d).flatMap((i) => (i.id && isOpen(i.key) ? [i.id] : []))
  try {
    sessionStorage.setItem(storageKey(templateId), JSON.stringify(ids))
  } catch {
    // storage unavailable: the editor opens collapsed next time
  }
}

/** The keys of the items of `d` that were open when last stored. */
export function rememberedOpen(templateId: string, d: TemplateDraft): string[] {
  let ids: unknown
  try {
    ids = JSON.parse(sessionStorage.getItem(storageKey(templateId)) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(ids)) return []
  const open = new Set(ids.filter((x): x is string => typeof x === 'string'))
  return items(d).flatMap((i) => (i.id && open.has(i.id) ? [i.key] : []))
}
