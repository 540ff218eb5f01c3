import { describe, expect, it } from 'vitest'
import { planText } from './CandidateScreens'

describe('the plan stage text for the candidate', () => {
  it('promises questions only when the interview has a technical part', () => {
    expect(planText(true)).toContain('Questions will appear here when the technical part begins.')
    expect(planText(false)).not.toContain('Questions')
    expect(planText(false)).toContain('a conversation about you')
  })
})
