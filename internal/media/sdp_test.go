package media

import (
	"strings"
	"testing"
)

func TestWithStartBitrate(t *testing.T) {
	sdp := func(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }
	for _, tc := range []struct {
		name string
		in   string
		kbps int
		want string
	}{
		{
			name: "VP8 without format parameters gets a line",
			in:   sdp("m=video 9 UDP/TLS/RTP/SAVPF 96", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack"),
			kbps: 1000,
			want: sdp("m=video 9 UDP/TLS/RTP/SAVPF 96", "a=rtpmap:96 VP8/90000", "a=fmtp:96 x-google-start-bitrate=1000", "a=rtcp-fb:96 nack"),
		},
		{
			name: "VP9's format parameters are extended",
			in:   sdp("m=video 9 UDP/TLS/RTP/SAVPF 98", "a=rtpmap:98 VP9/90000", "a=fmtp:98 profile-id=0"),
			kbps: 800,
			want: sdp("m=video 9 UDP/TLS/RTP/SAVPF 98", "a=rtpmap:98 VP9/90000", "a=fmtp:98 profile-id=0;x-google-start-bitrate=800"),
		},
		{
			name: "audio is left alone",
			in:   sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1"),
			kbps: 1000,
			want: sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1"),
		},
		{
			name: "a start bitrate already there stays",
			in:   sdp("a=rtpmap:96 VP8/90000", "a=fmtp:96 x-google-start-bitrate=500"),
			kbps: 1000,
			want: sdp("a=rtpmap:96 VP8/90000", "a=fmtp:96 x-google-start-bitrate=500"),
		},
		{
			name: "off",
			in:   sdp("a=rtpmap:96 VP8/90000"),
			kbps: 0,
			want: sdp("a=rtpmap:96 VP8/90000"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := withStartBitrate(tc.in, tc.kbps); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
