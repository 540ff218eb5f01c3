// What to tell someone whose camera or microphone did not start: the reason
// (blocked, missing, busy, insecure page) and, for a block, where their browser
// keeps the site permission. Pure functions of the error and the user agent.

export type BrowserName = 'chrome' | 'edge' | 'firefox' | 'safari' | 'other'

export function detectBrowser(userAgent: string): BrowserName {
  const ua = userAgent
  if (/\bEdg(e|A|iOS)?\//.test(ua)) return 'edge'
  if (/\b(Firefox|FxiOS)\//.test(ua)) return 'firefox'
  if (/\b(OPR|Opera)\//.test(ua)) return 'other'
  if (/\b(Chrome|Chromium|CriOS)\//.test(ua)) return 'chrome'
  if (/\bSafari\//.test(ua) && /\bVersion\//.test(ua)) return 'safari'
  return 'other'
}

export type OS = 'mac' | 'windows' | 'linux' | 'ios' | 'android' | 'other'

export function detectOS(userAgent: string): OS {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios'
  if (/Android/.test(userAgent)) return 'android'
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'mac'
  if (/Windows/.test(userAgent)) return 'windows'
  if (/Linux|X11/.test(userAgent)) return 'linux'
  return 'other'
}

export type MediaProblem =
  | 'denied' // the user or the browser blocked the site
  | 'notfound' // no such device
  | 'busy' // another app holds it
  | 'insecure' // not HTTPS: the browser hides mediaDevices
  | 'unsupported' // no getUserMedia at all
  | 'other'

/** Classifies a getUserMedia rejection by its DOMException name. */
export function classifyMediaError(e: unknown): MediaProblem {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : ''
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied'
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'notfound'
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy'
    case 'InsecureContextError':
      return 'insecure'
    case 'NotSupportedError':
    case 'TypeError':
      return 'unsupported'
    default:
      return 'other'
  }
}

export type Devices = 'camera' | 'microphone' | 'camera and microphone'

export type Guidance = { title: string; steps: string[] }

const SITE_SETTINGS: Record<BrowserName, (d: Devices) => string[]> = {
  chrome: (d) => [
    `Click the site settings icon at the left of the address bar (or the crossed-out camera icon at its right).`,
    `Set ${cap(d)} to Allow.`,
    'Click Try again (Chrome may ask you to reload the page).',
  ],
  edge: (d) => [
    'Click the lock icon at the left of the address bar, then Permissions for this site.',
    `Set ${cap(d)} to Allow.`,
    'Come back to this page and click Try again.',
  ],
  firefox: (d) => [
    `Click the crossed-out ${d === 'microphone' ? 'microphone' : 'camera'} icon at the left of the address bar.`,
    'Remove “Blocked Temporarily” or “Blocked” next to each device (click the ×).',
    'Click Try again and choose Allow when Firefox asks.',
  ],
  safari: (d) => [
    'In the menu bar choose Safari › Settings for This Website… (or Safari › Settings › Websites).',
    `Set ${cap(d)} to Allow for this website.`,
    'Click Try again.',
  ],
  other: (d) => [
    `Open your browser’s site settings for this page (usually from the icon at the left of the address bar).`,
    `Allow the ${d}.`,
    'Click Try again.',
  ],
}

const OS_SETTINGS: Partial<Record<OS, (d: Devices) => string>> = {
  mac: (d) =>
    `Still blocked? On macOS open System Settings › Privacy & Security › ${d === 'microphone' ? 'Microphone' : 'Camera'} and allow your browser${d === 'camera and microphone' ? ' (and the same under Microphone)' : ''}, then restart the browser.`,
  windows: (d) =>
    `Still blocked? On Windows open Settings › Privacy & security › ${d === 'microphone' ? 'Microphone' : 'Camera'} and turn on access for your browser${d === 'camera and microphone' ? ' (and the same under Microphone)' : ''}.`,
}

function cap(d: Devices): string {
  return d === 'camera and microphone' ? 'Camera and Microphone' : d[0]!.toUpperCase() + d.slice(1)
}

/** The guidance to show for a problem with some devices in a browser. */
export function guidanceFor(problem: MediaProblem, devices: Devices, browser: BrowserName, os: OS = 'other'): Guidance {
  switch (problem) {
    case 'denied': {
      const steps = SITE_SETTINGS[browser](devices)
      const osStep = OS_SETTINGS[os]?.(devices)
      return { title: `Your browser has blocked the ${devices} for this page`, steps: osStep ? [...steps, osStep] : steps }
    }
    case 'notfound':
      return {
        title: `No ${devices} found`,
        steps: [
          `Connect a ${devices === 'microphone' ? 'microphone or headset' : devices === 'camera' ? 'camera' : 'camera and a microphone'} and click Try again.`,
          'Using a laptop? Check that the camera is not switched off or covered by a privacy shutter.',
          'You can still join without video: the interviewer will hear you if a microphone works.',
        ],
      }
    case 'busy':
      return {
        title: `Your ${devices} ${devices === 'camera and microphone' ? 'are' : 'is'} in use by another app`,
        steps: [
          'Close other apps or browser tabs that use the camera or microphone (video calls, recorders).',
          'Click Try again.',
        ],
      }
    case 'insecure':
      return {
        title: 'This page is not secure, so the browser hides your camera and microphone',
        steps: ['Open the interview link exactly as you received it (it starts with https://).'],
      }
    case 'unsupported':
      return {
        title: 'This browser cannot use a camera or microphone',
        steps: ['Open the link in a current version of Chrome, Edge, Firefox or Safari.'],
      }
    default:
      return {
        title: `The ${devices} did not start`,
        steps: ['Click Try again. If it keeps failing, restart the browser or try another one.'],
      }
  }
}
