package media

import (
	"github.com/pion/rtp"
)

// frameAssembler puts one track's RTP packets back in order and joins them
// into frames for the recording, as pion's samplebuilder does, with a window
// sized to what it waits for (a few hundred packets, not a slot for each of
// the 65,536 sequence numbers per track) and one frame buffer reused for
// every frame.
//
// A frame is the packets from a partition head to its tail (the marker bit
// for video, every packet for audio), all with one timestamp. A missing
// packet is waited for until maxLate newer ones have come; then its frame is
// dropped and assembly goes on with the next whole frame. Packets older than
// the first one pushed count as late.
type frameAssembler struct {
	depack  rtp.Depacketizer
	slots   []*rtp.Packet // by sequence number modulo len(slots)
	maxLate uint16
	release func(*rtp.Packet) // takes back every packet pushed, once done with it

	started  bool
	head     uint16 // the oldest sequence number still wanted
	high     uint16 // the newest seen
	flushing bool   // give up on missing packets at once
	frame    []byte
}

// assembledFrame is one frame's data (valid until the next pop) and RTP
// timestamp.
type assembledFrame struct {
	data      []byte
	timestamp uint32
}

func newFrameAssembler(depack rtp.Depacketizer, maxLate uint16, release func(*rtp.Packet)) *frameAssembler {
	size := 1
	for size < 2*int(maxLate) {
		size <<= 1
	}
	return &frameAssembler{depack: depack, slots: make([]*rtp.Packet, size), maxLate: maxLate, release: release}
}

func (a *frameAssembler) slot(seq uint16) **rtp.Packet { return &a.slots[int(seq)&(len(a.slots)-1)] }

// push takes a packet, in any order.
func (a *frameAssembler) push(p *rtp.Packet) {
	seq := p.SequenceNumber
	if !a.started {
		a.started, a.head, a.high = true, seq, seq
	}
	if int16(seq-a.head) < 0 {
		a.drop(p) // its frame was written or given up already
		return
	}
	// Beyond the window: what the window cannot hold any more is given up.
	for int(seq-a.head) >= len(a.slots) {
		if int16(a.high-a.head) < 0 {
			a.head = seq // nothing held: start again here
			break
		}
		a.skip()
	}
	s := a.slot(seq)
	if *s != nil {
		a.drop(p) // a retransmission of one we have
		return
	}
	*s = p
	if int16(seq-a.high) > 0 {
		a.high = seq
	}
}

// pop returns the next whole frame, or nil until one is ready.
func (a *frameAssembler) pop() *assembledFrame {
	for a.started && int16(a.high-a.head) >= 0 {
		end, ok := a.scan()
		if !ok {
			if a.flushing || a.high-a.head >= a.maxLate {
				a.skip() // waited long enough for the missing packet
				continue
			}
			return nil
		}
		if f := a.join(end); f != nil {
			return f
		}
	}
	return nil
}

// scan finds the frame starting at head: the sequence number of its last
// packet, or false while a packet of it is missing.
func (a *frameAssembler) scan() (uint16, bool) {
	first := *a.slot(a.head)
	if first == nil {
		return 0, false
	}
	for seq := a.head; ; seq++ {
		p := *a.slot(seq)
		if p == nil {
			return 0, false
		}
		if a.depack.IsPartitionTail(p.Marker, p.Payload) {
			return seq, true
		}
		if next := *a.slot(seq + 1); next != nil && next.Timestamp != first.Timestamp {
			return seq, true // a frame whose tail was not marked ends where the next begins
		}
		if seq == a.high {
			return 0, false
		}
	}
}

// join turns head..end into a frame (nil if it does not start at a
// partition head: its beginning was lost) and moves head past it.
func (a *frameAssembler) join(end uint16) *assembledFrame {
	first := *a.slot(a.head)
	whole := a.depack.IsPartitionHead(first.Payload)
	ts := first.Timestamp
	a.frame = a.frame[:0]
	for seq := a.head; ; seq++ {
		s := a.slot(seq)
		p := *s
		*s = nil
		if whole {
			if data, err := a.depack.Unmarshal(p.Payload); err == nil {
				a.frame = append(a.frame, data...)
			} else {
				whole = false
			}
		}
		a.release(p)
		if seq == end {
			break
		}
	}
	a.head = end + 1
	if !whole || len(a.frame) == 0 {
		return nil
	}
	return &assembledFrame{data: a.frame, timestamp: ts}
}

// skip gives up on the packet at head and on the rest of its frame.
func (a *frameAssembler) skip() {
	s := a.slot(a.head)
	var ts uint32
	have := *s != nil
	if have {
		ts = (*s).Timestamp
		a.drop(*s)
		*s = nil
	}
	a.head++
	// Packets of the same frame after it are of no use now.
	for int16(a.high-a.head) >= 0 {
		s := a.slot(a.head)
		if *s == nil || (have && (*s).Timestamp != ts) || (!have && a.depack.IsPartitionHead((*s).Payload)) {
			return
		}
		have, ts = true, (*s).Timestamp
		a.drop(*s)
		*s = nil
		a.head++
	}
}

// drop takes back a packet that will be in no frame: late, a duplicate, or
// of a frame given up.
func (a *frameAssembler) drop(p *rtp.Packet) { a.release(p) }

// flush returns the frames still whole at the end of the track, one per
// call, and drops what is incomplete; nil when there is nothing left.
func (a *frameAssembler) flush() *assembledFrame {
	a.flushing = true
	return a.pop()
}
