package media

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
)

// vp8Frames packetizes n VP8 frames (frame i is 2500+i bytes of i, so
// three packets of at most 1000 bytes) starting at sequence number seq.
func vp8Frames(n int, seq uint16) (frames [][]byte, pkts []*rtp.Packet) {
	pay := &codecs.VP8Payloader{}
	for i := range n {
		frame := bytes.Repeat([]byte{byte(i)}, 2500+i)
		frames = append(frames, frame)
		parts := pay.Payload(1000, frame)
		for j, part := range parts {
			pkts = append(pkts, &rtp.Packet{Header: rtp.Header{SequenceNumber: seq, Timestamp: uint32(3000 * i),
				Marker: j == len(parts)-1}, Payload: part})
			seq++
		}
	}
	return frames, pkts
}

type assembled struct {
	frames   [][]byte
	released map[*rtp.Packet]int
}

// assemble pushes pkts in the order given, pops after each, flushes at the end.
func assemble(pkts []*rtp.Packet, maxLate uint16) assembled {
	out := assembled{released: map[*rtp.Packet]int{}}
	a := newFrameAssembler(&codecs.VP8Packet{}, maxLate, func(p *rtp.Packet) { out.released[p]++ })
	keep := func(f *assembledFrame) { out.frames = append(out.frames, append([]byte(nil), f.data...)) }
	for _, p := range pkts {
		a.push(p)
		for f := a.pop(); f != nil; f = a.pop() {
			keep(f)
		}
	}
	for f := a.flush(); f != nil; f = a.flush() {
		keep(f)
	}
	return out
}

func TestFrameAssembler(t *testing.T) {
	frames, pkts := vp8Frames(40, 65500) // sequence numbers wrap around
	without := func(drop ...int) []*rtp.Packet {
		var out []*rtp.Packet
		for i, p := range pkts {
			skip := false
			for _, d := range drop {
				skip = skip || i == d
			}
			if !skip {
				out = append(out, p)
			}
		}
		return out
	}
	swapped := append([]*rtp.Packet(nil), pkts...)
	for i := 3; i+7 < len(swapped); i += 9 { // after the first frame, packets late by up to 7
		swapped[i], swapped[i+7] = swapped[i+7], swapped[i]
	}
	dup := append([]*rtp.Packet(nil), pkts[:50]...)
	for _, p := range pkts[10:] { // retransmissions of what came already, then the rest
		c := *p
		dup = append(dup, &c)
	}
	frameIdx := func(skip ...int) []int {
		var out []int
		for i := range frames {
			keep := true
			for _, s := range skip {
				keep = keep && i != s
			}
			if keep {
				out = append(out, i)
			}
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		pkts    []*rtp.Packet
		maxLate uint16
		want    []int // frames expected, in order
	}{
		{"in order", pkts, 16, frameIdx()},
		{"reordered", swapped, 16, frameIdx()},
		{"duplicates", dup, 16, frameIdx()},
		{"middle packet of frame 5 lost", without(16), 16, frameIdx(5)},
		{"first packet of frame 7 lost", without(21), 16, frameIdx(7)},
		{"last packet of frame 9 lost", without(29), 16, frameIdx(9)},
		{"last packet of the last frame lost", without(len(pkts) - 1), 16, frameIdx(39)},
		{"frames 3 and 4 lost together", without(9, 10, 11, 12, 13, 14), 16, frameIdx(3, 4)},
		{"a tiny window gives up on a late packet", swapped, 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := assemble(tc.pkts, tc.maxLate)
			for p, n := range got.released {
				if n != 1 {
					t.Errorf("packet %d released %d times", p.SequenceNumber, n)
				}
			}
			if len(got.released) != len(uniq(tc.pkts)) {
				t.Errorf("%d packets released, %d pushed", len(got.released), len(uniq(tc.pkts)))
			}
			if tc.want == nil { // only: nothing wrong comes out
				for _, f := range got.frames {
					if !isFrame(f, frames) {
						t.Errorf("a frame of %d bytes that was never sent", len(f))
					}
				}
				return
			}
			var gotIdx []int
			for _, f := range got.frames {
				idx := -1
				for i, want := range frames {
					if bytes.Equal(f, want) {
						idx = i
					}
				}
				gotIdx = append(gotIdx, idx)
			}
			if fmt.Sprint(gotIdx) != fmt.Sprint(tc.want) {
				t.Errorf("frames %v, want %v", gotIdx, tc.want)
			}
		})
	}
}

func uniq(pkts []*rtp.Packet) map[*rtp.Packet]bool {
	m := map[*rtp.Packet]bool{}
	for _, p := range pkts {
		m[p] = true
	}
	return m
}

func isFrame(f []byte, frames [][]byte) bool {
	for _, want := range frames {
		if bytes.Equal(f, want) {
			return true
		}
	}
	return false
}
