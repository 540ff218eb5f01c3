import { lazy, Suspense, useEffect, useRef } from 'react'
import { CampaignFormPage } from '../campaigns/CampaignFormPage'
import { CampaignPage } from '../campaigns/CampaignPage'
import { CampaignsPage } from '../campaigns/CampaignsPage'
import { CandidateProfilePage } from '../candidates/CandidateProfilePage'
import { CandidatesPage } from '../candidates/CandidatesPage'
import { PipelinePage } from '../candidates/PipelinePage'
import { CreateInterviewPage } from '../interviews/CreateInterviewPage'
import { InterviewDetailsPage } from '../interviews/InterviewDetailsPage'
import { InterviewListPage } from '../interviews/InterviewListPage'
import { InterviewRoomPage } from '../interviews/InterviewRoomPage'
import { LiveRoomsPage } from '../liverooms/LiveRoomsPage'
import { OverviewPage } from '../overview/OverviewPage'
import { onNativeNavigate } from '../platform/native'
import { SetupGate } from '../setup/SetupGate'
import { SettingsPage } from '../settings/SettingsPage'
import { PrivacySettingsPage } from '../settings/PrivacySettingsPage'
import { AuditLogPage } from '../settings/AuditLogPage'
import { UsersPage } from '../settings/Users/UsersPage'
import { AccountGate } from '../account/AccountGate'
import { useRights } from '../account/AccountContext'
import { TemplateEditorPage } from '../templates/TemplateEditorPage'
import { TemplateListPage } from '../templates/TemplateListPage'
import { Dialog } from '../ui/Dialog'
import { EmptyState, PageHeader, Skeleton } from '../ui/Feedback'
import { cancelPending, confirmPending, navigate, useRoute, useRouterState, type Route } from './router'
import { Sidebar } from './Sidebar'
import { ToastProvider } from '../ui/toasts'

// An interview's report and playback load their parts (the player, CodeMirror) when opened.
const ReportPage = lazy(() => import('../report/ReportPage'))
const PlaybackPage = lazy(() => import('../playback/PlaybackPage'))

function Screen({ route }: { route: Route }) {
  const { administer } = useRights()
  switch (route.name) {
    case 'interviews':
      return <InterviewListPage />
    case 'interview':
      return <InterviewDetailsPage key={route.id} id={route.id} />
    case 'interview-room':
      return <InterviewRoomPage key={route.id} id={route.id} />
    case 'report':
      return (
        <Suspense fallback={<Skeleton lines={6} label="Loading the report…" />}>
          <ReportPage key={route.id} id={route.id} />
        </Suspense>
      )
    case 'playback':
      return (
        <Suspense fallback={<Skeleton lines={6} label="Loading the playback…" />}>
          <PlaybackPage key={route.id} id={route.id} {...(route.at !== undefined ? { at: route.at } : {})} />
        </Suspense>
      )
    case 'interview-new':
      return (
        <CreateInterviewPage
          key={`${route.templateId ?? ''}|${route.candidateId ?? ''}`}
          templateId={route.templateId}
          candidateId={route.candidateId}
        />
      )
    case 'candidates':
      return <CandidatesPage q={route.q ?? ''} since={route.since} />
    case 'candidate':
      return <CandidateProfilePage key={route.id} id={route.id} />
    case 'pipeline':
      return <PipelinePage position={route.position ?? ''} />
    case 'campaigns':
      return <CampaignsPage />
    case 'campaign':
      return <CampaignPage key={route.id} id={route.id} />
    case 'campaign-new':
      return <CampaignFormPage key="new" />
    case 'campaign-edit':
      return <CampaignFormPage key={`edit:${route.id}`} id={route.id} />
    case 'overview':
      return <OverviewPage />
    case 'live-rooms':
      return <LiveRoomsPage />
    case 'templates':
      return <TemplateListPage />
    case 'template':
      return <TemplateEditorPage key={route.id} id={route.id} />
    case 'template-new':
      return <TemplateEditorPage key="new" />
    case 'settings':
      // Privacy, backups and the audit log are an admin's; anyone else's Settings is their own account.
      if (route.section === 'privacy' && administer) return <PrivacySettingsPage />
      if (route.section === 'audit' && administer) return <AuditLogPage />
      return <SettingsPage />
    case 'users':
      return administer ? <UsersPage /> : <SettingsPage />
    case 'set-password':
    case 'reset-password':
      return null // AccountGate shows the password page
    case 'not-found':
      return (
        <>
          <PageHeader title="Page not found" />
          <EmptyState title={`Nothing lives at “${route.path}”.`}>
            <a href="#/interviews">Go to interviews</a>
          </EmptyState>
        </>
      )
  }
}

function screenKey(route: Route): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name
}

export function App() {
  const route = useRoute()
  const { pending } = useRouterState()
  const mainRef = useRef<HTMLElement>(null)
  const key = screenKey(route)
  const first = useRef(true)

  // The desktop opens an interview when its notification is clicked.
  useEffect(() => onNativeNavigate((hash) => navigate(hash)), [])

  // Move focus to the new screen's heading so keyboard and screen-reader users
  // start at the top of what changed (not on the first load).
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const h = mainRef.current?.querySelector<HTMLElement>('[data-page-title]')
    h?.focus({ preventScroll: false })
  }, [key])

  return (
    <ToastProvider>
      <AccountGate>
        <SetupGate>
          <a className="skip-link" href="#main" onClick={(e) => {
            e.preventDefault()
            mainRef.current?.focus()
          }}>
            Skip to content
          </a>
          <div className="layout">
            <Sidebar route={route} />
            <main id="main" className="main" ref={mainRef} tabIndex={-1}>
              <Screen route={route} />
            </main>
          </div>
        </SetupGate>
      </AccountGate>
      {pending !== null && (
        <Dialog
          title="Discard unsaved changes?"
          description="You have changes that are not saved. If you leave this page they are lost."
          onClose={cancelPending}
          actions={
            <>
              <button type="button" className="btn" onClick={cancelPending} data-autofocus>
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={confirmPending}>
                Discard changes
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </ToastProvider>
  )
}
