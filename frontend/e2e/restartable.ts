// A host that a test can crash (SIGKILL) and start again on the same data
// folder and port, as after a power cut: pages must reconnect by themselves.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import type { Host } from './harness'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

export class RestartableHost {
  private child: ChildProcess | undefined
  private output = ''
  private constructor(
    readonly dataDir: string,
    private listen: string,
  ) {}

  static async create(): Promise<RestartableHost> {
    const dir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-restart-'))
    return new RestartableHost(dir, `127.0.0.1:${await freePort()}`)
  }

  log = (): string => this.output

  /** Starts `serve`; resolves once it serves. */
  serve(): Promise<Host> {
    const proc = spawn(inject('interviewdeskBin'), ['serve', '--data', this.dataDir, '--listen', this.listen], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    })
    this.child = proc
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${this.output}`)), 20_000)
      proc.stderr.setEncoding('utf8').on('data', (d: string) => (this.output += d))
      proc.stdout.setEncoding('utf8').on('data', (d: string) => {
        this.output += d
        const m = /serving on (\S+) \(console: (\S+)\)/.exec(d)
        if (m) {
          clearTimeout(timer)
          resolve({ url: m[1]!, loginUrl: m[2]!, dataDir: this.dataDir, log: this.log, stop: () => this.crash() })
        }
      })
    })
  }

  /** Kills the host with SIGKILL. */
  crash(): Promise<void> {
    const child = this.child
    return new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }

  /** Kills the host and removes its data. */
  async dispose(): Promise<void> {
    await this.crash()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
