// Types of the console API (docs/api.md). They are generated from the host's Go
// views (contract.gen.ts, from internal/web/contract.go); this module adds only
// what the console derives from them. Times are RFC 3339 UTC strings.

export type {
  AnalysisEngineKind,
  AnalysisEngineSetting,
  AnalysisEngineSettings,
  AnalysisEnginesTest,
  AnalysisEnginesUpdate,
  AnalysisEngineTest,
  AnalysisEngineUpdate,
  CodeRunnerRuntime,
  CodeRunnerSettings,
  CodeRunnerTest,
  CodeRunnerUpdate,
  Health,
  Interview,
  InterviewList,
  InterviewStatus,
  InterviewSummary,
  Interviewer,
  InterviewerView,
  KnownInterviewers,
  LiveRoom,
  LiveRoomGroup,
  LiveRoomList,
  Invitation,
  Language,
  MailSecurity,
  MailSettings,
  MailUpdate,
  MediaServerSettings,
  MediaServerUpdate,
  NewInterview,
  Outbox,
  OutboxKind,
  OutboxMessage,
  OutboxState,
  Person,
  Question,
  QuestionWindow,
  Recording,
  RecordingList,
  Reschedule,
  RoomActor,
  RoomMember,
  RoomNote,
  RoomPhase,
  RoomPresence,
  RoomRole,
  RoomTools,
  RoomTopic,
  Settings,
  SettingsUpdate,
  Template,
  TemplateFields,
  TemplateList,
  TemplateRef,
  TemplateSummary,
  Tense,
  Timeline,
  Topic,
  When,
} from './contract.gen'

import type { MailUpdate } from './contract.gen'

/** PUT body of the email settings: `password` empty or omitted keeps the stored one; `clearPassword` removes it. */
export type MailSettingsInput = MailUpdate

/** Field names of a 422 answer to PUT /api/settings/mail. */
export type MailField = 'host' | 'port' | 'security' | 'username' | 'password' | 'fromName' | 'fromAddress' | 'replyTo'

/** Field names of a 422 answer to PUT /api/settings/runner. */
export type RunnerField = 'url' | 'token'
/** The fields a media server change can be refused for. */
export type MediaServerField = 'liveKitUrl' | 'apiKey' | 'apiSecret'

/** A part of the analysis that has its own engine. */
export type EnginePart = 'transcription' | 'scoring'

/** Field names of a 422 answer to PUT /api/settings/analysis. */
export type EngineField = `${EnginePart}.${'engine' | 'url' | 'model' | 'key'}`

/** "candidate" or "interviewer:EMAIL". */
export type Recipient = 'candidate' | `interviewer:${string}`
