package consent

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Texts are the words of the consent step, as the candidate's page shows them.
type Texts struct {
	// Version identifies these exact texts ("v1-" and a hash of them); set by
	// Versioned.
	Version string `json:"version"`
	// NoticeTitle and Notice are the note above the boxes: what is
	// recorded and why.
	NoticeTitle string `json:"noticeTitle"`
	Notice      string `json:"notice"`
	// PersonalData is the required box's label.
	PersonalData string `json:"personalData"`
	// AIAnalysis and AIAnalysisHint label the optional AI analysis box.
	AIAnalysis     string `json:"aiAnalysis"`
	AIAnalysisHint string `json:"aiAnalysisHint"`
	// Recording and RecordingHint label the optional recording box.
	Recording     string `json:"recording"`
	RecordingHint string `json:"recordingHint"`
}

// current are the texts this release shows.
var current = Texts{
	NoticeTitle:    "The interviewer would like to record this interview.",
	Notice:         "Video, audio and your answers are stored by the company that invited you and used only to evaluate this interview.",
	PersonalData:   "I agree to the processing of my personal data for this interview",
	AIAnalysis:     "I agree to the analysis of my answers by an AI system (optional)",
	AIAnalysisHint: "The interviewer makes the decision; the AI only helps to review answers. Leave it unticked and no AI analysis of your answers is made.",
	Recording:      "I agree that the interview is recorded (optional)",
	RecordingHint:  "If you decline, nothing of the interview is recorded; the interviewer may then take notes only.",
}

// Current returns the texts this release shows, with their version.
func Current() Texts { return current.Versioned() }

// Versioned returns t with Version set from its words: any change of a word
// gives a new version.
func (t Texts) Versioned() Texts {
	t.Version = ""
	raw, _ := json.Marshal(t)
	sum := sha256.Sum256(raw)
	t.Version = "v1-" + hex.EncodeToString(sum[:6])
	return t
}

// ErrUnknownVersion means no texts of that version are kept.
var ErrUnknownVersion = fault.New(fault.NotFound, "no consent texts of this version are kept")

// Keep stores t under its version, unless texts of that version are kept
// already.
func Keep(tx *store.Tx, t Texts) error {
	t = t.Versioned()
	b := store.BucketOf(tx, store.BucketConsentTexts)
	if b.Get([]byte(t.Version)) != nil {
		return nil
	}
	return store.PutJSON(tx, store.BucketConsentTexts, []byte(t.Version), t)
}

// Lookup returns the texts of version.
func Lookup(tx *store.Tx, version string) (Texts, error) {
	var t Texts
	if err := store.GetJSON(tx, store.BucketConsentTexts, []byte(version), &t); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Texts{}, fmt.Errorf("consent texts %q: %w", version, ErrUnknownVersion)
		}
		return Texts{}, err
	}
	return t, nil
}
