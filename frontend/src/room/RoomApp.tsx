// The room page for both links: /join/TOKEN (candidate) and /room/TOKEN
// (interviewer). One connection store, one local-media controller, one call
// session; the screen follows screenFor().

import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { ToastProvider } from '../ui/toasts'
import { CallView } from './call/CallView'
import { useCallSession } from './call/useCall'
import { usePeer } from './media/peer'
import { CandidateStage, WaitingRoom } from './candidate/CandidateScreens'
import { PreJoin } from './candidate/PreJoin'
import { RoomClient } from './connection/client'
import { RoomStore, useRoom } from './connection/store'
import { LocalMedia } from './media/local'
import { webrtcSupported } from './media/network'
import {
  isInterviewerView,
  linkFromPath,
  socketURL,
  type CandidateView,
  type Consent,
  type Role,
  type RoomView,
} from './protocol'
import { candidateAdmitted, screenFor, type Screen } from './screens'
import { Completed, ConnectionBanner, Connecting, Gone, InvalidLink, Left, Replaced } from './StatusScreens'
import { useFocusReport } from './workspace/activity'
import { WorkspaceLayout } from './workspace/WorkspaceLayout'
import { sandboxRunner } from './workspace/sandboxRunner'
import { WorkspaceStore } from './workspace/store'
import { Workspace, type StarterQuestion } from './workspace/Workspace'

const InterviewerRoom = lazy(() => import('./interviewer/InterviewerRoom'))

/** HEAD on the page's own link: 404/410 means the link is dead (ended, cancelled, expired). */
async function linkGone(): Promise<boolean> {
  try {
    const res = await fetch(window.location.pathname, { method: 'HEAD', cache: 'no-store', credentials: 'omit' })
    return res.status === 404 || res.status === 410
  } catch {
    return false
  }
}

export function RoomApp() {
  const link = useMemo(() => linkFromPath(window.location.pathname), [])
  return (
    <ToastProvider>
      {link ? (
        <Room role={link.role} token={link.token} />
      ) : (
        <Shell title="">
          <InvalidLink />
        </Shell>
      )}
    </ToastProvider>
  )
}

const PHASE_LABEL: Record<string, string> = {
  waiting: 'Waiting room',
  plan: 'Introduction',
  technical: 'Technical part',
  finish: 'Finish',
  ended: 'Completed',
}

function Room({ role: linkRole, token }: { role: Role; token: string }) {
  const [store] = useState(
    () => new RoomStore(new RoomClient({ url: socketURL(window.location, token), linkGone })),
  )
  const [local] = useState(() => new LocalMedia())
  const [workspace] = useState(() => new WorkspaceStore(store.client))
  const snap = useRoom(store)
  const [left, setLeft] = useState(false)
  const [admitted, setAdmitted] = useState(false)
  // Interviewers open the scratch pad by hand when the interview uses no room tool.
  const [padOpen, setPadOpen] = useState(false)

  useEffect(() => {
    store.client.connect()
    const online = () => store.client.retryNow()
    window.addEventListener('online', online)
    return () => {
      window.removeEventListener('online', online)
      store.client.close()
    }
  }, [store])
  useEffect(() => {
    local.activate()
    return () => local.dispose()
  }, [local])
  // Every browser can run code; an interviewer's is the one the host picks,
  // so it loads the runtime of the editor's language ahead of a run.
  useEffect(() => workspace.start(sandboxRunner(), linkRole === 'interviewer'), [workspace, linkRole])

  const role = snap.welcome?.role ?? linkRole
  const view = snap.view
  const screen: Screen = left
    ? { kind: 'connecting' }
    : screenFor({
        role,
        status: snap.status,
        known: !!snap.welcome && !!view,
        phase: view?.phase,
        locked: view?.locked,
        joined: snap.joined,
        admitted,
      })

  useEffect(() => {
    if (screen.kind === 'call') setAdmitted(true)
  }, [screen.kind])

  // Media ends with the interview, with a takeover, with a dead link, on leaving.
  const over = left || screen.kind === 'completed' || screen.kind === 'replaced' || screen.kind === 'gone'
  useEffect(() => {
    if (over) local.stop()
  }, [over, local])
  useEffect(() => {
    if (screen.kind === 'completed' && role === 'candidate') store.client.close()
  }, [screen.kind, role, store])
  // Camera and microphone on wherever the call is (again after a takeover or a
  // rejoin, which stopped them); the candidate's pre-join asks by itself.
  useEffect(() => {
    const media = screen.kind === 'cockpit' || screen.kind === 'waiting' || screen.kind === 'call'
    if (media && !left && webrtcSupported()) void local.start()
  }, [screen.kind, left, local])

  // On the host's own SFU the candidate's connection is set up on the device
  // check already (it sends nothing until let in), so joining only starts the
  // media; a LiveKit call connects once let in.
  const prepare = role === 'candidate' && snap.welcome?.media !== 'livekit'
  const inCall =
    !over &&
    (role === 'interviewer'
      ? screen.kind === 'cockpit'
      : (prepare && screen.kind === 'prejoin') || (snap.joined && (screen.kind === 'waiting' || screen.kind === 'call')))
  const peer = useCallSession(store, local, {
    enabled: inCall && snap.status === 'open',
    prepare,
    // The host's own rule (a lock after admission keeps the page, not the call).
    admitted: role === 'interviewer' || (snap.joined && candidateAdmitted(view?.phase, view?.locked)),
    session: snap.session,
    iceServers: snap.welcome?.iceServers ?? [],
    media: snap.welcome?.media,
  })

  // Everybody in the call sees whether it is recorded (not on a host without calls).
  const peerStatus = usePeer(peer).status
  const recording: Recording | undefined =
    view && (screen.kind === 'call' || screen.kind === 'cockpit') && peerStatus !== 'unavailable'
      ? view.recorded
        ? 'on'
        : 'off'
      : undefined

  // Keyboard and screen-reader users land on the new screen's heading.
  useEffect(() => {
    const t = window.setTimeout(() => {
      const el = document.querySelector<HTMLElement>('[data-screen-title]')
      if (el && !document.querySelector('dialog[open]')) el.focus()
    }, 0)
    return () => window.clearTimeout(t)
  }, [screen.kind])

  useFocusReport(store.client, role === 'candidate' && screen.kind === 'call')

  // A candidate the interview already admits asks for the call right behind
  // its consent, without waiting for the ack: the host takes a connection's
  // messages in order (and refuses the call if it refused the consent), so
  // the camera starts with the click, not a round trip and a render later.
  // One admitted during the round trip joins on the ack.
  const join = useCallback(
    async (consent: Consent) => {
      const before = store.getSnapshot().view
      const ready = store.ready(consent)
      if (candidateAdmitted(before?.phase, before?.locked)) void peer?.admit()
      await ready
      const v = store.getSnapshot().view
      if (candidateAdmitted(v?.phase, v?.locked)) void peer?.admit()
    },
    [store, peer],
  )
  const leave = useCallback(() => {
    setLeft(true)
    store.client.close()
  }, [store])
  const rejoin = useCallback(() => {
    setLeft(false)
    store.client.takeOver()
  }, [store])
  const end = useCallback(() => store.action('ended'), [store])

  const iv = snap.welcome?.interview
  const titleBits = [screen.kind === 'completed' ? 'Completed' : view ? PHASE_LABEL[view.phase] : '', iv?.position].filter(Boolean)
  useEffect(() => {
    document.title = [...titleBits, 'InterviewDesk'].join(' · ')
  })

  let body
  if (left) body = <Left onRejoin={rejoin} />
  else
    switch (screen.kind) {
      case 'connecting':
        body = <Connecting />
        break
      case 'gone':
        body = <Gone />
        break
      case 'replaced':
        body = (
          <Replaced
            onTakeOver={() => {
              store.client.takeOver()
            }}
          />
        )
        break
      case 'completed':
        body =
          role === 'interviewer' && isInterviewerView(view) ? (
            <Completed role="interviewer" token={token}>
              <Suspense fallback={null}>
                <InterviewerRoom store={store} snap={snap} view={view} token={token} stage="ended" />
              </Suspense>
            </Completed>
          ) : (
            <Completed role={role} />
          )
        break
      case 'prejoin':
        body = (
          <PreJoin
            token={token}
            welcome={snap.welcome!}
            status={snap.status}
            started={view?.phase !== 'waiting'}
            local={local}
            onJoin={join}
          />
        )
        break
      case 'waiting':
        body = (
          <WaitingRoom locked={screen.locked} you={snap.welcome!.you} local={local} interviewers={iv?.interviewers ?? []} />
        )
        break
      case 'call':
      case 'cockpit': {
        const tools = iv?.tools
        const toolsOn = !!tools && (tools.liveCode || tools.whiteboard)
        const workspacePane =
          tools && (toolsOn || (role === 'interviewer' && padOpen)) ? (
            <Workspace
              client={store.client}
              store={workspace}
              role={role}
              tools={tools}
              writable={role === 'interviewer' ? view?.phase !== 'ended' : candidateAdmitted(view?.phase, view?.locked)}
              starter={starterOf(view)}
              {...(toolsOn ? {} : { onClose: () => setPadOpen(false) })}
            />
          ) : undefined
        const call = (
          <CallView
            role={role}
            you={snap.welcome!.you}
            self={snap.welcome!.connection}
            members={snap.members}
            expected={role === 'candidate' ? (iv?.interviewers ?? []) : [iv?.candidate ?? 'Candidate']}
            candidateAdmitted={candidateAdmitted(view?.phase, view?.locked)}
            local={local}
            peer={peer}
            webrtc={webrtcSupported()}
            onLeave={leave}
            onEnd={role === 'interviewer' ? end : undefined}
          />
        )
        body =
          screen.kind === 'call' ? (
            workspacePane ? (
              <WorkspaceLayout
                workspace={workspacePane}
                side={
                  <>
                    {call}
                    <CandidateStage stage={screen.stage} view={view as CandidateView} technical={iv?.technical ?? false} />
                  </>
                }
              />
            ) : (
              <div className="room-layout">
                <div className="room-call">{call}</div>
                <CandidateStage stage={screen.stage} view={view as CandidateView} technical={iv?.technical ?? false} />
              </div>
            )
          ) : (
            isInterviewerView(view) && (
              <Suspense
                fallback={
                  <div className="room-layout">
                    <div className="room-call">{call}</div>
                    <aside className="side-panel cockpit" aria-busy="true" />
                  </div>
                }
              >
                <InterviewerRoom
                  store={store}
                  snap={snap}
                  view={view}
                  token={token}
                  stage={screen.stage}
                  call={call}
                  workspace={workspacePane}
                  onScratchPad={() => setPadOpen(true)}
                  workspaceStore={workspace}
                />
              </Suspense>
            )
          )
        break
      }
    }

  return (
    <Shell
      title={iv ? iv.position : ''}
      subtitle={iv ? (role === 'interviewer' ? `with ${iv.candidate}` : iv.interviewers.length > 0 ? `with ${iv.interviewers.join(', ')}` : '') : ''}
      phase={view && screen.kind !== 'prejoin' && screen.kind !== 'connecting' ? PHASE_LABEL[view.phase] : undefined}
      recording={recording}
      banner={
        !left && snap.status === 'reconnecting' ? (
          <ConnectionBanner status="reconnecting" retryAt={snap.retryAt} onRetry={() => store.client.retryNow()} />
        ) : null
      }
    >
      {body}
    </Shell>
  )
}

/** The question on the interviewer's screen, when it has starter code. */
function starterOf(view: RoomView | undefined): StarterQuestion | undefined {
  if (!isInterviewerView(view) || view.phase !== 'technical' || view.question < 0) return undefined
  const q = view.questionsContent[view.question]
  if (!q?.starterCode) return undefined
  return { index: view.question, starterCode: q.starterCode, ...(q.language ? { language: q.language } : {}) }
}

/** Whether the call is recorded: on, or off because the candidate declined. */
type Recording = 'on' | 'off'

/** The room header's recording indicator, for everybody in the room. */
function RecordingIndicator({ recording }: { recording: Recording }) {
  return (
    <span
      className={`room-recording room-recording-${recording}`}
      role="status"
      title={
        recording === 'on'
          ? 'Video and audio of this interview are recorded.'
          : 'The candidate declined recording: nothing of this interview is recorded.'
      }
    >
      <span className="room-recording-dot" aria-hidden="true" />
      {recording === 'on' ? 'Recording' : 'Not recorded'}
    </span>
  )
}

function Shell({
  title,
  subtitle,
  phase,
  recording,
  banner,
  children,
}: {
  title: string
  subtitle?: string
  phase?: string | undefined
  recording?: Recording | undefined
  banner?: React.ReactNode
  children: React.ReactNode
}) {
  return (
    <div className="room">
      <header className="room-header">
        <span className="room-brand">
          <span className="wordmark-mark" aria-hidden="true">
            ID
          </span>
          <span className="room-brand-name">InterviewDesk</span>
        </span>
        {title && (
          <span className="room-heading">
            <span className="room-position">{title}</span>
            {subtitle && <span className="room-subtitle">{subtitle}</span>}
          </span>
        )}
        {recording && <RecordingIndicator recording={recording} />}
        {phase && <span className="badge room-phase">{phase}</span>}
      </header>
      {banner}
      <main className="room-main" id="main">
        {children}
      </main>
    </div>
  )
}
