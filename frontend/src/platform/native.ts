// Native bridges. In the desktop app Wails binds Go methods at
// window.go.app.Native; in a plain browser each has a web fallback.

type OpenedFile = { name: string; content: string }

type NativeBridge = {
  SaveTextFile(suggestedName: string, content: string): Promise<string>
  /** Absent in a bridge built without downloads: the link downloads then. */
  SaveDownload?(path: string, suggestedName: string): Promise<string>
  OpenTextFile(title: string): Promise<OpenedFile>
  CopyText(text: string): Promise<void>
  OpenURL(url: string): Promise<void>
}

declare global {
  interface Window {
    go?: { app?: { Native?: NativeBridge } }
  }
}

function bridge(): NativeBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.go?.app?.Native
}

export const isDesktop = (): boolean => bridge() !== undefined

/**
 * Saves text to a file the user picks. Returns the saved path (desktop), the
 * file name (browser download), or "" when the user cancelled. `type` is the
 * download's MIME type in a browser (the desktop dialog goes by the name).
 */
export async function saveTextFile(
  suggestedName: string,
  content: string,
  type = 'application/json',
): Promise<string> {
  const native = bridge()
  if (native) return native.SaveTextFile(suggestedName, content)
  // A Blob is fine here: only fetch() bodies crash the webview, and this path
  // runs in a normal browser.
  const url = URL.createObjectURL(new Blob([content], { type }))
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = suggestedName
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return suggestedName
}

/**
 * Saves the console API's file at `path` (a report, a recording) under a name
 * the user picks ("" offers the host's name for the file): through the save
 * dialog in the desktop app, whose webview has no downloads; as a browser
 * download elsewhere. Returns the saved path
 * (desktop), the file name (browser), or "" when the user cancelled.
 */
export async function saveDownload(path: string, suggestedName: string): Promise<string> {
  const native = bridge()
  if (native?.SaveDownload) return native.SaveDownload(path, suggestedName)
  const a = document.createElement('a')
  a.href = path
  a.download = suggestedName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  return suggestedName
}

/** Lets the user pick a text file; content "" when cancelled. */
export async function openTextFile(title: string, accept = '.json,application/json'): Promise<OpenedFile> {
  const native = bridge()
  if (native) return native.OpenTextFile(title)
  return new Promise<OpenedFile>((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.setAttribute('aria-label', title)
    let settled = false
    const done = (v: OpenedFile) => {
      if (settled) return
      settled = true
      input.remove()
      resolve(v)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return done({ name: '', content: '' })
      file.text().then((content) => done({ name: file.name, content }), (e: unknown) => {
        settled = true
        input.remove()
        reject(e instanceof Error ? e : new Error('Could not read the file.'))
      })
    })
    input.addEventListener('cancel', () => done({ name: '', content: '' }))
    document.body.append(input)
    input.click()
  })
}

/** Copies text to the clipboard. */
export async function copyText(text: string): Promise<void> {
  const native = bridge()
  if (native) return native.CopyText(text)
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return
    }
  } catch {
    // e.g. not a secure context or no permission: try the old way
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  const focused = document.activeElement as HTMLElement | null
  document.body.append(ta)
  ta.focus()
  ta.select()
  const ok = document.execCommand('copy')
  ta.remove()
  focused?.focus()
  if (!ok) throw new Error('Could not copy to the clipboard.')
}

/** Opens a URL in the system browser (desktop) or a new tab. */
export async function openURL(url: string): Promise<void> {
  const native = bridge()
  if (native) return native.OpenURL(url)
  window.open(url, '_blank', 'noopener,noreferrer')
}

/**
 * Whether this window can hold a video call itself: the desktop's webview on
 * Windows (WebView2) and macOS (WKWebView) has WebRTC; Debian's WebKitGTK has
 * not, so there the room opens in the system browser.
 */
export function canHoldCall(): boolean {
  return (
    isDesktop() &&
    typeof RTCPeerConnection === 'function' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  )
}

/** The Wails event by which the desktop sends the console to a route (app/native.go). */
export const NAVIGATE_EVENT = 'navigate'

/**
 * Calls go with each route ("#/interviews/ID") the desktop asks for, e.g. when a
 * notification is clicked; returns the unsubscribe. Does nothing in a browser.
 */
export function onNativeNavigate(go: (hash: string) => void): () => void {
  const eventsOn = typeof window === 'undefined' ? undefined : window.runtime?.EventsOn
  if (typeof eventsOn !== 'function') return () => {}
  return eventsOn(NAVIGATE_EVENT, (hash) => {
    if (typeof hash === 'string' && hash.startsWith('#/')) go(hash)
  })
}
