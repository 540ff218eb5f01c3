import { describe, expect, it } from 'vitest'
import { formatFingerprint, hostName, linkRoute } from './api'

describe('the team host helpers', () => {
  it('finds the console route of a pasted password link', () => {
    expect(linkRoute('https://h.example.com/#/set-password/Ab_9-x')).toBe('#/set-password/Ab_9-x')
    expect(linkRoute('https://h.example.com/#/reset-password/tok')).toBe('#/reset-password/tok')
    expect(linkRoute('https://h.example.com')).toBeUndefined()
  })

  it('shows a fingerprint as openssl prints it', () => {
    expect(formatFingerprint('ab01cd')).toBe('AB:01:CD')
  })

  it('names a host by its name and port', () => {
    expect(hostName('https://interviews.example.com:8443')).toBe('interviews.example.com:8443')
    expect(hostName(undefined)).toBe('')
  })
})
