package media

// keyframeStart is the check whether an RTP payload of codec ("vp8", "vp9")
// begins a keyframe; nil for other codecs.
func keyframeStart(codec string) func(payload []byte) bool {
	switch codec {
	case "vp8":
		return vp8StartsKeyframe
	case "vp9":
		return vp9StartsKeyframe
	}
	return nil
}

// vp8StartsKeyframe: the payload descriptor (RFC 7741 section 4.2) marks the
// start of partition 0, and the frame header's P bit is 0 (RFC 6386 section
// 9.1).
func vp8StartsKeyframe(b []byte) bool {
	if len(b) == 0 || b[0]&0x10 == 0 || b[0]&0x07 != 0 {
		return false
	}
	i := 1
	if b[0]&0x80 != 0 { // X: extension bits follow
		if len(b) < 2 {
			return false
		}
		ext := b[1]
		i = 2
		if ext&0x80 != 0 { // I: picture ID, 7 or 15 bits
			if len(b) <= i {
				return false
			}
			if b[i]&0x80 != 0 {
				i++
			}
			i++
		}
		if ext&0x40 != 0 { // L: TL0PICIDX
			i++
		}
		if ext&0x30 != 0 { // T or K: TID/Y/KEYIDX
			i++
		}
	}
	return len(b) > i && b[i]&0x01 == 0
}

// vp9StartsKeyframe: the payload descriptor (RFC 9628 section 4.2) marks the
// start of a frame (B) that is not inter-picture predicted (P = 0).
func vp9StartsKeyframe(b []byte) bool {
	return len(b) > 0 && b[0]&0x08 != 0 && b[0]&0x40 == 0
}

// vp8Keyframe reports whether a VP8 frame (RFC 6386 section 9.1) is a key
// frame and, if so, its size.
func vp8Keyframe(b []byte) (key bool, width, height int) {
	if len(b) < 10 || b[0]&0x01 != 0 {
		return false, 0, 0
	}
	if b[3] != 0x9d || b[4] != 0x01 || b[5] != 0x2a {
		return false, 0, 0
	}
	width = int(uint16(b[6])|uint16(b[7])<<8) & 0x3fff
	height = int(uint16(b[8])|uint16(b[9])<<8) & 0x3fff
	return true, width, height
}

// vp9Keyframe reports whether a VP9 frame is a key frame and, if so, its
// size, from the uncompressed header (VP9 bitstream spec section 6.2).
func vp9Keyframe(b []byte) (key bool, width, height int) {
	r := bitReader{b: b}
	if r.read(2) != 2 { // frame_marker
		return false, 0, 0
	}
	profile := r.read(1) | r.read(1)<<1
	if profile == 3 {
		r.read(1) // reserved_zero
	}
	if r.read(1) == 1 { // show_existing_frame
		return false, 0, 0
	}
	if r.read(1) != 0 { // frame_type: 0 is KEY_FRAME
		return false, 0, 0
	}
	r.read(2)                   // show_frame, error_resilient_mode
	if r.read(24) != 0x498342 { // frame_sync_code
		return false, 0, 0
	}
	if profile >= 2 {
		r.read(1) // ten_or_twelve_bit
	}
	const csRGB = 7
	if r.read(3) != csRGB {
		r.read(1) // color_range
		if profile == 1 || profile == 3 {
			r.read(3) // subsampling_x, subsampling_y, reserved_zero
		}
	} else if profile == 1 || profile == 3 {
		r.read(1) // reserved_zero
	}
	width = r.read(16) + 1
	height = r.read(16) + 1
	if r.overrun {
		return false, 0, 0
	}
	return true, width, height
}

type bitReader struct {
	b       []byte
	pos     int // in bits
	overrun bool
}

func (r *bitReader) read(n int) int {
	v := 0
	for range n {
		i := r.pos >> 3
		if i >= len(r.b) {
			r.overrun = true
			return 0
		}
		v = v<<1 | int(r.b[i]>>(7-uint(r.pos&7))&1)
		r.pos++
	}
	return v
}
