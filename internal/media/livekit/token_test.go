package livekit

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/livekit/protocol/auth"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

const testKey, testSecret = "devkey", "secret"

func testBackend(t *testing.T, now func() time.Time) *Backend {
	t.Helper()
	b, err := New(Config{URL: "ws://127.0.0.1:7880", APIKey: testKey, APISecret: testSecret, Now: now}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// verify checks a token's signature with the secret and returns its claims.
func verify(t *testing.T, token, secret string) (time.Time, *auth.ClaimGrants) {
	t.Helper()
	v, err := auth.ParseAPIToken(token)
	if err != nil {
		t.Fatal(err)
	}
	if v.APIKey() != testKey {
		t.Errorf("API key = %q, want %q", v.APIKey(), testKey)
	}
	reg, grants, err := v.Verify(secret)
	if err != nil {
		t.Fatalf("verify with the secret: %v", err)
	}
	return reg.ExpiresAt.Time, grants
}

// A participant's token names the room and the participant, lets them
// publish camera, microphone and screen and subscribe, and nothing more:
// no data, no metadata, no administration, not hidden.
func TestTokenClaims(t *testing.T) {
	b := testBackend(t, time.Now)
	for _, role := range []string{"candidate", "interviewer"} {
		t.Run(role, func(t *testing.T) {
			tok, _, err := b.Token("iv-1", media.ParticipantInfo{ID: "p-" + role, Name: "Casey", Role: role}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			_, g := verify(t, tok, testSecret)
			v := g.Video
			if g.Identity != "p-"+role || g.Name != "Casey" || g.Attributes["role"] != role {
				t.Errorf("identity, name, role = %q, %q, %q", g.Identity, g.Name, g.Attributes["role"])
			}
			if !v.RoomJoin || v.Room != "iv-1" {
				t.Errorf("room grant = join %v room %q, want join iv-1", v.RoomJoin, v.Room)
			}
			if v.RoomAdmin || v.RoomCreate || v.RoomList || v.RoomRecord || v.IngressAdmin || v.Hidden || v.Recorder || v.Agent {
				t.Errorf("grant has rights beyond joining: %+v", v)
			}
			if !v.GetCanPublish() || !v.GetCanSubscribe() || v.GetCanPublishData() || v.GetCanUpdateOwnMetadata() {
				t.Errorf("publish %v subscribe %v data %v metadata %v, want true true false false",
					v.GetCanPublish(), v.GetCanSubscribe(), v.GetCanPublishData(), v.GetCanUpdateOwnMetadata())
			}
			want := []string{"camera", "microphone", "screen_share", "screen_share_audio"}
			if !slices.Equal(v.CanPublishSources, want) {
				t.Errorf("sources = %v, want %v", v.CanPublishSources, want)
			}
		})
	}
	if _, _, err := b.Token("iv-1", media.ParticipantInfo{ID: RecorderIdentity}, time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("token as the recorder's identity: %v, want ErrInvalid", err)
	}
	tok, _, _ := b.Token("iv-1", media.ParticipantInfo{ID: "p"}, time.Time{})
	if v, _ := auth.ParseAPIToken(tok); v != nil {
		if _, _, err := v.Verify("another secret"); err == nil {
			t.Error("token verified with another secret")
		}
	}
}

// The recording participant is hidden, subscribes only, and can do nothing
// else in the room.
func TestRecorderTokenClaims(t *testing.T) {
	b := testBackend(t, time.Now)
	tok, err := b.recorderToken("iv-1")
	if err != nil {
		t.Fatal(err)
	}
	_, g := verify(t, tok, testSecret)
	v := g.Video
	if g.Identity != RecorderIdentity || v.Room != "iv-1" || !v.RoomJoin || !v.Hidden || !v.Recorder {
		t.Errorf("recorder grant = %+v", v)
	}
	if v.GetCanPublish() || v.GetCanPublishData() || !v.GetCanSubscribe() || v.RoomAdmin {
		t.Errorf("recorder publish %v data %v subscribe %v admin %v, want false false true false",
			v.GetCanPublish(), v.GetCanPublishData(), v.GetCanSubscribe(), v.RoomAdmin)
	}
}

// A token lasts until the participant's access ends, MaxTokenTTL at most,
// and none is minted after it ended.
func TestTokenTTL(t *testing.T) {
	b := testBackend(t, time.Now)
	for _, tc := range []struct {
		name  string
		until time.Duration // from now; 0: unbounded
		want  time.Duration
	}{
		{"interview ends first", 90 * time.Minute, 90 * time.Minute},
		{"capped", 30 * time.Hour, MaxTokenTTL},
		{"no bound given", 0, MaxTokenTTL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			var until time.Time
			if tc.until != 0 {
				until = start.Add(tc.until)
			}
			tok, expires, err := b.Token("iv", media.ParticipantInfo{ID: "p"}, until)
			if err != nil {
				t.Fatal(err)
			}
			exp, _ := verify(t, tok, testSecret)
			if d := exp.Sub(start); d < tc.want-2*time.Second || d > tc.want+time.Second {
				t.Errorf("token expires after %v, want %v", d, tc.want)
			}
			if d := expires.Sub(exp); d < -2*time.Second || d > 2*time.Second {
				t.Errorf("reported expiry %v, token's %v", expires, exp)
			}
		})
	}
	_, _, err := b.Token("iv", media.ParticipantInfo{ID: "p"}, time.Now().Add(-time.Minute))
	if !errors.Is(err, ErrExpired) {
		t.Errorf("token after the access ended: %v, want ErrExpired", err)
	}
}

// Join sends the browser the server's address and its token in the call's
// first message, and refuses any signalling of its own.
func TestJoinSendsToken(t *testing.T) {
	b := testBackend(t, time.Now)
	var got []media.SignalMessage
	sig := signalFunc(func(m media.SignalMessage) error { got = append(got, m); return nil })
	s, err := b.Join(context.Background(), "iv-9", media.ParticipantInfo{ID: "cand", Role: "candidate"}, sig,
		media.JoinOptions{Until: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Type != media.MsgConfig || got[0].Server == nil {
		t.Fatalf("messages = %+v, want one config with the server", got)
	}
	srv := got[0].Server
	if srv.Kind != "livekit" || srv.URL != "ws://127.0.0.1:7880" {
		t.Errorf("server = %s %s", srv.Kind, srv.URL)
	}
	if _, g := verify(t, srv.Token, testSecret); g.Identity != "cand" || g.Video.Room != "iv-9" {
		t.Errorf("token for %q in %q", g.Identity, g.Video.Room)
	}
	if err := s.HandleSignal(media.SignalMessage{Type: media.MsgOffer}); !errors.Is(err, ErrInvalid) {
		t.Errorf("HandleSignal = %v, want ErrInvalid", err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Join(context.Background(), "iv-9", media.ParticipantInfo{ID: "cand"}, sig, media.JoinOptions{}); !errors.Is(err, media.ErrClosed) {
		t.Errorf("Join after Close = %v, want ErrClosed", err)
	}
}

// A held join (a candidate still on the device check) gets no token: on
// LiveKit a token is the whole call, media included.
func TestJoinRefusesHold(t *testing.T) {
	b := testBackend(t, time.Now)
	var got []media.SignalMessage
	sig := signalFunc(func(m media.SignalMessage) error { got = append(got, m); return nil })
	_, err := b.Join(context.Background(), "iv-9", media.ParticipantInfo{ID: "cand", Role: "candidate"}, sig,
		media.JoinOptions{Until: time.Now().Add(time.Hour), Hold: true})
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("held Join = %v, want ErrInvalid", err)
	}
	if len(got) != 0 {
		t.Errorf("messages = %+v, want none (no token)", got)
	}
}

type signalFunc func(media.SignalMessage) error

func (f signalFunc) Send(m media.SignalMessage) error { return f(m) }

// The server address is checked and put in canonical form; a Config needs
// key and secret.
func TestConfigValidation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ws://127.0.0.1:7880", "ws://127.0.0.1:7880"},
		{" wss://lk.example.com/ ", "wss://lk.example.com"},
		{"http://10.0.0.5:7880", "ws://10.0.0.5:7880"},
		{"https://lk.example.com", "wss://lk.example.com"},
		{"ftp://lk.example.com", ""},
		{"lk.example.com", ""},
		{"ws://user:pw@lk.example.com", ""},
		{"ws://lk.example.com/?x=1", ""},
		{"", ""},
	} {
		got, err := CheckURL(tc.in)
		if tc.want == "" {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("CheckURL(%q) = %q, %v; want ErrInvalid", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("CheckURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := New(Config{URL: "ws://127.0.0.1:7880", APIKey: testKey}, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("New without a secret = %v, want ErrInvalid", err)
	}
}
