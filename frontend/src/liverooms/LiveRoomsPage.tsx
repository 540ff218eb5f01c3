import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { errorMessage } from '../api/client'
import { getInterview } from '../api/interviews'
import { listLiveRooms } from '../api/liverooms'
import type { Interview, LiveRoom, LiveRoomGroup } from '../api/types'
import { presenceFrom } from '../interviews/RoomStatus'
import { ShareDetailsDialog } from '../interviews/ShareDetailsDialog'
import { openURL } from '../platform/native'
import { usePush, type PushChange } from '../platform/push'
import { EmptyState, LoadError, PageHeader } from '../ui/Feedback'
import { useKeyShortcut } from '../ui/shortcuts'
import { useToast } from '../ui/toasts'
import { useAsync } from '../ui/useAsync'
import { useNow } from '../ui/useNow'
import { EditRoomDialog } from './EditRoomDialog'
import { InviteDialog } from './InviteDialog'
import { RoomCard } from './RoomCard'
import { arrange, GROUPS, withPresence } from './rooms'
import './liverooms.css'

const SECTIONS: Record<LiveRoomGroup, { title: string; hint: string; empty?: string }> = {
  live: {
    title: 'Live now',
    hint: 'Rooms with someone in them, the candidates who wait longest first.',
    empty: 'Nobody is in a room right now. Rooms appear here as soon as a candidate or interviewer opens their link.',
  },
  now: { title: 'Interview now', hint: 'Open for the candidate now; nobody has joined yet.' },
  upcoming: { title: 'Upcoming', hint: 'Scheduled rooms, the soonest first.' },
}

type Open = { kind: 'invite' } | { kind: 'edit'; id: string } | { kind: 'share'; interview: Interview } | null

/**
 * The Live Room screen: every room a link opens now, the live ones first with
 * who is in them, kept current by the host's pushes; one click opens the
 * interviewer room, and a new room for a candidate is one dialog away.
 */
export function LiveRoomsPage() {
  const list = useAsync((signal) => listLiveRooms(signal), [])
  const [search, setSearch] = useState('')
  const [open, setOpen] = useState<Open>(null)
  const [sharing, setSharing] = useState<string>()
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const toast = useToast()
  // Re-rendered as time passes, so rooms move from upcoming to now and out;
  // each render reads the clock, so a room created a moment ago is open now.
  useNow(30_000)
  const now = new Date()
  const { data, setData, reload } = list

  const onPush = useCallback(
    (c: PushChange) => {
      const p = c.type === 'presence' ? presenceFrom(c.data) : undefined
      const rooms = p && c.type === 'presence' && c.interviewId && data ? withPresence(data.rooms, c.interviewId, p) : undefined
      if (rooms && data) setData({ ...data, rooms })
      else reload()
    },
    [data, setData, reload],
  )
  const stream = usePush(undefined, ['presence', 'interview'], onPush)

  useKeyShortcut('/', () => searchRef.current?.focus())
  useKeyShortcut('n', () => setOpen({ kind: 'invite' }))

  const share = async (r: LiveRoom) => {
    setSharing(r.id)
    try {
      setOpen({ kind: 'share', interview: await getInterview(r.id) })
    } catch (e) {
      toast({ tone: 'error', message: `Could not load the details of ${r.candidate.name}’s room: ${errorMessage(e)}` })
    } finally {
      setSharing(undefined)
    }
  }

  // ↓ from the search and ↑/↓ between rooms move to each room's "Open interviewer room".
  const opens = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-room-open]') ?? [])]
  const moveFrom = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    if ((e.target as HTMLElement).closest('select')) return
    const all = opens()
    const article = (e.target as HTMLElement).closest('article')
    const at = all.findIndex((b) => b.closest('article') === article)
    const next = all[e.key === 'ArrowDown' ? at + 1 : at - 1]
    if (at < 0 || !next) {
      if (e.key === 'ArrowUp' && at === 0) searchRef.current?.focus()
      return
    }
    e.preventDefault()
    next.focus()
  }

  const arranged = data ? arrange(data.rooms, now, search) : undefined
  const liveCount = data ? arrange(data.rooms, now).live.length : 0
  const inviteButton = (
    <button type="button" className="btn btn-primary" aria-keyshortcuts="n" onClick={() => setOpen({ kind: 'invite' })}>
      Invite a candidate to a new live room
    </button>
  )

  return (
    <>
      <PageHeader title="Live Room" actions={inviteButton}>
        <p className="page-subtitle" aria-live="polite">
          {data ? `${liveCount} live · ${data.total} open ${data.total === 1 ? 'room' : 'rooms'}` : '\u00a0'}
        </p>
      </PageHeader>

      <div className="toolbar">
        <div className="search search-wide">
          <label htmlFor="live-room-search" className="visually-hidden">
            Search rooms by candidate name, email or position
          </label>
          <input
            ref={searchRef}
            id="live-room-search"
            type="search"
            className="input"
            placeholder="Search by candidate name, email or position"
            value={search}
            aria-keyshortcuts="/"
            aria-controls="live-rooms-list"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown') return
              e.preventDefault()
              opens()[0]?.focus()
            }}
          />
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        {stream === 'down' && (
          <p className="live-stream-down" role="status">
            Live updates paused: reconnecting to the host…
          </p>
        )}
      </div>

      <div id="live-rooms-list" ref={listRef} aria-busy={list.loading}>
        {list.error !== undefined && !data ? (
          <LoadError error={list.error} onRetry={reload} what="the rooms" />
        ) : !arranged || !data ? (
          <div className="table-skeleton" aria-label="Loading rooms">
            {Array.from({ length: 4 }, (_, i) => (
              <div key={i} className="skeleton-row" />
            ))}
          </div>
        ) : data.rooms.length === 0 ? (
          <EmptyState title="No open rooms. Invite a candidate to a new live room, or schedule an interview.">
            {inviteButton}
          </EmptyState>
        ) : arranged.matching === 0 ? (
          <EmptyState title={`No rooms match “${search.trim()}”.`}>
            <button type="button" className="btn" onClick={() => setSearch('')}>
              Clear search
            </button>
          </EmptyState>
        ) : (
          GROUPS.map((g) => {
            const rooms = arranged[g]
            const { title, hint, empty } = SECTIONS[g]
            if (rooms.length === 0 && (!empty || search.trim())) return null
            return (
              <section key={g} className="live-section" aria-labelledby={`live-${g}-heading`}>
                <div className="section-head">
                  <h2 id={`live-${g}-heading`} className="section-title">
                    {title} <span className="live-count">{rooms.length}</span>
                  </h2>
                  <p className="section-hint">{hint}</p>
                </div>
                {rooms.length === 0 ? (
                  <p className="empty-inline">{empty}</p>
                ) : (
                  <ul className="live-list">
                    {rooms.map((r) => (
                      <RoomCard
                        key={r.id}
                        room={r}
                        group={g}
                        now={now}
                        sharing={sharing === r.id}
                        onOpen={(x) => void openURL(x.interviewerLink)}
                        onEdit={(x) => setOpen({ kind: 'edit', id: x.id })}
                        onShare={(x) => void share(x)}
                        onKeyDown={moveFrom}
                      />
                    ))}
                  </ul>
                )}
              </section>
            )
          })
        )}
        {data && data.total > data.rooms.length && (
          <p className="table-note">
            Showing the first {data.rooms.length} of {data.total} open rooms.
          </p>
        )}
      </div>

      {open?.kind === 'invite' && <InviteDialog onClose={() => setOpen(null)} onCreated={reload} />}
      {open?.kind === 'edit' && <EditRoomDialog id={open.id} onClose={() => setOpen(null)} onUpdated={reload} />}
      {open?.kind === 'share' && <ShareDetailsDialog interview={open.interview} onClose={() => setOpen(null)} />}
    </>
  )
}
