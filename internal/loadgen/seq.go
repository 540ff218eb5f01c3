package loadgen

import (
	"sync"
	"time"
)

// sentStream counts what one publisher's track put on the wire: packets
// written by the track (not retransmissions) and the last sequence number.
type sentStream struct {
	mu      sync.Mutex
	packets int64
	last    uint16
}

func (s *sentStream) sent(seq uint16) {
	s.mu.Lock()
	s.packets++
	s.last = seq
	s.mu.Unlock()
}

func (s *sentStream) snapshot() (packets int64, last uint16) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.packets, s.last
}

// receivedStream counts the distinct sequence numbers a viewer received of
// one forwarded track, from the first one it saw: retransmissions answering
// its NACKs count once, so what is still missing at the end is lost.
type receivedStream struct {
	mu       sync.Mutex
	started  bool
	base     int64 // extended sequence number of the first packet
	high     int64 // highest extended sequence number so far
	cycles   int64
	lastSeq  uint16
	seen     []uint64 // bit i: base+i received
	distinct int64
	packets  int64 // including duplicates
}

func (r *receivedStream) received(seq uint16) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.packets++
	if !r.started {
		r.started = true
		r.lastSeq = seq
		r.base = int64(seq)
		r.high = r.base
		r.mark(0)
		return
	}
	ext := r.extend(seq)
	if ext < r.base {
		return // older than the first packet seen: before this viewer's window
	}
	if ext > r.high {
		r.high = ext
	}
	r.mark(ext - r.base)
}

// extend unwraps a 16-bit sequence number next to the last one seen.
func (r *receivedStream) extend(seq uint16) int64 {
	delta := int16(seq - r.lastSeq)
	ext := r.cycles<<16 + int64(r.lastSeq) + int64(delta)
	if delta > 0 {
		if seq < r.lastSeq {
			r.cycles++
		}
		r.lastSeq = seq
	}
	return ext
}

func (r *receivedStream) mark(i int64) {
	word := int(i / 64)
	for word >= len(r.seen) {
		r.seen = append(r.seen, 0)
	}
	bit := uint64(1) << (i % 64)
	if r.seen[word]&bit == 0 {
		r.seen[word] |= bit
		r.distinct++
	}
}

// Stream is one forwarded track as its viewer got it.
type Stream struct {
	From string `json:"from"` // "interviewer" or "candidate": who published it
	Kind string `json:"kind"` // "video" or "audio"
	// Sent is every packet the publisher wrote; Expected those from the
	// first one the viewer received to the publisher's last.
	Sent     int64 `json:"sent"`
	Expected int64 `json:"expected"`
	Received int64 `json:"received"` // distinct
	Lost     int64 `json:"lost"`
	// MediaTime is how much media the publisher sent (frames or packets
	// times their duration), what its recording should hold.
	MediaTime time.Duration `json:"mediaTime"`
}

// compare counts the viewer's losses against what the publisher sent, once
// both have stopped.
func compare(sent *sentStream, got *receivedStream) (expected, distinct, lost int64) {
	_, last := sent.snapshot()
	got.mu.Lock()
	defer got.mu.Unlock()
	if !got.started {
		return 0, 0, 0
	}
	// Packets after the highest one received, up to the publisher's last.
	tail := int64(uint16(last - uint16(got.high)))
	if tail >= 1<<15 {
		tail = 0 // the viewer is ahead of the snapshot: nothing missing at the end
	}
	expected = got.high - got.base + 1 + tail
	return expected, got.distinct, expected - got.distinct
}
