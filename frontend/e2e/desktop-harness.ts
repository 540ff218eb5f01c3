// The desktop app's console handler — the one its window mounts on Wails'
// asset server — served on loopback by app/headless, so that a test drives
// the desktop's console in real Chromium. The window itself (Wails, WebKitGTK)
// is not driven here; scripts/desktop-smoke.sh starts it under Xvfb.
import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startPrinting, stopProcess, type Host } from './harness'

const frontend = resolve(import.meta.dirname, '..')
const repo = resolve(frontend, '..')

/** A desktop app without its window: its data folder, and its handler's URL (the page's origin). */
export type Desktop = Host & {
  /** The embedded host's own URL, where its candidate links point. */
  hostUrl: string
}

/** Builds app/headless once per test file; returns the binary. */
function buildHeadless(dir: string): string {
  const bin = join(dir, 'headless')
  execFileSync('go', ['build', '-o', bin, './app/headless'], { cwd: repo, stdio: 'inherit' })
  return bin
}

const SERVING = /desktop console on (http:\/\/\S+) \(host: (\S+)\)/

/** Starts the desktop's handler on a fresh data folder, deleted on stop. */
export async function startDesktop(): Promise<Desktop> {
  const dist = join(frontend, 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error('frontend/dist has no console: build it first (scripts/build.sh)')
  const binDir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-headless-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-desktop-'))
  const started = await startPrinting(buildHeadless(binDir), ['--data', dataDir, '--console', dist], SERVING, 'the desktop handler')
  const url = started.match[1]!
  return {
    url,
    // The desktop's door needs no sign-in: its page is the app's own.
    loginUrl: `${url}/`,
    hostUrl: started.match[2]!,
    dataDir,
    log: started.log,
    stop: () =>
      stopProcess(started.child).finally(() => {
        rmSync(dataDir, { recursive: true, force: true })
        rmSync(binDir, { recursive: true, force: true })
      }),
  }
}

/** A self-signed certificate for 127.0.0.1 (openssl), with its SHA-256 fingerprint as openssl prints it. */
export type Certificate = { cert: string; key: string; fingerprint: string; remove: () => void }

export function selfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-tls-'))
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-keyout', key, '-out', cert, '-subj', '/CN=InterviewDesk team host', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' })
  const fingerprint = new X509Certificate(readFileSync(cert)).fingerprint256
  return { cert, key, fingerprint, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
