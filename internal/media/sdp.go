package media

import (
	"strconv"
	"strings"
)

// withStartBitrate adds Chrome's x-google-start-bitrate (kbit/s) to the
// format parameters of every VP8 and VP9 payload type in sdp, the host's
// offer or answer. Browsers start their bandwidth estimate at 300 kbit/s;
// at that estimate the first keyframe of a 720p camera takes a few hundred
// milliseconds to pace out, or the encoder drops the first frames and scales
// down. Browsers that do not know the parameter ignore it; pion does too.
func withStartBitrate(sdp string, kbps int) string {
	if kbps <= 0 {
		return sdp
	}
	lines := strings.Split(sdp, "\r\n")
	video := videoPayloadTypes(lines)
	if len(video) == 0 {
		return sdp
	}
	param := "x-google-start-bitrate=" + strconv.Itoa(kbps)
	withFmtp := map[string]bool{}
	for i, l := range lines {
		pt, rest, ok := strings.Cut(strings.TrimPrefix(l, "a=fmtp:"), " ")
		if !strings.HasPrefix(l, "a=fmtp:") || !ok || !video[pt] {
			continue
		}
		withFmtp[pt] = true
		if !strings.Contains(rest, "x-google-start-bitrate=") {
			lines[i] = l + ";" + param
		}
	}
	out := make([]string, 0, len(lines)+len(video))
	for _, l := range lines {
		out = append(out, l)
		if pt, ok := rtpmapPayloadType(l); ok && video[pt] && !withFmtp[pt] {
			out = append(out, "a=fmtp:"+pt+" "+param)
		}
	}
	return strings.Join(out, "\r\n")
}

// videoPayloadTypes are the payload types that rtpmap lines give VP8 or VP9.
func videoPayloadTypes(lines []string) map[string]bool {
	out := map[string]bool{}
	for _, l := range lines {
		pt, ok := rtpmapPayloadType(l)
		if !ok {
			continue
		}
		codec := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(l, "a=rtpmap:"+pt)))
		if strings.HasPrefix(codec, "VP8/") || strings.HasPrefix(codec, "VP9/") {
			out[pt] = true
		}
	}
	return out
}

// rtpmapPayloadType is the payload type of an "a=rtpmap:PT codec/rate" line.
func rtpmapPayloadType(l string) (string, bool) {
	rest, ok := strings.CutPrefix(l, "a=rtpmap:")
	if !ok {
		return "", false
	}
	pt, _, ok := strings.Cut(rest, " ")
	return pt, ok && pt != ""
}
