package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"path/filepath"
	"time"
)

// recordingView is a recording as the console lists it.
type recordingView struct {
	Name        string `json:"name"`
	Participant string `json:"participant"`
	// ParticipantName is the person's name (Participant is the call's ID).
	ParticipantName string    `json:"participantName"`
	Source          string    `json:"source"`
	Kind            string    `json:"kind"`
	Codec           string    `json:"codec"`
	Bytes           int64     `json:"bytes"`
	DurationMs      int64     `json:"durationMs"`
	Started         time.Time `json:"started"`
	Active          bool      `json:"active"`
	Finalised       bool      `json:"finalised"`
	URL             string    `json:"url"`
}

func (s *Server) listRecordings(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	iv, err := s.svc.Interviews.Get(id)
	if err != nil {
		return err
	}
	names := participantNames(iv)
	out := []recordingView{}
	if s.svc.Media != nil {
		recs, err := s.svc.Media.Recordings(id)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			name := filepath.Base(rec.Path)
			out = append(out, recordingView{Name: name, Participant: rec.Participant, ParticipantName: names[rec.Participant],
				Source: string(rec.Source),
				Kind:   string(rec.Kind), Codec: rec.Codec, Bytes: rec.Bytes, DurationMs: rec.Duration.Milliseconds(),
				Started: rec.Started, Active: rec.Active, Finalised: rec.Finalised,
				URL: "/api/interviews/" + id + "/recordings/" + name})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"recordings": out})
	return nil
}

// recordingFile serves one recording for playback (range requests included).
func (s *Server) recordingFile(w http.ResponseWriter, r *http.Request) error {
	id, name := r.PathValue("id"), r.PathValue("name")
	if s.svc.Media == nil {
		return errNoRoute
	}
	recs, err := s.svc.Media.Recordings(id)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if filepath.Base(rec.Path) == name { // only files the backend lists: no path tricks
			w.Header().Set("Content-Type", "video/webm")
			http.ServeFile(w, r, rec.Path)
			return nil
		}
	}
	return errNoRoute
}

// participantNames maps call participant IDs to the people's names.
func participantNames(iv interviews.Interview) map[string]string {
	names := map[string]string{participantID(&room.Member{Role: room.RoleCandidate}): iv.Candidate.Name}
	for _, in := range iv.Interviewers {
		names[participantID(&room.Member{Role: room.RoleInterviewer, Name: in.Name, Email: in.Email})] = in.Name
	}
	return names
}
