// The reference SFU of the join-time comparison: LiveKit server v1.11.0
// (scripts/livekit-server.sh builds it once, outside the repository) run with
// --dev on loopback ports of its own, and a page that loads livekit-client
// from node_modules, served on loopback, for the same headless Chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { resolve } from 'node:path'

const frontend = resolve(import.meta.dirname, '..')
const repo = resolve(frontend, '..')

/** LiveKit's development key pair (`--dev`). */
const API_KEY = 'devkey'
const API_SECRET = 'secret'

export type LiveKit = {
  /** ws://127.0.0.1:PORT, for Room.connect */
  url: string
  /** http://127.0.0.1:PORT/ of the page that loads livekit-client */
  page: string
  /** A join token for `identity` in `room` (publish and subscribe). */
  token: (room: string, identity: string) => string
  log: () => string
  stop: () => Promise<void>
}

/** The page: livekit-client's UMD build and the calls the benchmark makes. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>LiveKit join</title>
<script src="/livekit-client.umd.js"></script>
<script>
const LK = window.LivekitClient
const CAPTURE = { audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: { resolution: { width: 1280, height: 720, frameRate: 24 } } }
window.lkTracks = []
/** Camera and microphone, as a device check would leave them. */
window.lkCapture = async () => { window.lkTracks = await LK.createLocalTracks(CAPTURE) }
/** Joins and publishes what lkCapture made; returns the time it started. */
window.lkJoin = async (url, token) => {
  const room = new LK.Room()
  room.on(LK.RoomEvent.TrackSubscribed, (track) => { const el = track.attach(); el.muted = true; document.body.appendChild(el) })
  window.lkRoom = room
  await room.prepareConnection(url, token)
  const started = Date.now()
  await room.connect(url, token)
  await Promise.all(window.lkTracks.map((t) => room.localParticipant.publishTrack(t)))
  return started
}
/** Connects without subscribing or publishing (as during a device check). */
window.lkPrepare = async (url, token) => {
  const room = new LK.Room()
  window.lkRoom = room
  await room.connect(url, token, { autoSubscribe: false })
}
/** Publishes what lkCapture made in the room lkPrepare joined; returns the time it started. */
window.lkPublish = async () => {
  const started = Date.now()
  await Promise.all(window.lkTracks.map((t) => window.lkRoom.localParticipant.publishTrack(t)))
  return started
}
window.lkLeave = async () => { if (window.lkRoom) await window.lkRoom.disconnect(true); window.lkRoom = undefined }
</script>`

function b64url(v: string | Buffer): string {
  return Buffer.from(v).toString('base64url')
}

/** An access token (JWT, HS256) with LiveKit's video grant. */
export function liveKitToken(room: string, identity: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const claims = b64url(
    JSON.stringify({
      iss: API_KEY,
      sub: identity,
      name: identity,
      nbf: iat - 10,
      exp: iat + 3600,
      video: { room, roomJoin: true, canPublish: true, canSubscribe: true },
    }),
  )
  const sig = createHmac('sha256', API_SECRET).update(`${head}.${claims}`).digest('base64url')
  return `${head}.${claims}.${sig}`
}

async function freeTCP(): Promise<number> {
  const srv = createNetServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

async function freeUDP(): Promise<number> {
  const s = createSocket('udp4')
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r))
  const port = s.address().port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

async function servePage(): Promise<{ server: Server; url: string }> {
  const client = readFileSync(resolve(frontend, 'node_modules/livekit-client/dist/livekit-client.umd.js'))
  const server = createServer((req, res) => {
    if (req.url === '/livekit-client.umd.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(client)
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

/** Starts LiveKit server v1.11.0 (--dev, loopback, ports of its own) and its page. */
export async function startLiveKit(): Promise<LiveKit> {
  const bin = execFileSync('bash', [resolve(repo, 'scripts/livekit-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
  const [port, tcpPort, udpPort] = [await freeTCP(), await freeTCP(), await freeUDP()]
  // --dev for its keys; logging at info (--dev alone logs at debug, which
  // would slow it down for nothing).
  const config = [`port: ${port}`, 'rtc:', `  tcp_port: ${tcpPort}`, `  udp_port: ${udpPort}`, '  use_external_ip: false', 'logging:', '  level: info'].join('\n')
  const child: ChildProcess = spawn(bin, ['--dev', '--bind', '127.0.0.1', '--config-body', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d))
  const http = `http://127.0.0.1:${port}/`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`LiveKit server exited with ${child.exitCode}:\n${output}`)
    const up = await fetch(http).then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline) throw new Error(`LiveKit server did not answer on ${http} within 30 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const page = await servePage()
  return {
    url: `ws://127.0.0.1:${port}`,
    page: page.url,
    token: (room, identity) => liveKitToken(room, identity),
    log: () => output,
    stop: async () => {
      await new Promise((r) => page.server.close(r))
      if (child.exitCode !== null) return
      await new Promise<void>((done) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(kill)
          done()
        })
        child.kill('SIGTERM')
      })
    },
  }
}
