// The input rules every form checks before sending, in one place. They mirror
// the host's (internal/validation, internal/templates); the host stays the
// authority and its 422 `fields` are shown the same way. The duration limits
// and the code languages come from the contract, generated from the host's own
// constants.

import { DURATION_MINUTES, LANGUAGES, STARTER_CODE_MAX, type Language } from '../api/contract.gen'

/** How long an interview may last, in minutes. */
export const DURATION = DURATION_MINUTES

/** Lengths the host accepts, in characters. */
export const LENGTHS = { name: 120, email: 254 } as const

export const DURATION_HINT = `${DURATION.min} to ${DURATION.max} minutes.`

export const RULE_MESSAGES = {
  email: 'Enter a valid email address, like name@example.com.',
  duration: `Enter a duration from ${DURATION.min} to ${DURATION.max} minutes.`,
  tooLong: (n: number) => `Use at most ${n} characters.`,
  starterCodeTooLong: (n: number) =>
    `The starter code can be at most ${STARTER_CODE_MAX.toLocaleString('en-US')} characters (it has ${n.toLocaleString('en-US')}).`,
  starterCodeNul: 'The starter code contains a NUL character.',
  language: 'Choose a language from the list.',
  httpUrl: 'Enter an address starting with http:// or https://, like http://localhost:2000.',
} as const

/** The code languages the host accepts, in picker order, with their names. */
export { LANGUAGES, STARTER_CODE_MAX }
export const LANGUAGE_NAMES: Record<Language, string> = {
  plaintext: 'Plain text',
  go: 'Go',
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  cpp: 'C++',
  sql: 'SQL',
}

export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s)

/** Characters as the host counts them: code points, surrounding white space left out. */
export const characterCount = (s: string) => [...s.trim()].length

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/

export function isValidEmail(s: string): boolean {
  const t = s.trim()
  return t.length <= LENGTHS.email && EMAIL.test(t)
}

/** A required one-line text: `missing` when empty, too long past max. */
export function checkText(value: string, max: number, missing: string): string | undefined {
  const t = value.trim()
  if (t === '') return missing
  if (t.length > max) return RULE_MESSAGES.tooLong(max)
  return undefined
}

/** A required email address: `missing` when empty. */
export function checkEmail(value: string, missing: string): string | undefined {
  if (value.trim() === '') return missing
  return isValidEmail(value) ? undefined : RULE_MESSAGES.email
}

/** A duration in minutes as typed; empty is allowed (the template's applies). */
export function checkDuration(value: string): string | undefined {
  if (value.trim() === '') return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < DURATION.min || n > DURATION.max) return RULE_MESSAGES.duration
  return undefined
}

/** Optional starter code: at most STARTER_CODE_MAX characters, no NUL. */
export function checkStarterCode(value: string): string | undefined {
  const n = characterCount(value)
  if (n > STARTER_CODE_MAX) return RULE_MESSAGES.starterCodeTooLong(n)
  if (value.includes('\0')) return RULE_MESSAGES.starterCodeNul
  return undefined
}

/** An optional language: empty, or one of LANGUAGES. */
export function checkLanguage(value: string): string | undefined {
  return value === '' || isLanguage(value) ? undefined : RULE_MESSAGES.language
}

/** An optional web address: empty, or an absolute http(s) URL with a host. */
export function checkHttpUrl(value: string): string | undefined {
  const t = value.trim()
  if (t === '') return undefined
  try {
    const u = new URL(t)
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '') return undefined
  } catch {
    // not a URL at all
  }
  return RULE_MESSAGES.httpUrl
}
