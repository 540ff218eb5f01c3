package accounts

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// Token lengths in random bytes: password links 128 bits (they also expire
// and work once), sessions 256 bits.
const (
	linkTokenBytes    = 16
	sessionTokenBytes = 32
)

// newToken returns n random bytes, base64url without padding.
func newToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// digest is how a token is stored and looked up: its SHA-256, hex. Tokens
// are random, so no salt or slow hash is needed.
func digest(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return []byte(hex.EncodeToString(sum[:]))
}

// plausible reports whether token can be one of ours (base64url of n bytes),
// so junk is refused without a lookup.
func plausible(token string, n int) bool {
	if len(token) != base64.RawURLEncoding.EncodedLen(n) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil
}
