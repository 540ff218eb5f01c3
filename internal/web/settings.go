package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/invitation"
	"github.com/interviewdesk/interviewdesk/internal/runner"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/templates"
	"github.com/interviewdesk/interviewdesk/internal/transcribe"
)

// Health tells a client which host it reached.
type Health struct {
	Version   string `json:"version"`
	DataDir   string `json:"dataDir"`
	PublicURL string `json:"publicUrl"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, Health{Version: s.cfg.Version, DataDir: s.cfg.DataDir, PublicURL: s.cfg.PublicURL})
	return nil
}

// Settings are the install's preferences and the host's public URL.
type Settings struct {
	settings.Settings
	PublicURL string `json:"publicUrl"`
}

func (s *Server) getSettings(w http.ResponseWriter, r *http.Request) error {
	st, err := s.svc.Settings.Get()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Settings{st, s.cfg.PublicURL})
	return nil
}

// SettingsUpdate changes the fields it has and keeps the others.
type SettingsUpdate struct {
	Organizer       *settings.Person `json:"organizer,omitempty"`
	DefaultTimeZone *string          `json:"defaultTimeZone,omitempty"`
}

func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) error {
	current, err := s.svc.Settings.Get()
	if err != nil {
		return err
	}
	in := current
	if err := decode(r, &SettingsUpdate{Organizer: &in.Organizer, DefaultTimeZone: &in.DefaultTimeZone}); err != nil {
		return err
	}
	st, err := s.svc.Settings.Put(in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Settings{st, s.cfg.PublicURL})
	return nil
}

// Email settings.

func (s *Server) getMail(w http.ResponseWriter, r *http.Request) error {
	m, err := s.svc.Invitations.MailSettings()
	return answer(w, http.StatusOK, m, err)
}

func (s *Server) putMail(w http.ResponseWriter, r *http.Request) error {
	var u settings.MailUpdate
	if err := decode(r, &u); err != nil {
		return err
	}
	m, err := s.svc.Invitations.SaveMailSettings(u)
	return answer(w, http.StatusOK, m, err)
}

// TestMail names who gets a test email.
type TestMail struct {
	To string `json:"to"`
}

// TestMailSent is where a test email went.
type TestMailSent struct {
	SentTo string `json:"sentTo"`
}

// testMail sends a test email now and reports the server's exact answer.
func (s *Server) testMail(w http.ResponseWriter, r *http.Request) error {
	var in TestMail
	if err := decode(r, &in); err != nil {
		return err
	}
	to, err := s.svc.Invitations.TestMail(r.Context(), in.To)
	if errors.Is(err, invitation.ErrNotDelivered) {
		msg, _ := fault.Message(err)
		writeJSON(w, http.StatusBadGateway, errorBody(codeSMTP, msg, nil))
		return nil
	}
	return answer(w, http.StatusOK, TestMailSent{SentTo: to}, err)
}

// Code runner settings.

func (s *Server) getRunner(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Settings.CodeRunner()
	return answer(w, http.StatusOK, c.View(), err)
}

func (s *Server) putRunner(w http.ResponseWriter, r *http.Request) error {
	var u settings.CodeRunnerUpdate
	if err := decode(r, &u); err != nil {
		return err
	}
	c, err := s.svc.Settings.PutCodeRunner(u)
	return answer(w, http.StatusOK, c.View(), err)
}

// Media server settings: where calls run.

func (s *Server) getMediaServer(w http.ResponseWriter, r *http.Request) error {
	m, err := s.svc.Settings.MediaServer()
	return answer(w, http.StatusOK, m.View(), err)
}

func (s *Server) putMediaServer(w http.ResponseWriter, r *http.Request) error {
	var u settings.MediaServerUpdate
	if err := decode(r, &u); err != nil {
		return err
	}
	m, err := s.svc.Settings.PutMediaServer(u)
	return answer(w, http.StatusOK, m.View(), err)
}

// RunnerTest is what the saved code runner answered: its runtimes, and the
// editor's languages they run.
type RunnerTest struct {
	URL       string               `json:"url"`
	Runtimes  []runner.Runtime     `json:"runtimes"`
	Languages []templates.Language `json:"languages"`
}

// testRunner asks the saved code runner for its runtimes now.
func (s *Server) testRunner(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Settings.CodeRunner()
	if err != nil {
		return err
	}
	client, err := runner.New(c.Config(), s.log)
	if err != nil {
		return err
	}
	runtimes, err := client.Runtimes(r.Context())
	if err != nil {
		return err
	}
	out := RunnerTest{URL: client.URL(), Runtimes: runtimes, Languages: []templates.Language{}}
	for _, id := range runner.Offered(runtimes) {
		out.Languages = append(out.Languages, templates.Language(id))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// Analysis engine settings.

func (s *Server) getAnalysisEngines(w http.ResponseWriter, r *http.Request) error {
	a, err := s.svc.Settings.AnalysisEngines()
	return answer(w, http.StatusOK, a.View(), err)
}

func (s *Server) putAnalysisEngines(w http.ResponseWriter, r *http.Request) error {
	var u settings.AnalysisEnginesUpdate
	if err := decode(r, &u); err != nil {
		return err
	}
	a, err := s.svc.Settings.PutAnalysisEngines(u)
	return answer(w, http.StatusOK, a.View(), err)
}

// EngineTest is what one saved engine did when tried.
type EngineTest struct {
	Engine  settings.EngineKind `json:"engine"`
	OK      bool                `json:"ok"`
	Message string              `json:"message"`
}

// AnalysisEnginesTest is what each saved analysis engine did when tried.
type AnalysisEnginesTest struct {
	Transcription EngineTest `json:"transcription"`
	Scoring       EngineTest `json:"scoring"`
}

// engineTestLimit bounds each service's answer to a test.
const engineTestLimit = time.Minute

// testAnalysisEngines sends each configured service the smallest real
// request now: a second of silence to transcribe, a short chat message.
func (s *Server) testAnalysisEngines(w http.ResponseWriter, r *http.Request) error {
	a, err := s.svc.Settings.AnalysisEngines()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), engineTestLimit)
	defer cancel()
	out := AnalysisEnginesTest{
		Transcription: tryEngine(a.Transcription, "transcribed a second of silence", func() error {
			eng, err := transcribe.NewOpenAI(a.Transcription.Transcription())
			if err != nil {
				return err
			}
			return eng.Check(ctx)
		}),
		Scoring: tryEngine(a.Scoring, "replied to a short message", func() error { return a.Scoring.Scoring().Check(ctx) }),
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// tryEngine runs check on a remote engine and says how it went.
func tryEngine(e settings.Engine, did string, check func() error) EngineTest {
	if !e.Remote() {
		return EngineTest{Engine: settings.Offline, OK: true, Message: "Offline: runs on this computer, nothing to connect to."}
	}
	if err := check(); err != nil {
		msg, ok := fault.Message(err)
		if !ok {
			msg = err.Error()
		}
		return EngineTest{Engine: e.Kind, Message: msg}
	}
	return EngineTest{Engine: e.Kind, OK: true, Message: fmt.Sprintf("The service at %s answered: model %s %s.", e.Host(), e.Model, did)}
}
