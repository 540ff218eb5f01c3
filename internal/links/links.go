package links

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// ErrNotFound means no link has the token (never issued, or revoked).
var ErrNotFound = fault.New(fault.NotFound, "link not found")

// Kind is what a link lets its holder do.
type Kind string

// Kinds of link.
const (
	Candidate   Kind = "candidate"   // join an interview as its candidate
	Interviewer Kind = "interviewer" // open an interview's room as an interviewer
	Campaign    Kind = "campaign"    // register for a campaign's interviews
	Results     Kind = "results"     // read an interview's report
)

// paths are the URL paths each kind of link opens.
var paths = map[Kind]string{Candidate: "/join/", Interviewer: "/room/", Campaign: "/apply/", Results: "/results/"}

// ParticipantID names one person in one interview: the same across
// reconnects and renames. The candidate of an interview is always
// CandidateParticipant; interviewers get one each when they are added.
type ParticipantID string

// CandidateParticipant is the candidate's participant ID in every interview.
const CandidateParticipant ParticipantID = "candidate"

// NewInterviewerParticipant returns a fresh interviewer participant ID.
func NewInterviewerParticipant() ParticipantID {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return ParticipantID("interviewer-" + hex.EncodeToString(b))
}

// Link is the stored meaning of a token.
type Link struct {
	// Kind is stored as "role", the name it had before campaigns and results.
	Kind        Kind          `json:"role"`
	InterviewID string        `json:"interviewId,omitempty"`
	Email       string        `json:"email,omitempty"`
	Participant ParticipantID `json:"participant,omitempty"`
	// CampaignID is the campaign a Campaign link registers for.
	CampaignID string `json:"campaignId,omitempty"`
}

// TokenLen is the length of every token.
const TokenLen = 22

// NewToken returns 128 random bits, base64url without padding.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// Issue stores l under a fresh token in tx and returns the token.
func Issue(tx *store.Tx, l Link) (string, error) {
	if _, ok := paths[l.Kind]; !ok {
		return "", fmt.Errorf("issue link: unknown kind %q", l.Kind)
	}
	token := NewToken()
	if err := store.PutJSON(tx, store.BucketLinks, []byte(token), l); err != nil {
		return "", fmt.Errorf("issue %s link: %w", l.Kind, err)
	}
	return token, nil
}

// Revoke deletes token in tx; the link stops working when tx commits.
func Revoke(tx *store.Tx, token string) error {
	if err := store.BucketOf(tx, store.BucketLinks).Delete([]byte(token)); err != nil {
		return fmt.Errorf("revoke link: %w", err)
	}
	return nil
}

// RevokeInterview deletes every link to interview id in tx (current ones and
// any left behind) and returns how many there were.
func RevokeInterview(tx *store.Tx, id string) (int, error) {
	n, err := store.DeleteWhere(store.BucketOf(tx, store.BucketLinks), func(_, v []byte) bool {
		var l Link
		return json.Unmarshal(v, &l) == nil && l.InterviewID == id
	})
	if err != nil {
		return 0, fmt.Errorf("revoke the links of interview %s: %w", id, err)
	}
	return n, nil
}

// Lookup returns the link behind token in tx.
func Lookup(tx *store.Tx, token string) (Link, error) {
	var l Link
	if len(token) != TokenLen {
		return l, ErrNotFound
	}
	if err := store.GetJSON(tx, store.BucketLinks, []byte(token), &l); err != nil {
		return l, ErrNotFound
	}
	return l, nil
}

// URLs builds the URLs of links on a host reached at a public base URL.
type URLs struct{ base string }

// NewURLs returns the URL builder for base, e.g. https://interviews.example.com.
func NewURLs(base string) URLs { return URLs{base: strings.TrimRight(base, "/")} }

// Base is the public URL links start with.
func (u URLs) Base() string { return u.base }

// For is the URL that opens token as a link of kind k.
func (u URLs) For(k Kind, token string) string { return u.base + paths[k] + token }

// CandidateLink is the candidate's URL for token.
func (u URLs) CandidateLink(token string) string { return u.For(Candidate, token) }

// InterviewerLink is an interviewer's URL for token.
func (u URLs) InterviewerLink(token string) string { return u.For(Interviewer, token) }
