package host

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
)

// A client that found the host in host.json proves it is that host before
// trusting it with the console key: after a crash, the announced address
// may belong to anyone. The client sends a fresh nonce to ProofPath (no key,
// no cookie); the host answers HostProof of it, which only a process that
// holds the data folder's console key can compute. It is bound to the
// announced URL and process, so a listener at a stale address gains nothing
// by passing the nonce on to a real host elsewhere.

// ProofPath is where a serving host answers the challenge: GET with
// ?nonce=, answered {"proof": HostProof(...)}.
const ProofPath = "/host/proof"

// Nonces are at least minNonce and at most maxNonce characters.
const (
	minNonce = 16
	maxNonce = 128
)

// HostProof is the host's answer to nonce: base64url(HMAC-SHA256(key,
// "interviewdesk host proof", url, pid, nonce)).
func HostProof(key, url string, pid int, nonce string) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte("interviewdesk host proof\n" + url + "\n" + strconv.Itoa(pid) + "\n" + nonce))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// CheckProof reports whether proof answers nonce for the host announced as a
// in the data folder whose console key is key.
func CheckProof(key string, a Announcement, nonce, proof string) bool {
	return hmac.Equal([]byte(proof), []byte(HostProof(key, a.URL, a.PID, nonce)))
}

// proving serves ProofPath in front of next.
func (h *Host) proving(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != ProofPath {
			next.ServeHTTP(w, r)
			return
		}
		nonce := r.URL.Query().Get("nonce")
		if r.Method != http.MethodGet || len(nonce) < minNonce || len(nonce) > maxNonce {
			http.Error(w, "GET "+ProofPath+"?nonce= with 16 to 128 characters", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(map[string]string{"proof": HostProof(h.key, h.URL(), os.Getpid(), nonce)})
	})
}
