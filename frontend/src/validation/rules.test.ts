import { describe, expect, it } from 'vitest'
import { checkDuration, checkEmail, DURATION, DURATION_HINT, RULE_MESSAGES } from './rules'

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
