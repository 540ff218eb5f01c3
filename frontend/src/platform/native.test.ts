import { afterEach, describe, expect, it, vi } from 'vitest'
import { NAVIGATE_EVENT, canHoldCall, copyText, isDesktop, onNativeNavigate, openTextFile, openURL, saveDownload, saveTextFile } from './native'

afterEach(() => {
  delete window.go
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('in the desktop app (window.go.app.Native bound by Wails)', () => {
  it('calls the bound Go methods with their documented arguments', async () => {
    const native = {
      SaveTextFile: vi.fn(async () => '/home/alex/go.json'),
      SaveDownload: vi.fn(async () => '/home/alex/Report.pdf'),
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
    expect(await saveDownload('/api/interviews/iv1/report.pdf', 'Report.pdf')).toBe('/home/alex/Report.pdf')
    expect(native.SaveDownload).toHaveBeenCalledWith('/api/interviews/iv1/report.pdf', 'Report.pdf')
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

  it('downloads a file of the API through a link with its name', async () => {
    const clicks: { download: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href })
    })
    expect(await saveDownload('/api/interviews/iv1/report.pdf', 'Report – Olivia.pdf')).toBe('Report – Olivia.pdf')
    expect(clicks).toEqual([{ download: 'Report – Olivia.pdf', href: new URL('/api/interviews/iv1/report.pdf', location.href).href }])
    expect(document.querySelector('a')).toBeNull()
  })

  it('opens URLs in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    await openURL('https://host/room/xyz')
    expect(open).toHaveBeenCalledWith('https://host/room/xyz', '_blank', 'noopener,noreferrer')
  })
})

describe('the room in the window', () => {
  it('opens inside only in the desktop app, where the webview has WebRTC', () => {
    expect(canHoldCall()).toBe(false) // a browser
    window.go = { app: { Native: { SaveTextFile: vi.fn(), OpenTextFile: vi.fn(), CopyText: vi.fn(), OpenURL: vi.fn() } } }
    vi.stubGlobal('RTCPeerConnection', undefined)
    expect(canHoldCall()).toBe(false) // Linux: WebKitGTK without WebRTC
    vi.stubGlobal('RTCPeerConnection', function RTCPeerConnection() {})
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn() } })
    expect(canHoldCall()).toBe(true) // WebView2, WKWebView
  })
})

describe('routes the desktop asks for', () => {
  afterEach(() => {
    delete window.runtime
  })

  it('reaches the console from the Wails event, and only console routes do', () => {
    const listeners = new Map<string, (...data: unknown[]) => void>()
    const off = vi.fn()
    window.runtime = {
      EventsOn: (name, cb) => {
        listeners.set(name, cb)
        return off
      },
    }
    const go = vi.fn()
    const stop = onNativeNavigate(go)
    listeners.get(NAVIGATE_EVENT)?.('#/interviews/iv1')
    listeners.get(NAVIGATE_EVENT)?.('https://elsewhere.example.com/')
    listeners.get(NAVIGATE_EVENT)?.(42)
    expect(go.mock.calls).toEqual([['#/interviews/iv1']])
    stop()
    expect(off).toHaveBeenCalled()
  })

  it('does nothing in a browser', () => {
    const go = vi.fn()
    onNativeNavigate(go)()
    expect(go).not.toHaveBeenCalled()
  })
})
