import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText, isDesktop, openTextFile, openURL, saveTextFile } from './native'

afterEach(() => {
  delete window.go
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('in the desktop app (window.go.app.Native bound by Wails)', () => {
  it('calls the bound Go methods with their documented arguments', async () => {
    const native = {
      SaveTextFile: vi.fn(async () => '/home/alex/go.json'),
      OpenTextFile: vi.fn(async () => ({ name: 'go.json', content: '{"format":"interviewdesk.templates/v1"}' })),
      CopyText: vi.fn(async () => {}),
      OpenURL: vi.fn(async () => {}),
    }
    window.go = { app: { Native: native } }
    expect(isDesktop()).toBe(true)
    expect(await saveTextFile('go.json', '{}')).toBe('/home/alex/go.json')
    expect(native.SaveTextFile).toHaveBeenCalledWith('go.json', '{}')
    expect(await openTextFile('Import interview templates')).toEqual({
      name: 'go.json',
      content: '{"format":"interviewdesk.templates/v1"}',
    })
    expect(native.OpenTextFile).toHaveBeenCalledWith('Import interview templates')
    await copyText('https://host/join/abc')
    expect(native.CopyText).toHaveBeenCalledWith('https://host/join/abc')
    await openURL('https://host/room/xyz')
    expect(native.OpenURL).toHaveBeenCalledWith('https://host/room/xyz')
  })
})

describe('in a browser', () => {
  it('copies with the Clipboard API', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    expect(isDesktop()).toBe(false)
    await copyText('link')
    expect(writeText).toHaveBeenCalledWith('link')
  })

  it('falls back to a textarea and execCommand when the Clipboard API refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } })
    let copied = ''
    const exec = vi.fn((cmd: string) => {
      copied = cmd === 'copy' ? ((document.activeElement as HTMLTextAreaElement | null)?.value ?? '') : ''
      return true
    })
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
    await copyText('fallback link')
    expect(exec).toHaveBeenCalledWith('copy')
    expect(copied).toBe('fallback link')
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('saves through a download link', async () => {
    const clicks: { download: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href })
    })
    expect(await saveTextFile('go-backend.json', '{}')).toBe('go-backend.json')
    expect(clicks).toHaveLength(1)
    expect(clicks[0]?.download).toBe('go-backend.json')
    expect(clicks[0]?.href).toMatch(/^blob:/)
  })

  it('opens URLs in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    await openURL('https://host/room/xyz')
    expect(open).toHaveBeenCalledWith('https://host/room/xyz', '_blank', 'noopener,noreferrer')
  })
})
