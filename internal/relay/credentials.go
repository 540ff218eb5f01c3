package relay

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // TURN REST credentials are HMAC-SHA1 by definition.
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultCredentialTTL is how long issued credentials stay valid when
// Config.CredentialTTL is zero: longer than any interview.
const DefaultCredentialTTL = 12 * time.Hour

// Credentials are time-limited TURN credentials and the URLs they work with.
// Their JSON form is a browser RTCIceServer: {"urls", "username", "credential"}.
type Credentials struct {
	URLs     []string      `json:"urls"`
	Username string        `json:"username"`
	Password string        `json:"credential"`
	TTL      time.Duration `json:"-"`
	Expires  time.Time     `json:"-"`
}

// GenerateCredentials issues TURN REST credentials for user, valid from now for
// ttl, signed with secret. They need no Server: any relay that shares the
// secret accepts them — this package's, or coturn run with --use-auth-secret
// --static-auth-secret=SECRET. URLs is left empty for the caller to fill in.
// A ':' in user is replaced by '_', since ':' separates the expiry time.
func GenerateCredentials(secret, user string, now time.Time, ttl time.Duration) Credentials {
	expires := now.Add(ttl).Truncate(time.Second)
	username := strconv.FormatInt(expires.Unix(), 10) + ":" + strings.ReplaceAll(user, ":", "_")
	return Credentials{
		Username: username,
		Password: restPassword(secret, username),
		TTL:      ttl,
		Expires:  expires,
	}
}

// VerifyCredentials checks a TURN REST username and password against secret at
// time now and returns the user part of the username. It fails with
// ErrExpiredCredentials or ErrInvalidCredentials.
func VerifyCredentials(secret, username, password string, now time.Time) (user string, err error) {
	user, err = checkUsername(username, now)
	if err != nil {
		return "", err
	}
	if !hmac.Equal([]byte(password), []byte(restPassword(secret, username))) {
		return "", fmt.Errorf("user %q: %w", user, ErrInvalidCredentials)
	}
	return user, nil
}

// checkUsername parses "<expiry>:<user>" (or a bare "<expiry>", as coturn
// allows) and refuses it once expiry has passed.
func checkUsername(username string, now time.Time) (user string, err error) {
	stamp, user, _ := strings.Cut(username, ":")
	expiry, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil || expiry <= 0 {
		return "", fmt.Errorf("username %q: no expiry time: %w", username, ErrInvalidCredentials)
	}
	if expiry < now.Unix() {
		return user, fmt.Errorf("user %q expired at %s: %w", user,
			time.Unix(expiry, 0).UTC().Format(time.RFC3339), ErrExpiredCredentials)
	}
	return user, nil
}

// restPassword is base64(HMAC-SHA1(secret, username)), the TURN REST password.
func restPassword(secret, username string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(username))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
