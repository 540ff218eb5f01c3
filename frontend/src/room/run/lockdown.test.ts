import { describe, expect, it } from 'vitest'
import { BlockedError, lockdown, type LockdownScope } from './lockdown'

/** A worker global in miniature: members on the instance and on its prototype, as browsers have both. */
function fakeWorkerScope() {
  class XMLHttpRequest {
    open() {
      return 'opened'
    }
    get status() {
      return 200
    }
  }
  class WebSocket {
    send() {}
  }
  const workerGlobalScope = { fetch: () => 'fetched', importScripts: () => {}, postMessage: () => {} }
  const scope = Object.create(workerGlobalScope) as LockdownScope
  const timers: unknown[] = []
  Object.assign(scope, {
    XMLHttpRequest,
    WebSocket,
    indexedDB: {},
    caches: {},
    eval: () => 'evaluated',
    Function: () => {},
    navigator: Object.assign(Object.create({ sendBeacon: () => true, storage: {} }), { userAgent: 'test' }),
    setTimeout: (handler: unknown) => timers.push(handler),
    setInterval: (handler: unknown) => timers.push(handler),
    close: () => {},
    Uint8Array,
  })
  function FakeFunction() {}
  function FakeAsyncFunction() {}
  const constructors = [FakeFunction, FakeAsyncFunction]
  return { scope, workerGlobalScope, XMLHttpRequest, constructors, timers }
}

describe('lockdown', () => {
  it('removes the network, storage and worker APIs from the scope and its prototypes', () => {
    const { scope, workerGlobalScope, constructors } = fakeWorkerScope()
    expect(lockdown(scope, constructors)).toEqual([])
    for (const name of ['fetch', 'importScripts', 'XMLHttpRequest', 'WebSocket', 'indexedDB', 'caches', 'eval', 'postMessage', 'close']) {
      expect(scope[name], name).toBeUndefined()
    }
    expect('fetch' in workerGlobalScope).toBe(false)
    const nav = scope.navigator as unknown as Record<string, unknown>
    expect(nav.sendBeacon).toBeUndefined()
    expect(nav.storage).toBeUndefined()
    expect(nav.userAgent).toBe('test')
    expect(scope.Uint8Array).toBe(Uint8Array)
  })

  it('kills the methods of instances made before it', () => {
    const { scope, XMLHttpRequest, constructors } = fakeWorkerScope()
    const early = new XMLHttpRequest()
    lockdown(scope, constructors)
    expect(() => early.open()).toThrow(BlockedError)
    expect(() => early.status).toThrow(/XMLHttpRequest.status is not available/)
  })

  it('closes the ways from a string to code', () => {
    const { scope, constructors, timers } = fakeWorkerScope()
    lockdown(scope, constructors)
    expect(() => (scope.Function as (s: string) => unknown)('return 1')).toThrow(BlockedError)
    for (const C of constructors) {
      const viaInstance = (C.prototype as { constructor: (s: string) => unknown }).constructor
      expect(() => viaInstance('return fetch')).toThrow(BlockedError)
    }
    expect(() => (scope.setTimeout as (h: unknown) => void)('fetch("/api")')).toThrow(/setTimeout with a string/)
    const fn = () => {}
    ;(scope.setInterval as (h: unknown) => void)(fn)
    expect(timers).toEqual([fn])
  })

  it('reports what it could not remove', () => {
    const { scope, constructors } = fakeWorkerScope()
    Object.defineProperty(scope, 'fetch', { value: () => {}, writable: false, configurable: false })
    expect(lockdown(scope, constructors)).toEqual(['fetch'])
  })
})
