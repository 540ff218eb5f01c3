import { afterEach, describe, expect, it } from 'vitest'
import { firstScreenPaths } from './firstScreen'

afterEach(() => sessionStorage.clear())

describe('firstScreenPaths', () => {
  it('asks for the list’s first page on the interview list, in its stored tab', () => {
    expect(firstScreenPaths('')).toEqual(['/api/account', '/api/settings', '/api/interviews?tense=upcoming&limit=25'])
    sessionStorage.setItem('interviewdesk.interviewTab', 'past')
    expect(firstScreenPaths('#/interviews')).toEqual(['/api/account', '/api/settings', '/api/interviews?tense=past&limit=25'])
  })

  it('asks only for the account and the settings elsewhere', () => {
    for (const hash of ['#/templates', '#/interviews/abc', '#/set-password/tok']) {
      expect(firstScreenPaths(hash)).toEqual(['/api/account', '/api/settings'])
    }
  })
})
