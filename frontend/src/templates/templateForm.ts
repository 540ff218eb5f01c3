// The template editor's model: the API's TemplateFields plus a stable client key
// per topic, question and key point, so React keeps focus and state when items
// move.

import type { Language, Template, TemplateFields } from '../api/types'
import { checkLanguage, checkStarterCode } from '../validation/rules'

export type TopicDraft = { key: string; id?: string; title: string; hint: string }
export type QuestionDraft = {
  key: string
  id?: string
  text: string
  alternative: string
  expectedAnswer: string
  keyPoints: { key: string; text: string }[]
  /** Code the interviewer can load into the room's editor; '' for none. */
  starterCode: string
  /** '' for none (the host makes it plain text when there is starter code). */
  language: Language | ''
}
export type TemplateDraft = {
  name: string
  specialization: string
  description: string
  durationMinutes: string
  plan: TopicDraft[]
  questions: QuestionDraft[]
}

let counter = 0
export const newKey = (prefix: string) => `${prefix}${++counter}`

export const emptyTopic = (): TopicDraft => ({ key: newKey('t'), title: '', hint: '' })

export const emptyQuestion = (): QuestionDraft => ({
  key: newKey('q'),
  text: '',
  alternative: '',
  expectedAnswer: '',
  keyPoints: [],
  starterCode: '',
  language: '',
})

export function blankDraft(): TemplateDraft {
  return { name: '', specialization: '', description: '', durationMinutes: '60', plan: [emptyTopic()], questions: [] }
}

export function toDraft(t: Template): TemplateDraft {
  return {
    name: t.name,
    specialization: t.specialization,
    description: t.description,
    durationMinutes: String(t.durationMinutes),
    plan: t.plan.map((p) => ({ key: newKey('t'), ...(p.id ? { id: p.id } : {}), title: p.title, hint: p.hint ?? '' })),
    questions: t.questions.map((q) => ({
      key: newKey('q'),
      ...(q.id ? { id: q.id } : {}),
      text: q.text,
      alternative: q.alternative,
      expectedAnswer: q.expectedAnswer,
      keyPoints: (q.keyPoints ?? []).map((text) => ({ key: newKey('k'), text })),
      starterCode: q.starterCode ?? '',
      language: q.language ?? '',
    })),
  }
}

/** The request body. Text is sent as typed: the host trims and validates. */
export function fromDraft(d: TemplateDraft): TemplateFields {
  const minutes = Number(d.durationMinutes)
  return {
    name: d.name,
    specialization: d.specialization,
    description: d.description,
    durationMinutes: d.durationMinutes.trim() === '' || !Number.isFinite(minutes) ? 0 : Math.round(minutes),
    plan: d.plan.map((p) => ({ ...(p.id ? { id: p.id } : {}), title: p.title, ...(p.hint ? { hint: p.hint } : {}) })),
    questions: d.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      text: q.text,
      alternative: q.alternative,
      expectedAnswer: q.expectedAnswer,
      keyPoints: q.keyPoints.map((k) => k.text).filter((k) => k.trim() !== ''),
      ...(q.starterCode.trim() !== '' ? { starterCode: q.starterCode } : {}),
      ...(q.language ? { language: q.language } : {}),
    })),
  }
}

/**
 * The checks the form makes before sending, keyed like fieldPath's output
 * ("questions.2.starterCode"); the host checks the rest and stays the authority.
 */
export function checkDraft(d: TemplateDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  d.questions.forEach((q, i) => {
    const code = checkStarterCode(q.starterCode)
    if (code) errors[`questions.${i}.starterCode`] = code
    const language = checkLanguage(q.language)
    if (language) errors[`questions.${i}.language`] = language
  })
  return errors
}

/** A comparable snapshot of what would be saved (keys excluded). */
export const draftSignature = (d: TemplateDraft) => JSON.stringify(fromDraft(d))

/** Returns a copy of `list` with item `index` moved by `delta` (clamped to the ends). */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, index + delta))
  if (index < 0 || index >= list.length || to === index) return [...list]
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  copy.splice(to, 0, item as T)
  return copy
}

/**
 * Normalises a server field path to dots: "plan[0].title" → "plan.0.title",
 * "questions[2].keyPoints[1]" → "questions.2.keyPoints.1".
 */
export function fieldPath(key: string): string {
  return key.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')
}

/** "go-backend-engineer.json" from a template name. */
export function exportFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${slug || 'template'}.json`
}
