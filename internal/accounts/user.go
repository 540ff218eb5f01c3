package accounts

import (
	"fmt"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Role is what an account may do on the team host.
type Role string

// Roles, from most to least.
const (
	// Admin manages users and settings, and may do all a recruiter may.
	Admin Role = "admin"
	// Recruiter does everything about interviews, candidates and templates.
	Recruiter Role = "recruiter"
	// Interviewer sees only the interviews they are an interviewer of, and
	// their results.
	Interviewer Role = "interviewer"
)

// Roles are every role, most rights first.
func Roles() []Role { return []Role{Admin, Recruiter, Interviewer} }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return r == Admin || r == Recruiter || r == Interviewer }

// rank orders roles by rights: higher may do more.
func (r Role) rank() int {
	switch r {
	case Admin:
		return 3
	case Recruiter:
		return 2
	case Interviewer:
		return 1
	}
	return 0
}

// AtLeast reports whether r has every right of other.
func (r Role) AtLeast(other Role) bool { return r.rank() >= other.rank() && r.rank() > 0 }

// Label is the role as people read it ("an admin", without the article).
func (r Role) Label() string {
	switch r {
	case Admin:
		return "admin"
	case Recruiter:
		return "recruiter"
	case Interviewer:
		return "interviewer"
	}
	return string(r)
}

// User is an account as the console and the CLI see it: never its password.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  Role   `json:"role"`
	// Active is true once a password was chosen; before, the account waits
	// for its owner to follow the setup link.
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"createdAt"`
	// InvitedAt is when the latest setup link was issued.
	InvitedAt    time.Time `json:"invitedAt,omitzero"`
	LastSignInAt time.Time `json:"lastSignInAt,omitzero"`
}

// record is a stored account: the user and its password hash.
type record struct {
	User
	// PasswordHash is a PHC string (password.go); empty until set.
	PasswordHash string    `json:"passwordHash,omitempty"`
	PasswordAt   time.Time `json:"passwordAt,omitzero"`
}

// NewUser is who an admin invites.
type NewUser struct {
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  Role   `json:"role"`
}

// Limits on an account's fields, in characters.
const (
	MaxNameLength  = 120
	MaxEmailLength = 254
)

// fold is the form of an email that makes it unique: trimmed, lower case.
func fold(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// validate cleans in and returns every field's problem.
func (in *NewUser) validate() error {
	e := validation.Errors{}
	in.Email = strings.TrimSpace(in.Email)
	in.Name = e.Line("name", in.Name, "name", 1, MaxNameLength)
	if in.Email == "" {
		e.Add("email", "Enter the person's email address: the password-setup link goes there.")
	} else if len(in.Email) > MaxEmailLength {
		e.Add("email", fmt.Sprintf("Use an email address of at most %d characters.", MaxEmailLength))
	} else {
		e.Email("email", in.Email)
	}
	checkRole(e, "role", in.Role)
	return e.Err()
}

// checkRole adds role's problem to e.
func checkRole(e validation.Errors, field string, role Role) {
	if !role.Valid() {
		e.Add(field, fmt.Sprintf("Choose admin, recruiter or interviewer (got %q).", role))
	}
}
