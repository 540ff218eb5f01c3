// A LiveKit server v1.11.0 for the LiveKit backend's tests: built once by
// scripts/livekit-server.sh (or LIVEKIT_SERVER, a prebuilt binary), started
// with --dev on loopback only — its HTTP/WebSocket port and one ICE UDP port
// picked free on 127.0.0.1, no ICE-TCP, no TURN, no external IP lookup — so it
// runs beside another LiveKit (e.g. a benchmark's on the default ports).
import { execFileSync, spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

export type LiveKit = {
  /** ws://127.0.0.1:PORT */
  url: string
  apiKey: string
  apiSecret: string
  log: () => string
  /** RoomService ListParticipants: the identities in a room (hidden ones included). */
  participants: (room: string) => Promise<string[]>
  stop: () => Promise<void>
}

const repo = resolve(import.meta.dirname, '../..')

function binary(): string {
  if (process.env.LIVEKIT_SERVER) return process.env.LIVEKIT_SERVER
  return execFileSync('bash', [resolve(repo, 'scripts/livekit-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
}

function freeTCP(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

function freeUDP(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createSocket('udp4')
    s.once('error', fail)
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port
      s.close(() => done(port))
    })
  })
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** An admin JWT for one room (what the server SDKs sign), for the test's own look at the room. */
function adminToken(key: string, secret: string, room: string): string {
  const now = Math.floor(Date.now() / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify({ iss: key, nbf: now, exp: now + 60, video: { roomAdmin: true, room } }))
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${sig}`
}

export async function startLiveKit(): Promise<LiveKit> {
  const bin = binary()
  const [port, udp] = [await freeTCP(), await freeUDP()]
  const config = [
    `port: ${port}`,
    'rtc:',
    `  udp_port: ${udp}`,
    '  tcp_port: 0',
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  ips:',
    '    includes: [127.0.0.1/32]',
  ].join('\n')
  const child = spawn(bin, ['--dev', '--bind', '127.0.0.1', '--node-ip', '127.0.0.1', '--config-body', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`LiveKit server exited with ${child.exitCode}:\n${output}`)
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) throw new Error(`LiveKit server did not answer on ${url} in 30 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  const apiKey = 'devkey'
  const apiSecret = 'secret'
  return {
    url: `ws://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    log: () => output,
    participants: async (room) => {
      const r = await fetch(`${url}/twirp/livekit.RoomService/ListParticipants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken(apiKey, apiSecret, room)}` },
        body: JSON.stringify({ room }),
      })
      if (!r.ok) throw new Error(`ListParticipants ${room}: ${r.status} ${await r.text()}`)
      const body = (await r.json()) as { participants?: { identity: string }[] }
      return (body.participants ?? []).map((p) => p.identity)
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(kill)
          done()
        })
        child.kill('SIGTERM')
      }),
  }
}
