// Hash routing (#/interviews, #/templates/ID, …): works in the Wails webview and
// in a browser without server-side routes. One optional blocker guards unsaved
// work: a blocked navigation waits in `pending` until the user confirms.

import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'interviews' }
  | { name: 'overview' }
  | { name: 'live-rooms' }
  | { name: 'interview'; id: string }
  | { name: 'interview-room'; id: string }
  | { name: 'interview-new'; templateId?: string; candidateId?: string }
  | { name: 'candidates'; q?: string; since?: string }
  | { name: 'candidate'; id: string }
  | { name: 'pipeline'; position?: string }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'campaign-new' }
  | { name: 'campaign-edit'; id: string }
  | { name: 'report'; id: string }
  | { name: 'playback'; id: string; at?: number }
  | { name: 'templates' }
  | { name: 'template'; id: string }
  | { name: 'template-new' }
  | { name: 'settings'; section?: 'privacy' | 'audit' }
  | { name: 'users' }
  | { name: 'set-password'; token: string }
  | { name: 'reset-password'; token: string }
  | { name: 'not-found'; path: string }

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/interviews'
  const [pathPart = '', queryPart = ''] = raw.split('?', 2)
  const parts = pathPart.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p)
    } catch {
      return p
    }
  })
  const query = new URLSearchParams(queryPart)
  const [area, id, ...rest] = parts
  if (area === 'interviews' && id !== undefined && id !== 'new' && rest.length === 1) {
    // An interview's own pages: the interviewer room inside the app (where
    // the webview can hold the call), its report, its code and whiteboard playback.
    if (rest[0] === 'room') return { name: 'interview-room', id }
    if (rest[0] === 'report') return { name: 'report', id }
    if (rest[0] === 'playback') {
      const at = Number(query.get('at'))
      return query.has('at') && Number.isFinite(at) ? { name: 'playback', id, at } : { name: 'playback', id }
    }
  }
  if (area === 'campaigns') return campaignRoute(id, rest, raw)
  if (rest.length > 0) return { name: 'not-found', path: raw }
  switch (area) {
    case undefined:
    case 'interviews':
      if (id === undefined) return { name: 'interviews' }
      if (id === 'new') {
        const templateId = query.get('template') ?? undefined
        const candidateId = query.get('candidate') ?? undefined
        return { name: 'interview-new', ...(templateId ? { templateId } : {}), ...(candidateId ? { candidateId } : {}) }
      }
      return { name: 'interview', id }
    case 'templates':
      if (id === undefined) return { name: 'templates' }
      if (id === 'new') return { name: 'template-new' }
      return { name: 'template', id }
    case 'overview':
      if (id === undefined) return { name: 'overview' }
      break
    case 'live-rooms':
      if (id === undefined) return { name: 'live-rooms' }
      break
    case 'candidates': {
      if (id !== undefined) return { name: 'candidate', id }
      const q = query.get('q') ?? undefined
      const since = query.get('since') ?? undefined
      return { name: 'candidates', ...(q ? { q } : {}), ...(since ? { since } : {}) }
    }
    case 'pipeline': {
      if (id !== undefined) break
      const position = query.get('position') ?? undefined
      return position ? { name: 'pipeline', position } : { name: 'pipeline' }
    }
    case 'settings':
      if (id === undefined) return { name: 'settings' }
      if (id === 'privacy' || id === 'audit') return { name: 'settings', section: id }
      if (id === 'users') return { name: 'users' }
      break
    // The password links in setup and reset mails.
    case 'set-password':
    case 'reset-password':
      if (id) return { name: area, token: id }
  }
  return { name: 'not-found', path: raw }
}

/** #/campaigns, #/campaigns/new, #/campaigns/ID and #/campaigns/ID/edit. */
function campaignRoute(id: string | undefined, rest: string[], raw: string): Route {
  if (id === undefined) return { name: 'campaigns' }
  if (id === 'new' && rest.length === 0) return { name: 'campaign-new' }
  if (rest.length === 0) return { name: 'campaign', id }
  if (rest.length === 1 && rest[0] === 'edit') return { name: 'campaign-edit', id }
  return { name: 'not-found', path: raw }
}

/** Builds "#/a/b" with each segment encoded. */
export function href(...segments: string[]): string {
  return '#/' + segments.map(encodeURIComponent).join('/')
}

/** Builds "#/a/b?k=v" from segments and the query's non-empty values. */
export function hrefWith(segments: string[], query: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v)
  const rest = q.toString()
  return href(...segments) + (rest ? `?${rest}` : '')
}

type Blocker = () => boolean

let blocker: Blocker | null = null
let pending: string | null = null
let lastHash = typeof location === 'undefined' ? '' : location.hash
const listeners = new Set<() => void>()
let snapshot: { hash: string; pending: string | null } = { hash: lastHash, pending }

function emit() {
  snapshot = { hash: lastHash, pending }
  for (const l of listeners) l()
}

function onHashChange() {
  const next = location.hash
  if (next === lastHash) return
  if (blocker?.()) {
    pending = next
    // Put the address back without a second hashchange.
    history.replaceState(history.state, '', lastHash || '#/')
    emit()
    return
  }
  lastHash = next
  emit()
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange)

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useRouterState() {
  return useSyncExternalStore(subscribe, () => snapshot)
}

export function useRoute(): Route {
  return parseHash(useRouterState().hash)
}

/** Goes to a hash route ("#/templates"). `replace` keeps the history entry count. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) {
    if (blocker?.()) {
      pending = to
      emit()
      return
    }
    history.replaceState(history.state, '', to)
    lastHash = location.hash
    emit()
    return
  }
  location.hash = to
}

/** Registers the unsaved-changes check; returns the unregister function. */
export function setBlocker(fn: Blocker): () => void {
  blocker = fn
  return () => {
    if (blocker === fn) blocker = null
  }
}

/** The user chose to leave: drop the blocker and go where they wanted. */
export function confirmPending(): void {
  const to = pending
  pending = null
  blocker = null
  emit()
  if (to !== null) location.hash = to
}

export function cancelPending(): void {
  pending = null
  emit()
}
