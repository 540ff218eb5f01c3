// The console's first screen asks the host for everything it shows at once,
// while React is still starting: the account and the settings (the gates in
// front of every screen) and, on the interview list, its first page.
import { requestEarly } from '../api/early'
import { firstPagePath } from '../interviews/InterviewListPage'
import { parseHash } from './router'

/** The GETs the screen at hash starts with, in the order they are needed. */
export function firstScreenPaths(hash: string): string[] {
  const paths = ['/api/account', '/api/settings']
  if (parseHash(hash).name === 'interviews') paths.push(firstPagePath())
  return paths
}

/** Asks for the first screen's data now (see api/early). */
export function requestFirstScreen(): void {
  requestEarly(firstScreenPaths(location.hash))
}
