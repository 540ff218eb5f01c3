package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/interviewdesk/interviewdesk/internal/validation"
)

// Hashing is the Argon2id cost of new password hashes (RFC 9106). Hashes
// made with other parameters still verify, with theirs, and are hashed again
// with these at the next sign-in.
type Hashing struct {
	// Memory in KiB, Time passes, Threads lanes.
	Memory  uint32
	Time    uint32
	Threads uint8
}

// DefaultHashing is OWASP's first Argon2id configuration (19 MiB, 2 passes,
// 1 lane): about 40 ms a hash on a laptop core, and little memory per
// concurrent sign-in.
var DefaultHashing = Hashing{Memory: 19 * 1024, Time: 2, Threads: 1}

const (
	saltLen = 16
	keyLen  = 32
)

// Password rules, stated to people as PasswordRules says.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 256
)

// PasswordRules says what a password must be, for the set-password page and
// error messages.
const PasswordRules = "At least 12 characters; not your email address or name, and not a common password. A few unrelated words make a strong one that is easy to remember."

// common are passwords of the allowed length that attackers try first.
var common = []string{"password1234", "password12345", "password123456", "passwordpassword", "123456789012",
	"1234567890123", "12345678901234", "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwerty123456",
	"1q2w3e4r5t6y", "iloveyou1234", "abcdefghijkl", "abc123abc123", "letmein12345", "welcome12345",
	"administrator", "changeme1234", "interviewdesk", "000000000000", "111111111111", "asdfghjkl123",
	"zaq12wsxcde3", "monkey123456", "football1234", "sunshine1234", "princess1234", "superman1234"}

// checkPassword adds password's problems for an account of email and name to e.
func checkPassword(e validation.Errors, field, password, email, name string) {
	n := utf8.RuneCountInString(password)
	lower := strings.ToLower(password)
	local, _, _ := strings.Cut(fold(email), "@")
	switch {
	case n < MinPasswordLength:
		e.Add(field, fmt.Sprintf("Use at least %d characters (this one has %d). %s", MinPasswordLength, n, PasswordRules))
	case n > MaxPasswordLength:
		e.Add(field, fmt.Sprintf("Use at most %d characters.", MaxPasswordLength))
	case !utf8.ValidString(password) || strings.ContainsAny(password, "\x00\r\n"):
		e.Add(field, "A password cannot hold line breaks or invisible control characters.")
	case strings.Count(password, password[:1]) == len(password):
		e.Add(field, "Use more than one kind of character. "+PasswordRules)
	case lower == fold(email) || len(local) >= 4 && strings.Contains(lower, local) ||
		name != "" && strings.Contains(strings.Join(strings.Fields(lower), ""), strings.Join(strings.Fields(strings.ToLower(name)), "")):
		e.Add(field, "Do not use your email address or name in your password. "+PasswordRules)
	case isCommon(lower):
		e.Add(field, "This password is among the first that attackers try. "+PasswordRules)
	}
}

func isCommon(lower string) bool {
	for _, c := range common {
		if lower == c {
			return true
		}
	}
	return false
}

// hashPassword returns password's Argon2id hash as a PHC string:
// $argon2id$v=19$m=MEM,t=TIME,p=THREADS$SALT$KEY (unpadded base64).
func hashPassword(password string, h Hashing) string {
	salt := make([]byte, saltLen)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, h.Time, h.Memory, h.Threads, keyLen)
	b64 := base64.RawStdEncoding.EncodeToString
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.Memory, h.Time, h.Threads, b64(salt), b64(key))
}

var errBadHash = errors.New("not an argon2id PHC string")

// parsedHash is a PHC string taken apart.
type parsedHash struct {
	Hashing
	salt, key []byte
}

func parseHash(encoded string) (parsedHash, error) {
	var p parsedHash
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, errBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil ||
		p.Memory == 0 || p.Time == 0 || p.Threads == 0 {
		return p, errBadHash
	}
	var err error
	if p.salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil {
		return p, errBadHash
	}
	if p.key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil || len(p.key) == 0 {
		return p, errBadHash
	}
	return p, nil
}

// verifyPassword reports whether password fits encoded, and whether encoded
// should be hashed again with want.
func verifyPassword(password, encoded string, want Hashing) (ok, stale bool) {
	p, err := parseHash(encoded)
	if err != nil {
		return false, false
	}
	key := argon2.IDKey([]byte(password), p.salt, p.Time, p.Memory, p.Threads, uint32(len(p.key)))
	ok = subtle.ConstantTimeCompare(key, p.key) == 1
	return ok, ok && p.Hashing != want
}

// decoyHash is verified against when no account has the email, so a wrong
// email takes as long as a wrong password.
func decoyHash(h Hashing) string { return hashPassword("no account has this email", h) }
