package web

import (
	"net/http"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/audit"
	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// The team host's accounts, for admins: invite, change a role, remove, send
// a new setup link.

// UserList is every account, by email.
type UserList struct {
	Users []accounts.User `json:"users"`
}

// UserInvite is who to invite, and how their setup link goes out.
type UserInvite struct {
	Email    string            `json:"email"`
	Name     string            `json:"name"`
	Role     accounts.Role     `json:"role"`
	Delivery accounts.Delivery `json:"delivery,omitempty"`
}

// InvitedUser is an account with how its setup link went out.
type InvitedUser struct {
	User  accounts.User `json:"user"`
	Setup accounts.Sent `json:"setup"`
}

// RoleChange gives an account another role.
type RoleChange struct {
	Role accounts.Role `json:"role"`
}

// SetupLinkRequest says how a new setup link goes out.
type SetupLinkRequest struct {
	Delivery accounts.Delivery `json:"delivery,omitempty"`
}

// errYourself refuses an admin's removing or demoting their own account,
// which would lock them out halfway through.
var errYourself = fault.Explain(fault.Conflict, nil,
	"You cannot remove your own account or take away its admin role. Ask another admin, or use the host's console key.")

// audit records a change of the users by the request's caller.
func (s *Server) audit(r *http.Request, subject, text string) {
	s.auditAs(r, audit.From(r.Context()), audit.Users, subject, text)
}

func (s *Server) accounts() (*accounts.Service, error) {
	if s.svc.Accounts == nil {
		return nil, errNoAccounts
	}
	return s.svc.Accounts, nil
}

func (s *Server) listUsers(w http.ResponseWriter, _ *http.Request) error {
	a, err := s.accounts()
	if err != nil {
		return err
	}
	list, err := a.List()
	return answer(w, http.StatusOK, UserList{Users: list}, err)
}

// inviter names the caller in the invitation mail.
func (s *Server) inviter(c caller) string {
	a, err := s.accountOf(c)
	if err != nil {
		return ""
	}
	return a.Name
}

func (s *Server) inviteUser(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[UserInvite](s, r)
	if err != nil {
		return err
	}
	u, sent, err := a.Invite(accounts.NewUser{Email: in.Email, Name: in.Name, Role: in.Role}, s.inviter(callerOf(r)), in.Delivery)
	if err == nil {
		s.audit(r, u.Email, "Invited "+u.Email+" as "+string(u.Role)+".")
	}
	return answer(w, http.StatusCreated, InvitedUser{User: u, Setup: sent}, err)
}

func (s *Server) setUserRole(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[RoleChange](s, r)
	if err != nil {
		return err
	}
	id, c := r.PathValue("id"), callerOf(r)
	if !c.owner() && id == c.user.ID && in.Role != accounts.Admin {
		return errYourself
	}
	u, err := a.SetRole(id, in.Role)
	if err == nil {
		s.audit(r, u.Email, "Gave "+u.Email+" the role "+string(u.Role)+"; its sessions ended.")
	}
	return answer(w, http.StatusOK, u, err)
}

func (s *Server) removeUser(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accounts()
	if err != nil {
		return err
	}
	id, c := r.PathValue("id"), callerOf(r)
	if !c.owner() && id == c.user.ID {
		return errYourself
	}
	u, err := a.Get(id)
	if err != nil {
		return err
	}
	if err := a.Remove(id); err != nil {
		return err
	}
	s.audit(r, u.Email, "Removed the account of "+u.Email+"; it was signed out everywhere.")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) resendSetup(w http.ResponseWriter, r *http.Request) error {
	in, a, err := accountRequest[SetupLinkRequest](s, r)
	if err != nil {
		return err
	}
	u, sent, err := a.ResendSetup(r.PathValue("id"), s.inviter(callerOf(r)), in.Delivery)
	return answer(w, http.StatusOK, InvitedUser{User: u, Setup: sent}, err)
}
