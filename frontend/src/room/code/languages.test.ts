import { indentUnit, language } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { isLanguageId, languageLabel, LANGUAGES, loadLanguage } from './languages'

describe('loadLanguage', () => {
  it('gives each language its parser and usual indentation, loaded once', async () => {
    const got: Record<string, [string | undefined, string]> = {}
    for (const { id } of LANGUAGES) {
      const ext = await loadLanguage(id)
      expect(await loadLanguage(id)).toBe(ext)
      const state = EditorState.create({ extensions: ext })
      got[id] = [state.facet(language)?.name, state.facet(indentUnit)]
    }
    expect(got).toEqual({
      plaintext: [undefined, '    '],
      go: ['go', '\t'],
      python: ['python', '    '],
      javascript: ['javascript', '  '],
      typescript: ['typescript', '  '],
      java: ['java', '    '],
      cpp: ['cpp', '    '],
      sql: ['sql', '  '],
    })
  })

  it('knows the protocol’s language ids and nothing else', () => {
    expect(['plaintext', 'go', 'python', 'javascript', 'typescript', 'java', 'cpp', 'sql'].every(isLanguageId)).toBe(true)
    expect(['rust', '', 'Python', undefined].some(isLanguageId)).toBe(false)
    expect(LANGUAGES.map((l) => languageLabel(l.id))).toEqual(LANGUAGES.map((l) => l.label))
  })
})
