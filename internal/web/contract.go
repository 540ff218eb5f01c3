package web

import (
	"maps"
	"net/http"
	"reflect"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/backup"
	"github.com/interviewdesk/interviewdesk/internal/campaigns"
	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/collab"
	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/contract"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/privacy"
	"github.com/interviewdesk/interviewdesk/internal/report"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/runner"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/timeline"
	"github.com/interviewdesk/interviewdesk/internal/validation"
	"github.com/interviewdesk/interviewdesk/internal/workspace"
)

// The console API's contract: every route with its request and answer types.
// The routes are registered from this table, and the console's TypeScript types
// and the JSON Schema (docs/api.schema.json) are generated from it
// (TestContractFilesAreCurrent), so none of them can drift from the Go views.

// endpoint is one console API route.
type endpoint struct {
	method, path string
	handle       func(*Server, http.ResponseWriter, *http.Request) error
	// request is the body's Go type (nil: none); raw: a file sent as is.
	request reflect.Type
	raw     bool
	// response is the answer's Go type; nil for a file (its media type in
	// file) or no answer.
	response reflect.Type
	file     string
	status   int
	// errors are the codes it answers beyond commonErrors.
	errors []string
}

func typ[T any]() reflect.Type { return reflect.TypeFor[T]() }

// endpoints is the console API (docs/api.md).
var endpoints = []endpoint{
	{"GET", "/api/health", (*Server).health, nil, false, typ[Health](), "", 200, nil},
	{"GET", "/api/stream", (*Server).stream, nil, false, nil, "text/event-stream", 200, []string{codeNotFound}},
	{"GET", "/api/settings", (*Server).getSettings, nil, false, typ[Settings](), "", 200, nil},
	{"PUT", "/api/settings", (*Server).putSettings, typ[SettingsUpdate](), false, typ[Settings](), "", 200, []string{codeInvalid}},

	{"GET", "/api/account", (*Server).getAccount, nil, false, typ[Account](), "", 200, nil},
	{"PUT", "/api/account", (*Server).updateProfile, typ[ProfileUpdate](), false, typ[Account](), "", 200, []string{codeInvalid, codeConflict}},
	{"POST", "/api/account/sign-in", (*Server).signIn, typ[SignIn](), false, typ[Account](), "", 200, []string{codeNotFound}},
	{"POST", "/api/account/sign-out", (*Server).signOut, nil, false, nil, "", 204, nil},
	{"POST", "/api/account/password-reset", (*Server).requestReset, typ[PasswordReset](), false, nil, "", 204, []string{codeConflict, codeNotFound}},
	{"POST", "/api/account/password-link", (*Server).passwordLinkInfo, typ[PasswordLink](), false, typ[accounts.LinkInfo](), "", 200, []string{codeNotFound}},
	{"POST", "/api/account/password", (*Server).setPassword, typ[NewPassword](), false, typ[Account](), "", 200, []string{codeNotFound, codeInvalid}},
	{"PUT", "/api/account/password", (*Server).changePassword, typ[PasswordChange](), false, typ[Account](), "", 200, []string{codeInvalid, codeConflict}},
	{"GET", "/api/users", (*Server).listUsers, nil, false, typ[UserList](), "", 200, []string{codeNotFound}},
	{"POST", "/api/users", (*Server).inviteUser, typ[UserInvite](), false, typ[InvitedUser](), "", 201, []string{codeInvalid, codeConflict, codeNotFound}},
	{"PUT", "/api/users/{id}/role", (*Server).setUserRole, typ[RoleChange](), false, typ[accounts.User](), "", 200, []string{codeNotFound, codeInvalid, codeConflict}},
	{"DELETE", "/api/users/{id}", (*Server).removeUser, nil, false, nil, "", 204, []string{codeNotFound, codeConflict}},
	{"POST", "/api/users/{id}/setup-link", (*Server).resendSetup, typ[SetupLinkRequest](), false, typ[InvitedUser](), "", 200, []string{codeNotFound, codeConflict, codeInvalid}},

	{"GET", "/api/templates", (*Server).listTemplates, nil, false, typ[TemplateList](), "", 200, nil},
	{"POST", "/api/templates", (*Server).createTemplate, typ[templates.Content](), false, typ[templates.Template](), "", 201, []string{codeInvalid}},
	{"POST", "/api/templates/import", (*Server).importTemplates, nil, true, typ[TemplateList](), "", 201, []string{codeBadRequest, codeInvalid}},
	{"GET", "/api/templates/{id}", (*Server).getTemplate, nil, false, typ[templates.Template](), "", 200, []string{codeNotFound}},
	{"PUT", "/api/templates/{id}", (*Server).updateTemplate, typ[templates.Content](), false, typ[templates.Template](), "", 200, []string{codeNotFound, codeInvalid}},
	{"DELETE", "/api/templates/{id}", (*Server).deleteTemplate, nil, false, nil, "", 204, []string{codeNotFound}},
	{"POST", "/api/templates/{id}/duplicate", (*Server).duplicateTemplate, nil, false, typ[templates.Template](), "", 201, []string{codeNotFound}},
	{"GET", "/api/templates/{id}/export", (*Server).exportTemplate, nil, false, nil, "application/json", 200, []string{codeNotFound}},

	{"GET", "/api/interviews", (*Server).listInterviews, nil, false, typ[InterviewList](), "", 200, []string{codeInvalid}},
	{"GET", "/api/overview", (*Server).overview, nil, false, typ[Overview](), "", 200, nil},
	{"POST", "/api/interviews", (*Server).createInterview, typ[interviews.NewInterview](), false, typ[Interview](), "", 201, []string{codeInvalid}},
	{"GET", "/api/interviews/{id}", (*Server).getInterview, nil, false, typ[Interview](), "", 200, []string{codeNotFound}},
	{"DELETE", "/api/interviews/{id}", (*Server).cancelInterview, nil, false, typ[Interview](), "", 200, []string{codeNotFound, codeConflict}},
	{"POST", "/api/interviews/{id}/reschedule", (*Server).rescheduleInterview, typ[Reschedule](), false, typ[Interview](), "", 200, []string{codeNotFound, codeConflict, codeInvalid}},
	{"POST", "/api/interviews/{id}/restore", (*Server).restoreInterview, nil, false, typ[Interview](), "", 200, []string{codeNotFound, codeConflict, codeInvalid}},
	{"POST", "/api/interviews/{id}/interviewers", (*Server).addInterviewer, typ[interviews.Person](), false, typ[Interview](), "", 201, []string{codeNotFound, codeConflict, codeInvalid}},
	{"DELETE", "/api/interviews/{id}/interviewers/{email}", (*Server).removeInterviewer, nil, false, typ[Interview](), "", 200, []string{codeNotFound, codeConflict}},
	{"PUT", "/api/interviews/{id}/tools", (*Server).setTools, typ[interviews.Tools](), false, typ[Interview](), "", 200, []string{codeNotFound, codeConflict}},

	{"GET", "/api/candidates", (*Server).listCandidates, nil, false, typ[candidates.List](), "", 200, []string{codeInvalid}},
	{"POST", "/api/candidates/import", (*Server).importResults, typ[ResultsFile](), false, typ[candidates.ImportReport](), "", 200, []string{codeInvalid}},
	{"GET", "/api/candidates/{id}", (*Server).getCandidate, nil, false, typ[candidates.Candidate](), "", 200, []string{codeNotFound}},
	{"PUT", "/api/candidates/{id}", (*Server).updateCandidate, typ[candidates.Update](), false, typ[candidates.Candidate](), "", 200, []string{codeNotFound, codeInvalid, codeConflict}},
	{"POST", "/api/candidates/{id}/stage", (*Server).moveStage, typ[StageMove](), false, typ[candidates.Candidate](), "", 200, []string{codeNotFound, codeInvalid}},
	{"GET", "/api/candidates/{id}/interviews", (*Server).candidateInterviews, nil, false, typ[CandidateInterviews](), "", 200, []string{codeNotFound}},
	{"GET", "/api/candidates/{id}/results", (*Server).candidateResults, nil, false, typ[CandidateResults](), "", 200, []string{codeNotFound}},
	{"GET", "/api/pipeline", (*Server).pipeline, nil, false, typ[candidates.Pipeline](), "", 200, nil},

	{"GET", "/api/campaigns", (*Server).listCampaigns, nil, false, typ[CampaignList](), "", 200, nil},
	{"POST", "/api/campaigns", (*Server).createCampaign, typ[campaigns.Input](), false, typ[CampaignView](), "", 201, []string{codeInvalid}},
	{"POST", "/api/campaigns/preview", (*Server).previewCampaign, typ[campaigns.Input](), false, typ[SlotPreview](), "", 200, []string{codeInvalid}},
	{"GET", "/api/campaigns/{id}", (*Server).getCampaign, nil, false, typ[CampaignView](), "", 200, []string{codeNotFound}},
	{"PUT", "/api/campaigns/{id}", (*Server).updateCampaign, typ[campaigns.Input](), false, typ[CampaignView](), "", 200, []string{codeNotFound, codeInvalid}},
	{"POST", "/api/campaigns/{id}/close", (*Server).closeCampaign, nil, false, typ[CampaignView](), "", 200, []string{codeNotFound}},
	{"POST", "/api/campaigns/{id}/reopen", (*Server).reopenCampaign, nil, false, typ[CampaignView](), "", 200, []string{codeNotFound}},

	{"GET", "/api/interviews/{id}/timeline", (*Server).timeline, nil, false, typ[Timeline](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/playback", (*Server).playback, nil, false, typ[workspace.Recording](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/analysis", (*Server).getAnalysis, nil, false, typ[analysis.Analysis](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/recording", (*Server).combinedRecording, nil, false, nil, "video/webm", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/recording/{layout}", (*Server).combinedRecording, nil, false, nil, "video/webm", 200, []string{codeNotFound, codeBadRequest}},
	{"POST", "/api/interviews/{id}/recording/{layout}", (*Server).buildLayout, nil, false, typ[analysis.Analysis](), "", 202, []string{codeNotFound, codeBadRequest}},
	{"POST", "/api/interviews/{id}/analysis", (*Server).runAnalysis, nil, false, typ[analysis.Analysis](), "", 202, []string{codeNotFound, codeConflict}},
	{"PUT", "/api/interviews/{id}/analysis/answers/{question}/override", (*Server).overrideScore, typ[Override](), false, typ[analysis.Analysis](), "", 200, []string{codeNotFound, codeBadRequest}},
	{"GET", "/api/interviews/{id}/report", (*Server).getReport, nil, false, typ[report.Report](), "", 200, []string{codeNotFound, codeConflict}},
	{"GET", "/api/interviews/{id}/report.html", (*Server).reportHTML, nil, false, nil, "text/html", 200, []string{codeNotFound, codeConflict}},
	{"DELETE", "/api/interviews/{id}/results-links", (*Server).closeResults, nil, false, typ[Interview](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/report.pdf", (*Server).reportPDF, nil, false, nil, "application/pdf", 200, []string{codeNotFound, codeConflict}},
	{"GET", "/api/interviews/{id}/presence", (*Server).presence, nil, false, typ[room.PresenceView](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/recordings", (*Server).listRecordings, nil, false, typ[recordingList](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/recordings/{name}", (*Server).recordingFile, nil, false, nil, "video/webm", 200, []string{codeNotFound}},

	{"GET", "/api/interviews/{id}/invitation", (*Server).invitationText, nil, false, typ[invitation.Details](), "", 200, []string{codeNotFound, codeInvalid}},
	{"GET", "/api/interviews/{id}/ics", (*Server).ics, nil, false, nil, "text/calendar", 200, []string{codeNotFound, codeInvalid, codeConflict}},
	{"GET", "/api/interviews/{id}/outbox", (*Server).interviewOutbox, nil, false, typ[invitation.Outbox](), "", 200, []string{codeNotFound}},
	{"POST", "/api/interviews/{id}/invitations", (*Server).sendInvitations, nil, false, typ[invitation.Outbox](), "", 200, []string{codeNotFound, codeConflict}},
	{"POST", "/api/outbox/{id}/resend", (*Server).resend, nil, false, typ[invitation.Sent](), "", 200, []string{codeNotFound, codeConflict}},
	{"GET", "/api/settings/mail", (*Server).getMail, nil, false, typ[invitation.MailSettings](), "", 200, nil},
	{"PUT", "/api/settings/mail", (*Server).putMail, typ[settings.MailUpdate](), false, typ[invitation.MailSettings](), "", 200, []string{codeInvalid}},
	{"POST", "/api/settings/mail/test", (*Server).testMail, typ[TestMail](), false, typ[TestMailSent](), "", 200, []string{codeInvalid, codeConflict, codeSMTP}},
	{"GET", "/api/settings/runner", (*Server).getRunner, nil, false, typ[settings.CodeRunnerView](), "", 200, nil},
	{"PUT", "/api/settings/runner", (*Server).putRunner, typ[settings.CodeRunnerUpdate](), false, typ[settings.CodeRunnerView](), "", 200, []string{codeInvalid}},
	{"POST", "/api/settings/runner/test", (*Server).testRunner, nil, false, typ[RunnerTest](), "", 200, []string{codeConflict}},
	{"GET", "/api/settings/media", (*Server).getMediaServer, nil, false, typ[settings.MediaServerView](), "", 200, nil},
	{"PUT", "/api/settings/media", (*Server).putMediaServer, typ[settings.MediaServerUpdate](), false, typ[settings.MediaServerView](), "", 200, []string{codeInvalid}},
	{"GET", "/api/settings/analysis", (*Server).getAnalysisEngines, nil, false, typ[settings.AnalysisEnginesView](), "", 200, nil},
	{"PUT", "/api/settings/analysis", (*Server).putAnalysisEngines, typ[settings.AnalysisEnginesUpdate](), false, typ[settings.AnalysisEnginesView](), "", 200, []string{codeInvalid}},
	{"POST", "/api/settings/analysis/test", (*Server).testAnalysisEngines, nil, false, typ[AnalysisEnginesTest](), "", 200, nil},

	{"GET", "/api/interviews/{id}/consent", (*Server).consentRecord, nil, false, typ[privacy.ConsentRecord](), "", 200, []string{codeNotFound}},
	{"GET", "/api/interviews/{id}/purge", (*Server).purgePreview, nil, false, typ[privacy.Contents](), "", 200, []string{codeNotFound}},
	{"POST", "/api/interviews/{id}/purge", (*Server).purge, nil, false, typ[privacy.Contents](), "", 200, []string{codeNotFound, codeConflict}},
	{"GET", "/api/settings/retention", (*Server).getRetention, nil, false, typ[privacy.Retention](), "", 200, nil},
	{"PUT", "/api/settings/retention", (*Server).putRetention, typ[privacy.RetentionSettings](), false, typ[privacy.Retention](), "", 200, []string{codeInvalid}},
	{"GET", "/api/retention/preview", (*Server).retentionPreview, nil, false, typ[privacy.RetentionPlan](), "", 200, nil},
	{"POST", "/api/retention/apply", (*Server).retentionApply, nil, false, typ[privacy.RetentionRun](), "", 200, nil},
	{"GET", "/api/retention/log", (*Server).retentionLog, nil, false, typ[privacy.RetentionLog](), "", 200, nil},
	{"GET", "/api/candidate-data", (*Server).candidateData, nil, false, typ[privacy.CandidateData](), "", 200, []string{codeNotFound}},
	{"GET", "/api/candidate-data/export", (*Server).candidateExport, nil, false, nil, "application/zip", 200, []string{codeNotFound, codeForbidden}},
	{"POST", "/api/candidate-data/erase", (*Server).candidateErase, typ[CandidateEmail](), false, typ[privacy.CandidateData](), "", 200, []string{codeNotFound, codeConflict}},
	{"GET", "/api/backup", (*Server).backupStatus, nil, false, typ[BackupStatus](), "", 200, nil},
	{"GET", "/api/backup/archive", (*Server).backupArchive, nil, false, nil, "application/zip", 200, []string{codeForbidden}},
	{"GET", "/api/audit", (*Server).auditLog, nil, false, typ[audit.Page](), "", 200, nil},

	{"GET", "/api/live-rooms", (*Server).listLiveRooms, nil, false, typ[LiveRoomList](), "", 200, nil},
	{"GET", "/api/interviewers", (*Server).knownInterviewers, nil, false, typ[KnownInterviewers](), "", 200, nil},
}

// recordingList is an interview's recordings.
type recordingList struct {
	Recordings []recordingView `json:"recordings"`
}

// names are the console's names of the types it sees (frontend/src/api).
var names = map[reflect.Type]string{
	typ[Health]():                                      "Health",
	typ[Settings]():                                    "Settings",
	typ[SettingsUpdate]():                              "SettingsUpdate",
	typ[settings.Person]():                             "Person",
	typ[TemplateList]():                                "TemplateList",
	typ[templates.Template]():                          "Template",
	typ[templates.Content]():                           "TemplateFields",
	typ[templates.Summary]():                           "TemplateSummary",
	typ[templates.Topic]():                             "Topic",
	typ[templates.Question]():                          "Question",
	typ[templates.Language]():                          "Language",
	typ[InterviewList]():                               "InterviewList",
	typ[Interview]():                                   "Interview",
	typ[Interviewer]():                                 "Interviewer",
	typ[interviews.Summary]():                          "InterviewSummary",
	typ[interviews.NewInterview]():                     "NewInterview",
	typ[interviews.Person]():                           "Person",
	typ[interviews.TemplateRef]():                      "TemplateRef",
	typ[interviews.Tools]():                            "RoomTools",
	typ[interviews.Status]():                           "InterviewStatus",
	typ[interviews.Tense]():                            "Tense",
	typ[interviews.When]():                             "When",
	typ[Reschedule]():                                  "Reschedule",
	typ[LiveRoomList]():                                "LiveRoomList",
	typ[LiveRoom]():                                    "LiveRoom",
	typ[LiveGroup]():                                   "LiveRoomGroup",
	typ[KnownInterviewers]():                           "KnownInterviewers",
	typ[invitation.Details]():                          "Invitation",
	typ[invitation.Outbox]():                           "Outbox",
	typ[invitation.Sent]():                             "OutboxMessage",
	typ[invitation.Kind]():                             "OutboxKind",
	reflect.TypeOf(invitation.Sent{}.State):            "OutboxState",
	typ[invitation.MailSettings]():                     "MailSettings",
	reflect.TypeOf(invitation.MailSettings{}.Security): "MailSecurity",
	typ[settings.MailUpdate]():                         "MailUpdate",
	typ[TestMail]():                                    "TestMail",
	typ[TestMailSent]():                                "TestMailSent",
	typ[settings.CodeRunnerView]():                     "CodeRunnerSettings",
	typ[settings.CodeRunnerUpdate]():                   "CodeRunnerUpdate",
	typ[settings.MediaServerView]():                    "MediaServerSettings",
	typ[settings.MediaServerUpdate]():                  "MediaServerUpdate",
	typ[RunnerTest]():                                  "CodeRunnerTest",
	typ[runner.Runtime]():                              "CodeRunnerRuntime",
	typ[settings.AnalysisEnginesView]():                "AnalysisEngineSettings",
	typ[settings.EngineView]():                         "AnalysisEngineSetting",
	typ[settings.AnalysisEnginesUpdate]():              "AnalysisEnginesUpdate",
	typ[settings.EngineUpdate]():                       "AnalysisEngineUpdate",
	typ[settings.EngineKind]():                         "AnalysisEngineKind",
	typ[AnalysisEnginesTest]():                         "AnalysisEnginesTest",
	typ[EngineTest]():                                  "AnalysisEngineTest",
	typ[Timeline]():                                    "Timeline",
	typ[timeline.Row]():                                "TimelineRow",
	typ[timeline.Kind]():                               "TimelineKind",
	typ[timeline.Person]():                             "TimelinePerson",
	typ[timeline.Consent]():                            "TimelineConsent",
	typ[timeline.Question]():                           "TimelineQuestion",
	typ[timeline.Rephrase]():                           "TimelineRephrase",
	typ[timeline.Note]():                               "TimelineNote",
	typ[timeline.Paste]():                              "TimelinePaste",
	typ[timeline.Run]():                                "TimelineRun",
	typ[timeline.Language]():                           "TimelineLanguage",
	typ[workspace.Recording]():                         "PlaybackRecording",
	typ[analysis.Analysis]():                           "Analysis",
	typ[analysis.Summary]():                            "AnalysisSummary",
	typ[analysis.Combined]():                           "CombinedRecording",
	typ[analysis.Layout]():                             "RecordingLayout",
	typ[analysis.LayoutName]():                         "RecordingLayoutName",
	typ[analysis.LayoutStatus]():                       "RecordingLayoutStatus",
	typ[analysis.Voice]():                              "SpeakerVoice",
	typ[analysis.Spoke]():                              "VoiceSpan",
	typ[Overview]():                                    "Overview",
	typ[OverviewRow]():                                 "OverviewRow",
	typ[analysis.Status]():                             "AnalysisStatus",
	typ[analysis.Engines]():                            "AnalysisEngines",
	typ[analysis.Line]():                               "TranscriptLine",
	typ[analysis.Talk]():                               "TalkTime",
	typ[analysis.Point]():                              "AnswerPoint",
	typ[analysis.Answer]():                             "AnswerAnalysis",
	typ[analysis.Override]():                           "ScoreOverride",
	typ[analysis.Overall]():                            "AnalysisOverall",
	typ[Override]():                                    "OverrideRequest",
	typ[report.Report]():                               "Report",
	typ[report.Score]():                                "ReportScore",
	typ[report.Question]():                             "ReportQuestion",
	typ[report.Note]():                                 "ReportNote",
	typ[report.Entry]():                                "ReportEntry",
	typ[report.Files]():                                "ReportFiles",
	typ[workspace.DocRecording]():                      "PlaybackDoc",
	typ[workspace.DocStep]():                           "PlaybackDocStep",
	typ[workspace.BoardStep]():                         "PlaybackBoardStep",
	typ[room.Actor]():                                  "RoomActor",
	typ[room.InterviewerView]():                        "InterviewerView",
	typ[room.Phase]():                                  "RoomPhase",
	typ[room.Topic]():                                  "RoomTopic",
	typ[room.Window]():                                 "QuestionWindow",
	typ[room.Note]():                                   "RoomNote",
	typ[room.Activity]():                               "RoomActivity",
	typ[room.AssessmentData]():                         "RoomAssessment",
	typ[room.ConsentData]():                            "RoomConsent",
	typ[room.PresenceView]():                           "RoomPresence",
	typ[room.Presence]():                               "RoomMember",
	typ[room.Role]():                                   "RoomRole",
	typ[recordingList]():                               "RecordingList",
	typ[recordingView]():                               "Recording",
	typ[privacy.ConsentRecord]():                       "ConsentRecord",
	typ[privacy.GivenConsent]():                        "GivenConsent",
	typ[consent.Texts]():                               "ConsentTexts",
	typ[privacy.Contents]():                            "InterviewContents",
	typ[privacy.Files]():                               "RecordingFiles",
	typ[privacy.Retention]():                           "Retention",
	typ[privacy.RetentionSettings]():                   "RetentionSettings",
	typ[privacy.RetentionPlan]():                       "RetentionPlan",
	typ[privacy.Item]():                                "RetentionItem",
	typ[privacy.What]():                                "RetentionWhat",
	typ[privacy.Skip]():                                "RetentionSkip",
	typ[privacy.RetentionRun]():                        "RetentionRun",
	typ[privacy.Trigger]():                             "RetentionTrigger",
	typ[privacy.RetentionLog]():                        "RetentionLog",
	typ[privacy.CandidateData]():                       "CandidateData",
	typ[CandidateEmail]():                              "CandidateEmail",
	typ[BackupStatus]():                                "BackupStatus",
	typ[backup.Last]():                                 "LastBackup",
	typ[audit.Page]():                                  "AuditPage",
	typ[audit.Entry]():                                 "AuditEntry",
	typ[audit.Kind]():                                  "AuditKind",
	typ[audit.Actor]():                                 "AuditActor",
	typ[audit.Via]():                                   "AuditVia",
	typ[Account]():                                     "Account",
	typ[AccountKind]():                                 "AccountKind",
	typ[SignIn]():                                      "SignInRequest",
	typ[PasswordReset]():                               "PasswordResetRequest",
	typ[PasswordLink]():                                "PasswordLinkRequest",
	typ[NewPassword]():                                 "NewPasswordRequest",
	typ[PasswordChange]():                              "PasswordChangeRequest",
	typ[ProfileUpdate]():                               "ProfileUpdate",
	typ[accounts.LinkInfo]():                           "PasswordLinkInfo",
	typ[accounts.Purpose]():                            "PasswordLinkPurpose",
	typ[UserList]():                                    "UserList",
	typ[accounts.User]():                               "User",
	typ[accounts.Role]():                               "UserRole",
	typ[UserInvite]():                                  "UserInvite",
	typ[InvitedUser]():                                 "InvitedUser",
	typ[accounts.Sent]():                               "SetupLinkSent",
	typ[accounts.Delivery]():                           "SetupDelivery",
	typ[RoleChange]():                                  "RoleChange",
	typ[SetupLinkRequest]():                            "SetupLinkRequest",
	typ[errorAnswer]():                                 "ApiErrorBody",
	typ[apiError]():                                    "ApiErrorDetail",
	typ[validation.Problem]():                          "ApiProblem",
	typ[candidates.List]():                             "CandidateList",
	typ[candidates.Summary]():                          "CandidateSummary",
	typ[candidates.Candidate]():                        "Candidate",
	typ[candidates.Application]():                      "CandidateApplication",
	typ[candidates.Change]():                           "CandidateChange",
	typ[candidates.Stage]():                            "CandidateStage",
	typ[candidates.By]():                               "CandidateChangeBy",
	typ[candidates.ChangeKind]():                       "CandidateChangeKind",
	typ[candidates.Update]():                           "CandidateUpdate",
	typ[StageMove]():                                   "StageMove",
	typ[CandidateInterviews]():                         "CandidateInterviews",
	typ[CandidateResults]():                            "CandidateResults",
	typ[candidates.Result]():                           "TakehomeResult",
	typ[candidates.ResultSummary]():                    "TakehomeResultSummary",
	typ[candidates.Task]():                             "TakehomeTask",
	typ[candidates.TestResult]():                       "TakehomeTest",
	typ[ResultsFile]():                                 "ResultsFile",
	typ[candidates.ImportReport]():                     "ImportReport",
	typ[candidates.ImportedResult]():                   "ImportedResult",
	typ[candidates.Pipeline]():                         "Pipeline",
	typ[candidates.Role]():                             "PipelineRole",
	typ[candidates.Column]():                           "PipelineColumn",
	typ[CampaignList]():                                "CampaignList",
	typ[CampaignSummary]():                             "CampaignSummary",
	typ[CampaignView]():                                "CampaignView",
	typ[RegistrationView]():                            "CampaignRegistration",
	typ[SlotPreview]():                                 "SlotPreview",
	typ[campaigns.Input]():                             "CampaignInput",
	typ[campaigns.Campaign]():                          "Campaign",
	typ[campaigns.Slot]():                              "CampaignSlot",
	typ[campaigns.Rule]():                              "SlotRule",
	typ[campaigns.SlotInput]():                         "SlotInput",
	typ[campaigns.Mode]():                              "CampaignMode",
	typ[campaigns.Status]():                            "CampaignStatus",
	typ[campaigns.State]():                             "CampaignState",
	typ[campaigns.RegistrationStatus]():                "RegistrationStatus",
	typ[campaigns.Consent]():                           "RegistrationConsent",
	typ[campaigns.Public]():                            "PublicCampaign",
	typ[campaigns.PublicSlot]():                        "PublicSlot",
	typ[campaigns.Registrant]():                        "Registrant",
	typ[campaigns.CandidateBooking]():                  "CandidateBooking",
	typ[Registered]():                                  "Registered",
	typ[BookingChange]():                               "BookingChange",
}

var enums = map[reflect.Type][]string{
	typ[accounts.Role]():       {string(accounts.Admin), string(accounts.Recruiter), string(accounts.Interviewer)},
	typ[accounts.Purpose]():    {string(accounts.Setup), string(accounts.Reset)},
	typ[accounts.Delivery]():   {string(accounts.ByMail), string(accounts.ByLink)},
	typ[AccountKind]():         {string(KindOwner), string(KindUser)},
	typ[interviews.Status]():   {string(interviews.Scheduled), string(interviews.Cancelled), string(interviews.Finished)},
	typ[interviews.Tense]():    {string(interviews.Upcoming), string(interviews.Past), string(interviews.CancelledList)},
	typ[interviews.When]():     {string(interviews.Now), string(interviews.Later)},
	typ[LiveGroup]():           {string(GroupLive), string(GroupNow), string(GroupUpcoming)},
	typ[templates.Language]():  collab.Languages(),
	typ[room.Phase]():          {string(room.PhaseWaiting), string(room.PhasePlan), string(room.PhaseTechnical), string(room.PhaseFinish), string(room.PhaseEnded)},
	typ[room.Role]():           {string(room.RoleCandidate), string(room.RoleInterviewer), string(room.RoleHost)},
	typ[settings.EngineKind](): {string(settings.Offline), string(settings.OpenAI)},
	typ[candidates.Stage]():    stageNames(),
	typ[candidates.By](): {string(candidates.ByRecruiter), string(candidates.ByInterview), string(candidates.ByImport),
		string(candidates.ByUpgrade)},
	typ[candidates.ChangeKind](): {string(candidates.Created), string(candidates.Renamed), string(candidates.Readdr),
		string(candidates.Moved), string(candidates.Takehome)},
	typ[privacy.What]():    {string(privacy.WhatRecordings), string(privacy.WhatInterview), string(privacy.WhatLeftover), string(privacy.WhatCandidate)},
	typ[privacy.Trigger](): {string(privacy.Automatic), string(privacy.ByHand)},
	typ[audit.Via]():       {string(audit.ViaConsole), string(audit.ViaCLI), string(audit.ViaHost)},
	typ[audit.Kind]():      auditKinds(),
	typ[analysis.Status](): {string(analysis.StatusQueued), string(analysis.StatusRunning), string(analysis.StatusDone),
		string(analysis.StatusFailed), string(analysis.StatusDeclined)},
	typ[analysis.LayoutName]():   {string(analysis.LayoutPIP), string(analysis.LayoutGrid)},
	typ[analysis.LayoutStatus](): {string(analysis.LayoutReady), string(analysis.LayoutBuilding), string(analysis.LayoutFailed)},
	typ[timeline.Kind](): {string(timeline.KindJoined), string(timeline.KindLeft), string(timeline.KindReconnected),
		string(timeline.KindConsented), string(timeline.KindLocked), string(timeline.KindUnlocked), string(timeline.KindStarted),
		string(timeline.KindTopicChecked), string(timeline.KindTopicUnchecked), string(timeline.KindTopicAdded),
		string(timeline.KindTechnicalStarted), string(timeline.KindQuestion), string(timeline.KindRephrased),
		string(timeline.KindNote), string(timeline.KindFinishStarted), string(timeline.KindEnded),
		string(timeline.KindPasted), string(timeline.KindTabAway), string(timeline.KindRan),
		string(timeline.KindLanguage), string(timeline.KindStarterLoaded)},
	typ[campaigns.Mode]():               {string(campaigns.SlotsMode), string(campaigns.NowMode)},
	typ[campaigns.Status]():             {string(campaigns.Open), string(campaigns.Closed)},
	typ[campaigns.State]():              {string(campaigns.Accepting), string(campaigns.Shut), string(campaigns.Filled), string(campaigns.Expired)},
	typ[campaigns.RegistrationStatus](): {string(campaigns.Booked), string(campaigns.Cancelled)},
}

func stageNames() []string {
	var out []string
	for _, s := range candidates.Stages() {
		out = append(out, string(s))
	}
	return out
}

func auditKinds() []string {
	var out []string
	for _, k := range audit.Kinds() {
		out = append(out, string(k))
	}
	return out
}

// errorCodes are every error code the console API answers.
var errorCodes = []string{codeBadRequest, codeUnauthorized, codeForbidden, codeNotFound, codeConflict,
	codeTooLarge, codeInvalid, codeInternal, codeSMTP, codeUnavailable, codeTooMany}

// commonErrors may come from any endpoint: the key check (and its limit on
// failed tries), a page of another origin, a body that is not JSON or too
// large, a part that is down, a bug.
var commonErrors = []string{codeUnauthorized, codeTooMany, codeForbidden, codeBadRequest, codeTooLarge, codeUnavailable, codeInternal}

// durationLimits is the 15–240 minute rule for the console.
type durationLimits struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Contract describes the console API for generating its clients' types.
func Contract() contract.Spec {
	spec := contract.Spec{
		Title:  "InterviewDesk console API (docs/api.md)",
		Source: "internal/web/contract.go",
		Names:  names, Enums: maps.Clone(enums), ErrorCodes: errorCodes, CommonErrors: commonErrors,
		// The campaign's public routes (docs/api.md, "Link pages") are no console
		// API, but the registration page uses their types.
		Types: []reflect.Type{typ[errorAnswer](), typ[campaigns.Public](), typ[campaigns.Registrant](), typ[Registered](),
			typ[campaigns.CandidateBooking](), typ[BookingChange]()},
		Constants: []contract.Constant{{Name: "DURATION_MINUTES", Value: durationLimits{templates.MinDuration, templates.MaxDuration},
			Doc: "How long an interview may last, in minutes (templates.MinDuration, templates.MaxDuration)."},
			{Name: "LANGUAGES", Value: collab.Languages(), Doc: "The code languages, in the order pickers show them (collab.Languages)."},
			{Name: "STARTER_CODE_MAX", Value: templates.MaxStarterCode, Doc: "A question's starter code may have at most this many characters (templates.MaxStarterCode)."},
			{Name: "CANDIDATE_STAGES", Value: stageNames(), Doc: "The pipeline's stages, in order (candidates.Stages)."},
			{Name: "CANDIDATE_SINCE", Value: candidates.Sinces(), Doc: "The candidate search's time filters, shortest first (candidates.Sinces); 3m is the default."},
			{Name: "CANDIDATE_NOTES_MAX", Value: candidates.MaxNotes, Doc: "A candidate's notes may have at most this many characters (candidates.MaxNotes)."},
			{Name: "AUDIT_KINDS", Value: auditKinds(), Doc: "The kinds of audit log entries, in the order filters offer them (audit.Kinds)."},
			{Name: "RETENTION_MAX_DAYS", Value: privacy.MaxRetentionDays, Doc: "The longest retention period, in days (privacy.MaxRetentionDays); 0 keeps data until deleted."},
			{Name: "RETENTION_DEFAULT", Value: privacy.DefaultRetention, Doc: "A new install's retention (privacy.DefaultRetention)."},
			{Name: "FIRST_LIST_PAGE", Value: firstListPage, Doc: "How many interviews the list's first page asks for (a screenful; later pages are larger)."},
			{Name: "FIRST_SCREEN_PRELOADS", Value: firstScreenPreloads, Doc: "The GETs the console page's Link header has the browser start at once: what the interview list (the first screen) asks for first, with the default tab."}},
	}
	maps.Copy(spec.Enums, invitation.Enums())
	for _, e := range endpoints {
		spec.Endpoints = append(spec.Endpoints, contract.Endpoint{Method: e.method, Path: e.path,
			Request: e.request, RawRequest: e.raw, Response: e.response, File: e.file, Status: e.status, Errors: e.errors})
	}
	return spec
}
