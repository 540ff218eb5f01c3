package relay

import "sync/atomic"

// Stats is a snapshot of the relay's counters since Start.
type Stats struct {
	// Allocations is the number of live allocations; AllocationsTotal counts
	// every allocation made.
	Allocations      int64 `json:"allocations"`
	AllocationsTotal int64 `json:"allocationsTotal"`
	// PacketsToPeers and BytesToPeers count datagrams the relay sent to peers
	// on behalf of clients.
	PacketsToPeers uint64 `json:"packetsToPeers"`
	BytesToPeers   uint64 `json:"bytesToPeers"`
	// PacketsFromPeers and BytesFromPeers count datagrams that arrived from
	// peers on relay sockets (including ones then dropped for want of a
	// permission).
	PacketsFromPeers uint64 `json:"packetsFromPeers"`
	BytesFromPeers   uint64 `json:"bytesFromPeers"`
	// PermissionsRefused counts refused CreatePermission, ChannelBind and
	// Connect requests; AuthFailures counts requests with bad or expired
	// credentials.
	PermissionsRefused uint64 `json:"permissionsRefused"`
	AuthFailures       uint64 `json:"authFailures"`
}

// counters are the live counters behind Stats. The per-packet ones sit on
// their own cache lines so that the two directions do not contend.
type counters struct {
	toPeers   packetCounter
	fromPeers packetCounter

	allocations      atomic.Int64
	allocationsTotal atomic.Int64
	refused          atomic.Uint64
	authFailures     atomic.Uint64
}

type packetCounter struct {
	packets atomic.Uint64
	bytes   atomic.Uint64
	_       [48]byte // pad to a 64-byte cache line
}

func (c *packetCounter) add(packets, bytes int) {
	if packets > 0 {
		c.packets.Add(uint64(packets)) //nolint:gosec // non-negative counts
		c.bytes.Add(uint64(bytes))     //nolint:gosec
	}
}

func (c *counters) snapshot() Stats {
	return Stats{
		Allocations:        c.allocations.Load(),
		AllocationsTotal:   c.allocationsTotal.Load(),
		PacketsToPeers:     c.toPeers.packets.Load(),
		BytesToPeers:       c.toPeers.bytes.Load(),
		PacketsFromPeers:   c.fromPeers.packets.Load(),
		BytesFromPeers:     c.fromPeers.bytes.Load(),
		PermissionsRefused: c.refused.Load(),
		AuthFailures:       c.authFailures.Load(),
	}
}
