// The console's first screen asks the host for everything it shows at once,
// while React is still starting: the account and the settings (the gates in
// front of every screen) and, on the interview list, its first page. The host
// has the browser start the same requests with the page (a Link header).
import { FIRST_SCREEN_PRELOADS } from '../api/contract.gen'
import { requestEarly } from '../api/early'
import { firstPagePath } from '../interviews/InterviewListPage'
import { parseHash } from './router'

/** The GETs the screen at hash starts with, in the order they are needed. */
export function firstScreenPaths(hash: string): string[] {
  const paths = ['/api/account', '/api/settings']
  if (parseHash(hash).name === 'interviews') paths.push(firstPagePath())
  return paths
}

/** What the console asks for as it starts: the first screen's GETs and every one the host preloads. */
export function startPaths(hash: string): string[] {
  // An untaken preload would answer a later GET of its path (after a sign-in,
  // say) with what it got at page load, so every one is taken now, also where
  // this screen does not need it; an early answer nobody takes is dropped.
  return [...new Set([...firstScreenPaths(hash), ...FIRST_SCREEN_PRELOADS])]
}

/** Asks for the first screen's data now (see api/early). */
export function requestFirstScreen(): void {
  requestEarly(startPaths(location.hash))
}
