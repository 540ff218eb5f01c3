// The template editor's model: the API's TemplateFields plus a stable client key
// per topic, question and key point, so React keeps focus and state when items
// move.

import type { Language, Template, TemplateFields } from '../api/types'
import { LANGUAGE_NAMES, checkLanguage, checkStarterCode } from '../validation/rules'

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

/**
 * `next` (the host's answer to a save) with the client keys of `prev` where the
 * items are the same, by position: what is open, focused or typed in stays
 * where it was.
 */
export function keepKeys(next: TemplateDraft, prev: TemplateDraft): TemplateDraft {
  const reuse = <T extends { key: string }>(items: T[], old: readonly { key: string }[]): T[] =>
    items.map((item, i) => {
      const key = old[i]?.key
      return key === undefined ? item : { ...item, key }
    })
  return {
    ...next,
    plan: reuse(next.plan, prev.plan),
    questions: reuse(next.questions, prev.questions).map((q, i) => ({
      ...q,
      keyPoints: reuse(q.keyPoints, prev.questions[i]?.keyPoints ?? []),
    })),
  }
}

/** The first line of a text, for a one-line summary; `fallback` when it is empty. */
export function firstLine(text: string, fallback: string): string {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? ''
  return line === '' ? fallback : line
}

/** "Coding · Go" for a question with starter code, else "Discussion". */
export function questionKind(q: Pick<QuestionDraft, 'starterCode' | 'language'>): string {
  if (q.starterCode.trim() === '') return 'Discussion'
  return `Coding · ${LANGUAGE_NAMES[q.language || 'plaintext']}`
}

/** How many of `errors` belong to item `index` of `list` ("questions.2.text", "questions.2.keyPoints.0"). */
export function itemErrorCount(errors: Partial<Record<string, string>>, list: 'plan' | 'questions', index: number): number {
  const prefix = `${list}.${index}.`
  return Object.entries(errors).filter(([k, v]) => v !== undefined && k.startsWith(prefix)).length
}

/** The keys of the topics and questions that have a message in `errors`. */
export function keysWithErrors(d: TemplateDraft, errors: Partial<Record<string, string>>): string[] {
  return [
    ...d.plan.filter((_, i) => itemErrorCount(errors, 'plan', i) > 0),
    ...d.questions.filter((_, i) => itemErrorCount(errors, 'questions', i) > 0),
  ].map((item) => item.key)
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
