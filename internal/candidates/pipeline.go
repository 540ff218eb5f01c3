package candidates

import (
	"slices"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Role is a position candidates applied for, with how many did.
type Role struct {
	Position   string `json:"position"`
	Candidates int    `json:"candidates"`
}

// Column is one stage of a role's pipeline with its candidates.
type Column struct {
	Stage      Stage     `json:"stage"`
	Candidates []Summary `json:"candidates"`
}

// Pipeline is every role, and the candidates of the chosen one by stage.
type Pipeline struct {
	Roles []Role `json:"roles"`
	// Position is the chosen role ("" when there are none).
	Position string   `json:"position"`
	Columns  []Column `json:"columns"`
}

// Pipeline lists the roles (by name) and the candidates of position by stage,
// the latest active first; position "" chooses the first role.
func (s *Service) Pipeline(position string) (Pipeline, error) {
	x, err := s.entries()
	if err != nil {
		return Pipeline{}, err
	}
	now := s.now()
	x.mu.RLock()
	defer x.mu.RUnlock()
	p := Pipeline{Roles: roles(x.items), Columns: []Column{}}
	if len(p.Roles) == 0 {
		return p, nil
	}
	p.Position = p.Roles[0].Position
	key := validation.Fold(position)
	for _, r := range p.Roles {
		if validation.Fold(r.Position) == key {
			p.Position = r.Position
		}
	}
	key = validation.Fold(p.Position)
	byStage := map[Stage][]Summary{}
	for i := range x.items {
		for _, a := range x.items[i].sum.Applications {
			if validation.Fold(a.Position) == key {
				byStage[a.Stage] = append(byStage[a.Stage], x.items[i].summaryAt(now))
			}
		}
	}
	for _, st := range Stages() {
		p.Columns = append(p.Columns, Column{Stage: st, Candidates: append([]Summary{}, byStage[st]...)})
	}
	return p, nil
}

// roles are the positions of items' applications, named as the latest
// active candidate wrote them, sorted by name.
func roles(items []entry) []Role {
	byKey := map[string]*Role{}
	for _, e := range items {
		for _, a := range e.sum.Applications {
			key := validation.Fold(a.Position)
			if r, ok := byKey[key]; ok {
				r.Candidates++
				continue
			}
			byKey[key] = &Role{Position: a.Position, Candidates: 1}
		}
	}
	out := make([]Role, 0, len(byKey))
	for _, r := range byKey {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Role) int {
		return strings.Compare(validation.Fold(a.Position), validation.Fold(b.Position))
	})
	return out
}
