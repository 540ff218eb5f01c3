package room

import "sort"

// Occupied lists the interviews whose room has anyone connected now, in no
// particular order.
func (h *Hub) Occupied() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]string, 0, len(h.rooms))
	for id, members := range h.rooms {
		if len(members) > 0 {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Occupied lists the interviews whose room has anyone connected now, for the
// console's list of live rooms; Presence tells who.
func (s *Sessions) Occupied() []string { return s.hub.Occupied() }
