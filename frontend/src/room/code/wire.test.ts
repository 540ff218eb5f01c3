// The editor over the room's own client and codeChannel, frame by frame: what it
// sends and how it takes the host's answers.

import { getSyncedVersion } from '@codemirror/collab'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RoomClient } from '../connection/client'
import { FakeSocket } from '../connection/testing'
import { codeChannel } from '../workspace/channels'
import { remoteCursorField } from './cursors'
import { mountCodeEditor, type MountedEditor } from './editor'
import { ManualTimers, settle } from './testing'

const WELCOME = {
  type: 'welcome',
  role: 'candidate',
  connection: 'c1',
  you: 'Olivia',
  interview: { position: 'Go dev', candidate: 'Olivia', interviewers: ['Alex'], startsAt: '2026-11-24T14:00:00Z' },
  iceServers: [],
}

let client: RoomClient
let socket: FakeSocket
let editor: MountedEditor
let timers: ManualTimers

beforeEach(() => {
  FakeSocket.all = []
  client = new RoomClient({ url: 'ws://h/ws/tok', createSocket: (u) => new FakeSocket(u), random: () => 0.5 })
  client.connect()
  socket = FakeSocket.all[0] as FakeSocket
  socket.open()
  socket.receive(WELCOME)
  timers = new ManualTimers()
  editor = mountCodeEditor({
    parent: document.body.appendChild(document.createElement('div')),
    initial: { version: 2, text: 'ab' },
    channel: codeChannel(client, 'main'),
    theme: 'light',
    readOnly: false,
    label: 'Code',
    clientID: 'me',
    timers,
  })
})

afterEach(() => {
  editor.destroy()
  client.close()
})

type Frame = { type: string; id?: number; [k: string]: unknown }
const frames = (type: string) => socket.sent.map((s) => JSON.parse(s) as Frame).filter((f) => f.type === type)
const doc = () => editor.view.state.doc.toString()

async function type(at: number, text: string) {
  editor.view.dispatch({ changes: { from: at, insert: text }, userEvent: 'input.type' })
  await settle()
}

async function receive(msg: unknown) {
  socket.receive(msg)
  await settle()
}

describe('the editor on the room channel', () => {
  it('pushes, waits after stale, rebases over the others, and is not confused by its echo', async () => {
    await type(0, 'X')
    expect(frames('code.push')).toEqual([
      { type: 'code.push', id: 1, doc: 'main', version: 2, updates: [{ clientID: 'me', changes: [[0, 'X'], 2] }] },
    ])
    await receive({ type: 'ack', id: 1, error: 'stale' })
    expect(frames('code.push')).toHaveLength(1) // waits for the others' updates
    const theirs = { clientID: 'other', changes: [2, [0, 'Y']] }
    await receive({ type: 'code.updates', doc: 'main', version: 2, updates: [theirs] })
    expect(doc()).toBe('XabY')
    expect(frames('code.push').at(-1)).toEqual({
      type: 'code.push',
      id: 2,
      doc: 'main',
      version: 3,
      updates: [{ clientID: 'me', changes: [[0, 'X'], 3] }],
    })
    await receive({ type: 'ack', id: 2 })
    expect(editor.sync.status()).toEqual({ pending: 0, synced: true, offline: false })
    await receive({ type: 'code.updates', doc: 'main', version: 3, updates: [{ clientID: 'me', changes: [[0, 'X'], 3] }] })
    expect(doc()).toBe('XabY')
    expect(getSyncedVersion(editor.view.state)).toBe(4)
    // The other document's messages are not ours.
    await receive({ type: 'code.updates', doc: 'pad', version: 4, updates: [theirs] })
    expect(doc()).toBe('XabY')
  })

  it('pulls when it missed updates', async () => {
    await receive({ type: 'code.updates', doc: 'main', version: 5, updates: [{ clientID: 'o', changes: [[0, 'late'], 2] }] })
    expect(frames('code.pull')).toEqual([{ type: 'code.pull', doc: 'main', version: 2 }])
    expect(doc()).toBe('ab')
  })

  it('undoes a refused change and shows the host’s reason', async () => {
    await type(2, '!')
    await receive({ type: 'ack', id: 1, error: 'this change is too large to share (over 512 KiB); paste it in smaller parts' })
    expect(doc()).toBe('ab')
    expect(editor.sync.status().error).toBe(
      'Your last change was undone: this change is too large to share (over 512 KiB); paste it in smaller parts.',
    )
  })

  it('keeps a change made while the socket is down and sends it after the snapshot of the reconnect', async () => {
    socket.drop()
    await type(0, 'offline ')
    expect(editor.sync.status()).toMatchObject({ offline: true, pending: 1 })
    client.connect()
    const again = FakeSocket.all.at(-1) as FakeSocket
    again.open()
    again.receive(WELCOME)
    again.receive({ type: 'code', doc: 'main', version: 2, text: 'ab', language: 'go' })
    await settle()
    const push = again.sent.map((s) => JSON.parse(s) as Frame).find((f) => f.type === 'code.push')
    expect(push).toMatchObject({ doc: 'main', version: 2, updates: [{ clientID: 'me', changes: [[0, 'offline '], 2] }] })
  })

  it('sends my cursor for this document, and shows the others’ of this document only', async () => {
    editor.view.dispatch({ selection: { anchor: 1, head: 2 } })
    timers.fireAll()
    expect(frames('cursor')).toEqual([{ type: 'cursor', doc: 'main', anchor: 1, head: 2 }])
    await receive({ type: 'cursor', doc: 'main', from: 'c9', name: 'Sam', color: '#2f9e44', anchor: 0, head: 1 })
    await receive({ type: 'cursor', doc: 'pad', from: 'c8', name: 'Kim', color: '#1c7ed6', anchor: 0, head: 0 })
    expect([...editor.view.state.field(remoteCursorField).keys()]).toEqual(['c9'])
  })
})
