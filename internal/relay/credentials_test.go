package relay

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pion/turn/v5"
)

func TestGenerateCredentialsKnownVector(t *testing.T) {
	// Expected password from: printf '1700000000:alice' | openssl dgst -sha1 -hmac s3cret -binary | base64
	now := time.Unix(1700000000, 0).Add(-time.Hour)
	c := GenerateCredentials("s3cret", "alice", now, time.Hour)
	if c.Username != "1700000000:alice" {
		t.Errorf("Username = %q, want %q", c.Username, "1700000000:alice")
	}
	if want := "TtElzSjT0GdnTQ9xdcRNxx96yQs="; c.Password != want {
		t.Errorf("Password = %q, want %q", c.Password, want)
	}
	if c.TTL != time.Hour || !c.Expires.Equal(time.Unix(1700000000, 0)) {
		t.Errorf("TTL, Expires = %s, %s; want 1h, %s", c.TTL, c.Expires, time.Unix(1700000000, 0))
	}
}

// pion's own TURN REST handler must derive the same key from our credentials,
// so any pion (or coturn) relay sharing the secret accepts them.
func TestGenerateCredentialsMatchPion(t *testing.T) {
	c := GenerateCredentials("shared", "candidate-42", time.Now(), time.Hour)
	handler := turn.LongTermTURNRESTAuthHandler("shared", nil)
	user, key, ok := handler(&turn.RequestAttributes{Username: c.Username, Realm: "r"})
	if !ok || user != "candidate-42" {
		t.Fatalf("pion handler = %q, ok %v; want candidate-42, true", user, ok)
	}
	if want := turn.GenerateAuthKey(c.Username, "r", c.Password); string(key) != string(want) {
		t.Errorf("pion key %x, want %x (from our password)", key, want)
	}
}

func TestGenerateCredentialsEscapesSeparator(t *testing.T) {
	c := GenerateCredentials("s", "a:b", time.Unix(100, 0), time.Second)
	if c.Username != "101:a_b" {
		t.Errorf("Username = %q, want %q", c.Username, "101:a_b")
	}
}

func TestVerifyCredentials(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	good := GenerateCredentials("s3cret", "bob", now, time.Hour)
	tests := []struct {
		name               string
		username, password string
		at                 time.Time
		wantUser           string
		wantErr            error
	}{
		{"valid", good.Username, good.Password, now, "bob", nil},
		{"valid at expiry second", good.Username, good.Password, now.Add(time.Hour), "bob", nil},
		{"expired", good.Username, good.Password, now.Add(time.Hour + time.Second), "", ErrExpiredCredentials},
		{"wrong secret", good.Username, GenerateCredentials("other", "bob", now, time.Hour).Password, now, "", ErrInvalidCredentials},
		{"tampered user", strings.Replace(good.Username, "bob", "eve", 1), good.Password, now, "", ErrInvalidCredentials},
		{"no expiry", "bob", good.Password, now, "", ErrInvalidCredentials},
		{"negative expiry", "-5:bob", good.Password, now, "", ErrInvalidCredentials},
		{"bare timestamp", "1800000060", restPassword("s3cret", "1800000060"), now, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, err := VerifyCredentials("s3cret", tt.username, tt.password, tt.at)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if user != tt.wantUser {
				t.Errorf("user = %q, want %q", user, tt.wantUser)
			}
		})
	}
}
