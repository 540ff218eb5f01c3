// The languages of the shared editor. Each language's CodeMirror support is a
// separate chunk, loaded the first time someone picks it.

import { indentUnit } from '@codemirror/language'
import type { Extension } from '@codemirror/state'

export type LanguageId = 'plaintext' | 'go' | 'python' | 'javascript' | 'typescript' | 'java' | 'cpp' | 'sql'

export const LANGUAGES: readonly { id: LanguageId; label: string }[] = [
  { id: 'plaintext', label: 'Plain text' },
  { id: 'go', label: 'Go' },
  { id: 'python', label: 'Python 3' },
  { id: 'javascript', label: 'JavaScript' },
  { id: 'typescript', label: 'TypeScript' },
  { id: 'java', label: 'Java' },
  { id: 'cpp', label: 'C++' },
  { id: 'sql', label: 'SQL' },
]

export function isLanguageId(v: unknown): v is LanguageId {
  return LANGUAGES.some((l) => l.id === v)
}

export function languageLabel(id: LanguageId): string {
  return LANGUAGES.find((l) => l.id === id)?.label ?? id
}

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
