// The languages of the shared editor: the host's list (collab.Languages, through
// the generated contract) with the console's names for them. Each language's
// CodeMirror support is a separate chunk, loaded the first time someone picks it.

import { indentUnit } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import type { Language } from '../../api/contract.gen'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES as LANGUAGE_IDS } from '../../validation/rules'

export type LanguageId = Language

/** The languages in picker order, with their names. */
export const LANGUAGES: readonly { id: LanguageId; label: string }[] = LANGUAGE_IDS.map((id) => ({
  id,
  label: LANGUAGE_NAMES[id],
}))

export const isLanguageId = (v: unknown): v is LanguageId => typeof v === 'string' && isLanguage(v)

export const languageLabel = (id: LanguageId): string => LANGUAGE_NAMES[id]

/** Each language's usual indentation (gofmt uses tabs; PEP 8 four spaces). */
const INDENT: Record<LanguageId, string> = {
  plaintext: '    ',
  go: '\t',
  python: '    ',
  javascript: '  ',
  typescript: '  ',
  java: '    ',
  cpp: '    ',
  sql: '  ',
}

const loaders: Record<LanguageId, () => Promise<Extension>> = {
  plaintext: async () => [],
  go: async () => (await import('@codemirror/lang-go')).go(),
  python: async () => (await import('@codemirror/lang-python')).python(),
  javascript: async () => (await import('@codemirror/lang-javascript')).javascript(),
  typescript: async () => (await import('@codemirror/lang-javascript')).javascript({ typescript: true }),
  java: async () => (await import('@codemirror/lang-java')).java(),
  cpp: async () => (await import('@codemirror/lang-cpp')).cpp(),
  // The in-browser runner executes SQL with SQLite (sql.js).
  sql: async () => {
    const m = await import('@codemirror/lang-sql')
    return m.sql({ dialect: m.SQLite })
  },
}

const loaded = new Map<LanguageId, Promise<Extension>>()

/**
 * The editor support for a language: syntax, indentation, its completions.
 * Loaded once per page; a failed load (e.g. the chunk could not be fetched) is
 * retried on the next call.
 */
export function loadLanguage(id: LanguageId): Promise<Extension> {
  let p = loaded.get(id)
  if (!p) {
    p = loaders[id]().then((support) => [support, indentUnit.of(INDENT[id])])
    p.catch(() => loaded.delete(id))
    loaded.set(id, p)
  }
  return p
}
