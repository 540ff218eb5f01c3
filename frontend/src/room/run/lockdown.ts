// Locks a run worker down before user code runs. The worker is same-origin with
// the host, so user code that reached fetch or a WebSocket could call the host's
// own API on loopback with the page's cookies. Python reaches every worker
// global through pyodide's `js` module, so everything that talks to the outside
// goes: from the global scope and its prototype chain, from navigator, and the
// methods on the prototypes of the constructors themselves (an instance made
// before the lockdown is dead too). Code from strings goes as well (eval,
// Function and its async/generator siblings, setTimeout("…")), since
// `import()` inside such code would fetch any URL of the host.

/** Globals that reach the network, other workers, other tabs or storage. */
export const BLOCKED_GLOBALS = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'XMLHttpRequestUpload',
  'XMLHttpRequestEventTarget',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'WebTransportBidirectionalStream',
  'WebTransportDatagramDuplexStream',
  'RTCPeerConnection',
  'RTCDataChannel',
  'webkitRTCPeerConnection',
  'importScripts',
  'Worker',
  'SharedWorker',
  'ServiceWorker',
  'ServiceWorkerContainer',
  'BroadcastChannel',
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'Cache',
  'Notification',
  // FontFace('x', 'url(…)').load() fetches any URL of the host.
  'FontFace',
  'FontFaceSet',
  'fonts',
  'cookieStore',
  'CookieStore',
  'FileSystemHandle',
  'FileSystemDirectoryHandle',
  'FileSystemFileHandle',
  'FileSystemSyncAccessHandle',
  'StorageManager',
  'LockManager',
  'NavigatorUAData',
  'eval',
] as const

/** navigator members that reach the outside (sendBeacon is the classic one). */
export const BLOCKED_NAVIGATOR = [
  'sendBeacon',
  'serviceWorker',
  'storage',
  'storageBuckets',
  'locks',
  'usb',
  'serial',
  'hid',
  'bluetooth',
  'connection',
  'permissions',
] as const

export type LockdownScope = typeof globalThis & Record<string, unknown>

export class BlockedError extends Error {
  constructor(name: string) {
    super(`${name} is not available: code here runs offline, without network or storage access.`)
    this.name = 'BlockedError'
  }
}

/**
 * Neutralises everything in BLOCKED_GLOBALS and BLOCKED_NAVIGATOR on scope, the
 * string-to-code paths, and scope.postMessage/close (the caller keeps its own
 * bound postMessage from before). Returns the names still reachable afterwards
 * (empty when all went), for the worker to refuse to run if any is left.
 */
export function lockdown(scope: LockdownScope, codeConstructors = functionConstructors()): string[] {
  for (const name of BLOCKED_GLOBALS) {
    const value = lookup(scope, name)
    if (typeof value === 'function' && value.prototype) deadenPrototype(value.prototype as object, name)
    removeEverywhere(scope, name)
  }
  const nav = lookup(scope, 'navigator')
  if (typeof nav === 'object' && nav !== null) {
    for (const name of BLOCKED_NAVIGATOR) removeEverywhere(nav, name)
  }
  blockCodeFromStrings(scope, codeConstructors)
  for (const name of ['postMessage', 'close'] as const) removeEverywhere(scope, name)
  return stillReachable(scope)
}

function stillReachable(scope: LockdownScope): string[] {
  const left: string[] = BLOCKED_GLOBALS.filter((n) => n !== 'eval' && lookup(scope, n) !== undefined)
  const nav = lookup(scope, 'navigator') as Record<string, unknown> | undefined
  if (nav) left.push(...BLOCKED_NAVIGATOR.filter((n) => lookup(nav, n) !== undefined).map((n) => `navigator.${n}`))
  if (typeof lookup(scope, 'postMessage') === 'function') left.push('postMessage')
  return left
}

function lookup(target: object, name: string): unknown {
  try {
    return (target as Record<string, unknown>)[name]
  } catch {
    return undefined
  }
}

/** Deletes name from target and every prototype above it (or overwrites it where it cannot be deleted). */
function removeEverywhere(target: object, name: string): void {
  for (let o: object | null = target; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue
    if (Reflect.deleteProperty(o, name)) continue
    try {
      Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false })
    } catch {
      // frozen and not deletable: stillReachable reports it
    }
  }
  if (lookup(target, name) !== undefined) {
    try {
      Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false })
    } catch {
      // reported by stillReachable
    }
  }
}

/** Every method and accessor on proto (and its chain below Object/EventTarget) throws. */
function deadenPrototype(proto: object, owner: string): void {
  const stop = new Set<object | null>([Object.prototype, Function.prototype, null, eventTargetPrototype()])
  for (let o: object | null = proto; !stop.has(o); o = Object.getPrototypeOf(o)) {
    for (const key of Reflect.ownKeys(o!)) {
      if (key === 'constructor') continue
      const d = Object.getOwnPropertyDescriptor(o!, key)
      if (!d?.configurable) continue
      const thrower = throwing(`${owner}.${String(key)}`)
      const dead: PropertyDescriptor =
        'value' in d ? { value: typeof d.value === 'function' ? thrower : d.value, writable: false } : { get: thrower, set: thrower }
      Object.defineProperty(o!, key, { ...dead, configurable: false, enumerable: d.enumerable ?? false })
    }
  }
}

function eventTargetPrototype(): object | null {
  return typeof EventTarget === 'function' ? EventTarget.prototype : null
}

function throwing(name: string): () => never {
  return function blocked(): never {
    throw new BlockedError(name)
  }
}

/** Function, AsyncFunction, GeneratorFunction and AsyncGeneratorFunction of this realm. */
export function functionConstructors(): { name: string; prototype: object }[] {
  return [
    Function,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ]
}

/** Every way to build a function from a string: the constructors reached as `fn.constructor`, the global Function, and timers given a string (eval went with BLOCKED_GLOBALS). */
function blockCodeFromStrings(scope: LockdownScope, constructors: { name: string; prototype: object }[]): void {
  for (const C of constructors) {
    const blocked = throwing(`${C.name} (code from a string)`)
    blocked.prototype = C.prototype
    Object.defineProperty(C.prototype, 'constructor', { value: blocked, writable: false, configurable: false })
  }
  const blockedFunction = throwing('Function (code from a string)')
  blockedFunction.prototype = Function.prototype
  Object.defineProperty(scope, 'Function', { value: blockedFunction, writable: false, configurable: false })
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const timer = scope[name] as (handler: unknown, ms?: number, ...args: unknown[]) => number
    if (typeof timer !== 'function') continue
    const guarded = (handler: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof handler !== 'function') throw new BlockedError(`${name} with a string`)
      return timer.call(scope, handler, ms, ...args)
    }
    Object.defineProperty(scope, name, { value: guarded, writable: false, configurable: false })
  }
}
