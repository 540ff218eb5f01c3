package privacy

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/consent"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// ConsentRecord is what the candidate of an interview agreed to, each time
// they answered (a later join may change the answers), with the texts shown.
type ConsentRecord struct {
	InterviewID string            `json:"interviewId"`
	Candidate   interviews.Person `json:"candidate"`
	// Given are the answers in the order given; empty until the candidate
	// has joined.
	Given []GivenConsent `json:"given"`
	// Texts are the consent texts each version named in Given stands for.
	Texts map[string]consent.Texts `json:"texts"`
	// Current is the version of the texts the host shows now.
	Current string `json:"current"`
}

// GivenConsent is one answer to the consent step.
type GivenConsent struct {
	At           time.Time `json:"at"`
	PersonalData bool      `json:"personalData"`
	AIAnalysis   bool      `json:"aiAnalysis"`
	Recording    bool      `json:"recording"`
	// TextsVersion names the texts shown; "" for consents recorded before
	// the version was.
	TextsVersion string `json:"textsVersion,omitempty"`
}

// Consent returns interview id's consent record.
func (s *Service) Consent(id string) (ConsentRecord, error) {
	iv, err := s.cfg.Interviews.Get(id)
	if err != nil {
		return ConsentRecord{}, err
	}
	events, err := s.cfg.Rooms.Events(id)
	if err != nil {
		return ConsentRecord{}, err
	}
	r := ConsentRecord{InterviewID: id, Candidate: iv.Candidate, Given: consentsIn(events),
		Texts: map[string]consent.Texts{}, Current: consent.Current().Version}
	err = s.cfg.DB.View(func(tx *store.Tx) error {
		for _, g := range r.Given {
			if _, done := r.Texts[g.TextsVersion]; done || g.TextsVersion == "" {
				continue
			}
			t, err := consent.Lookup(tx, g.TextsVersion)
			if errors.Is(err, consent.ErrUnknownVersion) {
				continue // the record still says which version it was
			}
			if err != nil {
				return err
			}
			r.Texts[g.TextsVersion] = t
		}
		return nil
	})
	if err != nil {
		return ConsentRecord{}, fmt.Errorf("consent record of %s: %w", id, err)
	}
	return r, nil
}

// consentsIn are the candidate's consents in events.
func consentsIn(events []room.Event) []GivenConsent {
	out := []GivenConsent{}
	for _, e := range events {
		if e.Type != room.TypeConsented {
			continue
		}
		var d room.ConsentData
		if json.Unmarshal(e.Data, &d) != nil {
			continue
		}
		out = append(out, GivenConsent{At: e.At, PersonalData: d.PersonalData, AIAnalysis: d.AIAnalysis,
			Recording: d.RecordingNotice, TextsVersion: d.TextsVersion})
	}
	return out
}
