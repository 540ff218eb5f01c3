package media

import (
	"context"
	"net"
)

type netListenConfig struct{ net.ListenConfig }

func (l *netListenConfig) listen(addr string) (net.Listener, error) {
	return l.Listen(context.Background(), "tcp4", addr)
}

func (l *netListenConfig) listenPacket(addr string) (net.PacketConn, error) {
	return l.ListenPacket(context.Background(), "udp4", addr)
}

const benchClientEnv = "MEDIA_BENCH_CLIENT"
