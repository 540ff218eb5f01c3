// A minimal SMTP server on 127.0.0.1 for the end-to-end tests: enough of RFC 5321
// (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for the host's mail
// client with security "none". It keeps every message it accepts, and refuses
// recipients matching `refuse` with a permanent 550, like a real server.
import { createServer, type Server, type Socket } from 'node:net'

export type ReceivedMail = { from: string; to: string[]; data: string; auth?: string }

export type SmtpServer = {
  port: number
  received: ReceivedMail[]
  /** Recipients whose address matches are refused with 550 (permanent). */
  refuse: RegExp | null
  close: () => Promise<void>
}

export const REFUSAL = '550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in local recipient table'

export async function startSmtpServer(): Promise<SmtpServer> {
  const sockets = new Set<Socket>()
  const state: SmtpServer = { port: 0, received: [], refuse: null, close: async () => {} }

  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.setEncoding('latin1')
    let buffer = ''
    let inData = false
    let mail: ReceivedMail = { from: '', to: [], data: '' }
    let auth: string | undefined
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 smtp.test ESMTP ready')

    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          mail.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.')
          buffer = buffer.slice(end + 5)
          inData = false
          state.received.push({ ...mail, ...(auth ? { auth } : {}) })
          mail = { from: '', to: [], data: '' }
          reply('250 2.0.0 Ok: queued')
          continue
        }
        const nl = buffer.indexOf('\r\n')
        if (nl < 0) return
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 2)
        const verb = line.split(' ', 1)[0]!.toUpperCase()
        switch (verb) {
          case 'EHLO':
            reply('250-smtp.test')
            reply('250-8BITMIME')
            reply('250-SMTPUTF8')
            reply('250-AUTH PLAIN')
            reply('250 SIZE 10485760')
            break
          case 'HELO':
            reply('250 smtp.test')
            break
          case 'AUTH': {
            const parts = line.split(' ')
            auth = Buffer.from(parts[2] ?? '', 'base64').toString('utf8')
            reply('235 2.7.0 Authentication successful')
            break
          }
          case 'MAIL':
            mail.from = /<([^>]*)>/.exec(line)?.[1] ?? ''
            reply('250 2.1.0 Ok')
            break
          case 'RCPT': {
            const rcpt = /<([^>]*)>/.exec(line)?.[1] ?? ''
            if (state.refuse?.test(rcpt)) reply(REFUSAL.replace('{rcpt}', rcpt))
            else {
              mail.to.push(rcpt)
              reply('250 2.1.5 Ok')
            }
            break
          }
          case 'DATA':
            if (mail.to.length === 0) {
              reply('554 5.5.1 Error: no valid recipients')
              break
            }
            inData = true
            reply('354 End data with <CR><LF>.<CR><LF>')
            break
          case 'RSET':
            mail = { from: '', to: [], data: '' }
            reply('250 2.0.0 Ok')
            break
          case 'QUIT':
            reply('221 2.0.0 Bye')
            socket.end()
            return
          default:
            reply('250 2.0.0 Ok')
        }
      }
    })
    socket.on('error', () => {})
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  state.port = typeof addr === 'object' && addr ? addr.port : 0
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  return state
}

/** A message's text with quoted-printable soft breaks and escapes undone (enough to find links). */
export const plain = (data: string) =>
  data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
