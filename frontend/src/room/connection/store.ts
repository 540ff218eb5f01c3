// RoomStore keeps what the host last told this tab (welcome, state, presence,
// connection status) as one immutable snapshot for React
// (useSyncExternalStore), and carries the few things that must survive a
// reconnect: a candidate who was ready says so again on the new connection.

import { useSyncExternalStore } from 'react'
import {
  isInterviewerView,
  type ActionData,
  type ActionName,
  type Consent,
  type Member,
  type RoomView,
  type Welcome,
} from '../protocol'
import { Snapshots } from '../snapshots'
import { RoomClient, type ConnectionStatus } from './client'

export type RoomSnapshot = {
  status: ConnectionStatus
  /** While reconnecting: when the next attempt runs. */
  retryAt: number | undefined
  welcome: Welcome | undefined
  view: RoomView | undefined
  members: Member[]
  /**
   * Candidate: finished the device check and consent in this tab and the host
   * accepted `ready`. Stays true across reconnects (the store says ready again
   * on each new connection).
   */
  joined: boolean
  /** Browser clock minus host clock, in ms (for timers shown from host times). */
  clockOffsetMs: number
  /** Bumped on every new welcome: a new connection (the call must rejoin). */
  session: number
  /** The session whose first state has arrived (drafts reconcile against it). */
  synced: number
}

export class RoomStore extends Snapshots<RoomSnapshot> {
  readonly client: RoomClient
  private signalListeners = new Set<(signal: unknown) => void>()
  private consent: Consent | undefined
  private offset: number | undefined

  constructor(client: RoomClient) {
    super({
      status: client.status,
      retryAt: undefined,
      welcome: undefined,
      view: undefined,
      members: [],
      joined: false,
      clockOffsetMs: 0,
      session: 0,
      synced: 0,
    })
    this.client = client
    client.on('status', (status) => {
      this.set({ status, retryAt: client.retryAt })
    })
    client.on('message', (m) => {
      switch (m.type) {
        case 'welcome':
          this.set({ welcome: m, session: this.snap.session + 1 })
          if (m.role === 'candidate' && this.consent) {
            // A reconnect: tell the host again that we are ready (presence is per connection).
            const consent = this.consent
            client.request({ type: 'ready', consent }).catch(() => {})
          }
          break
        case 'state': {
          const prev = this.snap.view
          if (isInterviewerView(m.state) && isInterviewerView(prev) && m.state.lastSeq > prev.lastSeq && m.state.lastEventAt) {
            this.observeOffset(Date.now() - Date.parse(m.state.lastEventAt))
          }
          this.set({ view: m.state, synced: this.snap.session })
          break
        }
        case 'presence': {
          const me = m.members.find((x) => x.id === this.snap.welcome?.connection)
          if (me?.since) this.observeOffset(Date.now() - Date.parse(me.since))
          this.set({ members: m.members })
          break
        }
        case 'signal':
          for (const fn of this.signalListeners) fn(m.signal)
          break
      }
    })
  }

  /** Candidate: enter the waiting room with the consent given. */
  async ready(consent: Consent): Promise<void> {
    await this.client.request({ type: 'ready', consent })
    this.consent = consent
    this.set({ joined: true })
  }

  /** An interviewer action; resolves when the host accepted it. */
  action<A extends ActionName>(action: A, ...data: ActionData[A] extends undefined ? [] : [ActionData[A]]): Promise<void> {
    const msg = data.length > 0 ? { type: 'action' as const, action, data: data[0] } : { type: 'action' as const, action }
    return this.client.request(msg as Parameters<RoomClient['request']>[0])
  }

  /**
   * Joins the call (the host then sends the media `config`); resolves on its
   * ack. With `prepare`, a candidate's connection is only set up: no media
   * either way until a `call` without it, once let in.
   */
  call(prepare = false): Promise<void> {
    return this.client.request(prepare ? { type: 'call', prepare } : { type: 'call' })
  }

  /** A media signaling message to the host; resolves on its ack. */
  signal(signal: unknown): Promise<void> {
    return this.client.request({ type: 'signal', signal })
  }

  onSignal(fn: (signal: unknown) => void): () => void {
    this.signalListeners.add(fn)
    return () => this.signalListeners.delete(fn)
  }

  private observeOffset(observed: number): void {
    if (!Number.isFinite(observed)) return
    // The smallest observation is the closest to the true offset (each one adds
    // the message's travel time).
    this.offset = this.offset === undefined ? observed : Math.min(this.offset, observed)
    if (this.offset !== this.snap.clockOffsetMs) this.set({ clockOffsetMs: this.offset })
  }
}

export function useRoom(store: RoomStore): RoomSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
