import { describe, expect, it } from 'vitest'
import {
  checkDuration,
  checkEmail,
  checkHttpUrl,
  checkLanguage,
  checkStarterCode,
  DURATION,
  DURATION_HINT,
  LANGUAGE_NAMES,
  LANGUAGES,
  RULE_MESSAGES,
  STARTER_CODE_MAX,
} from './rules'

describe('shared rules', () => {
  it('take the duration limits from the host’s contract', () => {
    expect(DURATION).toEqual({ min: 15, max: 240 })
    expect(DURATION_HINT).toBe('15 to 240 minutes.')
    expect(RULE_MESSAGES.duration).toBe('Enter a duration from 15 to 240 minutes.')
  })

  it.each([
    ['', undefined],
    ['15', undefined],
    ['240', undefined],
    ['14', RULE_MESSAGES.duration],
    ['241', RULE_MESSAGES.duration],
    ['60.5', RULE_MESSAGES.duration],
  ])('duration %j → %s', (value, want) => expect(checkDuration(value)).toBe(want))

  it('checks a required email', () => {
    expect(checkEmail(' ', 'Enter it.')).toBe('Enter it.')
    expect(checkEmail('nope', 'Enter it.')).toBe(RULE_MESSAGES.email)
    expect(checkEmail('a@example.com', 'Enter it.')).toBeUndefined()
  })
})

describe('starter code rules', () => {
  it('take the languages and the limit from the host’s contract', () => {
    expect(LANGUAGES).toEqual(['plaintext', 'go', 'python', 'javascript', 'typescript', 'java', 'cpp', 'sql'])
    expect(STARTER_CODE_MAX).toBe(100_000)
    expect(Object.keys(LANGUAGE_NAMES)).toEqual([...LANGUAGES])
  })

  it('count characters as the host does: code points, outer white space left out', () => {
    expect(checkStarterCode('é'.repeat(STARTER_CODE_MAX))).toBeUndefined()
    expect(checkStarterCode('😀'.repeat(STARTER_CODE_MAX))).toBeUndefined() // 200,000 UTF-16 units
    expect(checkStarterCode(`  ${'x'.repeat(STARTER_CODE_MAX)}\n\n`)).toBeUndefined()
    expect(checkStarterCode('x'.repeat(STARTER_CODE_MAX + 1))).toBe(
      'The starter code can be at most 100,000 characters (it has 100,001).',
    )
    expect(checkStarterCode('a\0b')).toBe(RULE_MESSAGES.starterCodeNul)
    expect(checkStarterCode('')).toBeUndefined()
  })

  it('accept no language or a listed one', () => {
    expect(checkLanguage('')).toBeUndefined()
    expect(checkLanguage('cpp')).toBeUndefined()
    expect(checkLanguage('c++')).toBe(RULE_MESSAGES.language)
  })
})

describe('web addresses', () => {
  it.each([
    ['', undefined],
    ['http://localhost:2000', undefined],
    [' https://runner.example.com/piston ', undefined],
    ['localhost:2000', RULE_MESSAGES.httpUrl],
    ['ftp://runner.example.com', RULE_MESSAGES.httpUrl],
    ['http://', RULE_MESSAGES.httpUrl],
    ['javascript:alert(1)', RULE_MESSAGES.httpUrl],
  ])('%j → %s', (value, want) => expect(checkHttpUrl(value)).toBe(want))
})
