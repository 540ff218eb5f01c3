package web

import (
	"net/http"
	"path/filepath"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/links"
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
	names := iv.ParticipantNames()
	out := []recordingView{}
	if s.svc.Recordings != nil {
		recs, err := s.svc.Recordings.Recordings(id)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			name := filepath.Base(rec.Path)
			out = append(out, recordingView{Name: name, Participant: rec.Participant, ParticipantName: names[links.ParticipantID(rec.Participant)],
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
	if s.svc.Recordings == nil {
		return errNoRoute
	}
	recs, err := s.svc.Recordings.Recordings(id)
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
