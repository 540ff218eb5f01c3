package room

import (
	"sort"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/links"
)

// Conn is one live connection to a room (a browser's WebSocket).
type Conn interface {
	// Send delivers a message; it must not block for long.
	Send(msg any) error
	// Close ends the connection with a reason the browser can show.
	Close(reason string)
}

// Member is one connected participant.
type Member struct {
	ID          string // connection ID
	InterviewID string
	// Participant is the person's stable ID in the interview (the same across
	// reconnects and renames); events, media tracks and recordings carry it.
	Participant links.ParticipantID
	Role        Role
	Name        string
	Email       string
	Conn        Conn
	Since       time.Time
	// Ready means a candidate passed the device check and consent and waits.
	Ready bool
}

// Presence is what everyone may know about a member.
type Presence struct {
	ID          string              `json:"id"`
	Participant links.ParticipantID `json:"participant"`
	Role        Role                `json:"role"`
	Name        string              `json:"name"`
	Ready       bool                `json:"ready"`
	Since       time.Time           `json:"since"`
}

// Hub tracks who is connected to which interview. At most one candidate
// connection per interview: a newer one takes over and the older is told so.
type Hub struct {
	mu    sync.Mutex
	rooms map[string]map[string]*Member
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{rooms: map[string]map[string]*Member{}} }

// Join adds m to interview id and returns the candidate connection it replaced.
func (h *Hub) Join(id string, m *Member) (replaced *Member) {
	h.mu.Lock()
	defer h.mu.Unlock()
	members := h.rooms[id]
	if members == nil {
		members = map[string]*Member{}
		h.rooms[id] = members
	}
	if m.Role == RoleCandidate {
		for k, other := range members {
			if other.Role == RoleCandidate {
				replaced = other
				delete(members, k)
			}
		}
	}
	members[m.ID] = m
	return replaced
}

// Leave removes the connection; it reports whether it was still a member (false
// when a newer tab had already replaced it).
func (h *Hub) Leave(id, connID string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	members := h.rooms[id]
	if _, ok := members[connID]; !ok {
		return false
	}
	delete(members, connID)
	if len(members) == 0 {
		delete(h.rooms, id)
	}
	return true
}

// SetReady marks a candidate connection as waiting, ready to be admitted,
// and reports whether it was not before.
func (h *Hub) SetReady(id, connID string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	m, ok := h.rooms[id][connID]
	if !ok || m.Ready {
		return false
	}
	m.Ready = true
	return true
}

// Presence lists interview id's members, interviewers first, then by arrival.
func (h *Hub) Presence(id string) []Presence {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Presence, 0, len(h.rooms[id]))
	for _, m := range h.rooms[id] {
		out = append(out, Presence{ID: m.ID, Participant: m.Participant, Role: m.Role, Name: m.Name, Ready: m.Ready, Since: m.Since})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return out[i].Role == RoleInterviewer
		}
		return out[i].Since.Before(out[j].Since)
	})
	return out
}

// Members returns a snapshot of interview id's members.
func (h *Hub) Members(id string) []*Member {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*Member, 0, len(h.rooms[id]))
	for _, m := range h.rooms[id] {
		out = append(out, m)
	}
	return out
}

// All returns a snapshot of every connected member.
func (h *Hub) All() []*Member {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []*Member
	for _, members := range h.rooms {
		for _, m := range members {
			out = append(out, m)
		}
	}
	return out
}
