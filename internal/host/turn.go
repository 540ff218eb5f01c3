package host

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// The embedded relay serves the people of interviews that are on, and only
// while they are: its credentials name an interview and a participant
// ("<interview>/<participant>" after the expiry time), the relay asks
// authorize about them at every request, and a change that takes the right
// away (cancel, end, removal) ends their open allocations at once.

// interviewSource looks interviews up.
type interviewSource interface {
	Get(id string) (interviews.Interview, error)
}

// turnScope decides whose TURN credentials still work.
type turnScope struct {
	interviews interviewSource
	now        func() time.Time
}

// Why the relay refuses credentials.
var (
	errTURNUser    = errors.New("not an interview's TURN user")
	errTURNOver    = errors.New("the interview is not on any more")
	errTURNRemoved = errors.New("no longer a participant of the interview")
)

// turnUser is the relay user of a participant of an interview.
func turnUser(interview string, p links.ParticipantID) string {
	return interview + "/" + string(p)
}

func parseTURNUser(user string) (interview string, p links.ParticipantID, ok bool) {
	interview, rest, ok := strings.Cut(user, "/")
	return interview, links.ParticipantID(rest), ok && interview != "" && rest != ""
}

// lifetime is when iv's links, and so its TURN credentials, stop working.
func lifetime(iv interviews.Interview) time.Time { return iv.EndsAt().Add(interviews.LinkExpiry) }

// refusal says why participant p of iv may not use the relay at now, or nil.
func refusal(iv interviews.Interview, p links.ParticipantID, now time.Time) error {
	if iv.Status != interviews.Scheduled || iv.Expired(now) {
		return fmt.Errorf("interview %s (%s): %w", iv.ID, iv.Status, errTURNOver)
	}
	if _, ok := iv.ParticipantNames()[p]; !ok {
		return fmt.Errorf("interview %s: %w", iv.ID, errTURNRemoved)
	}
	return nil
}

// authorize is the relay's Config.Authorize.
func (s turnScope) authorize(user string) error {
	id, p, ok := parseTURNUser(user)
	if !ok {
		return fmt.Errorf("%q: %w", user, errTURNUser)
	}
	iv, err := s.interviews.Get(id)
	if err != nil {
		return fmt.Errorf("TURN user %q: %w", user, err)
	}
	return refusal(iv, p, s.now())
}

// revoked tells whether user, of interview after a change, lost the relay.
func (s turnScope) revoked(after interviews.Interview) func(user string) bool {
	now := s.now()
	return func(user string) bool {
		id, p, ok := parseTURNUser(user)
		return ok && id == after.ID && refusal(after, p, now) != nil
	}
}

// turnHook is an interviews.Hook that, once a change committed, ends the
// relay allocations of the people it took the interview from.
func (h *Host) turnHook() interviews.Hook {
	return func(tx *store.Tx, before *interviews.Interview, after interviews.Interview) error {
		if before != nil && h.call != nil && h.call.relay != nil {
			c := h.call
			tx.OnCommit(func() { c.relay.Revoke(c.turn.revoked(after)) })
		}
		return nil
	}
}

// mediaAddrs are the transport addresses on which the SFU's ICE socket
// receives: its own address, or on all interfaces every interface address
// at its port; and the public IP browsers are told about, at that port.
func mediaAddrs(ice net.PacketConn, publicIP string) ([]netip.AddrPort, error) {
	local, ok := ice.LocalAddr().(*net.UDPAddr)
	if !ok {
		return nil, fmt.Errorf("ICE socket address %s is not UDP", ice.LocalAddr())
	}
	port := uint16(local.Port) //nolint:gosec // a port number
	var ips []netip.Addr
	if ip, _ := netip.AddrFromSlice(local.IP); !ip.Unmap().IsUnspecified() {
		ips = append(ips, ip.Unmap())
	} else {
		all, err := interfaceIPv4s()
		if err != nil {
			return nil, err
		}
		ips = append(ips, all...)
	}
	if publicIP != "" {
		pub, err := netip.ParseAddr(publicIP)
		if err != nil {
			return nil, fmt.Errorf("public IP %q: %w", publicIP, err)
		}
		ips = append(ips, pub.Unmap())
	}
	var out []netip.AddrPort
	seen := map[netip.Addr]bool{}
	for _, ip := range ips {
		if !seen[ip] && !ip.IsUnspecified() {
			seen[ip] = true
			out = append(out, netip.AddrPortFrom(ip, port))
		}
	}
	return out, nil
}

// interfaceIPv4s are this machine's IPv4 interface addresses (the ICE
// socket is IPv4), loopback included: a socket on 0.0.0.0 receives on each.
func interfaceIPv4s() ([]netip.Addr, error) {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil, fmt.Errorf("list the interface addresses the SFU listens on: %w", err)
	}
	var out []netip.Addr
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok && ip.Unmap().Is4() {
				out = append(out, ip.Unmap())
			}
		}
	}
	return out, nil
}
