import { describe, expect, it } from 'vitest'
import { classifyMediaError, detectBrowser, detectOS, guidanceFor } from './guidance'

const UA = {
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  firefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
  iosChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
}

describe('detectBrowser', () => {
  it.each([
    ['chrome', UA.chrome],
    ['edge', UA.edge],
    ['firefox', UA.firefox],
    ['safari', UA.safari],
    ['other', UA.opera],
    ['chrome', UA.iosChrome],
  ])('%s', (want, ua) => {
    expect(detectBrowser(ua)).toBe(want)
  })

  it('finds the OS', () => {
    expect(detectOS(UA.safari)).toBe('mac')
    expect(detectOS(UA.edge)).toBe('windows')
    expect(detectOS(UA.chrome)).toBe('linux')
    expect(detectOS(UA.iosChrome)).toBe('ios')
  })
})

describe('classifyMediaError', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'notfound'],
    ['OverconstrainedError', 'notfound'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'unsupported'],
    ['Weird', 'other'],
  ])('%s → %s', (name, want) => {
    expect(classifyMediaError(new DOMException('x', name))).toBe(want)
  })

  it('handles non-errors', () => {
    expect(classifyMediaError(undefined)).toBe('other')
    expect(classifyMediaError('boom')).toBe('other')
  })
})

describe('guidanceFor', () => {
  it('tells Chrome users about the site settings icon in the address bar', () => {
    const g = guidanceFor('denied', 'camera and microphone', 'chrome', 'linux')
    expect(g.title).toBe('Your browser has blocked the camera and microphone for this page')
    expect(g.steps.join(' ')).toContain('address bar')
    expect(g.steps.join(' ')).toContain('Set Camera and Microphone to Allow.')
  })

  it('tells Edge users about Permissions for this site', () => {
    expect(guidanceFor('denied', 'camera', 'edge').steps.join(' ')).toContain('Permissions for this site')
  })

  it('tells Firefox users to remove the blocked permission', () => {
    const steps = guidanceFor('denied', 'microphone', 'firefox').steps.join(' ')
    expect(steps).toContain('crossed-out microphone icon')
    expect(steps).toContain('Blocked Temporarily')
  })

  it('tells Safari users about Settings for This Website, and macOS privacy settings', () => {
    const steps = guidanceFor('denied', 'camera', 'safari', 'mac').steps
    expect(steps.join(' ')).toContain('Settings for This Website')
    expect(steps[steps.length - 1]).toContain('System Settings › Privacy & Security › Camera')
  })

  it('adds the Windows privacy switch on Windows', () => {
    const steps = guidanceFor('denied', 'microphone', 'chrome', 'windows').steps
    expect(steps[steps.length - 1]).toContain('Privacy & security › Microphone')
  })

  it('says when a device is missing, busy, or the page is not secure', () => {
    expect(guidanceFor('notfound', 'camera', 'chrome').title).toBe('No camera found')
    expect(guidanceFor('notfound', 'camera', 'chrome').steps.join(' ')).toContain('join without video')
    expect(guidanceFor('busy', 'microphone', 'firefox').title).toBe('Your microphone is in use by another app')
    expect(guidanceFor('busy', 'camera and microphone', 'firefox').title).toBe('Your camera and microphone are in use by another app')
    expect(guidanceFor('insecure', 'camera', 'safari').steps[0]).toContain('https://')
  })
})
