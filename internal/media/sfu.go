package media

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/webrtc/v4"
)

var (
	_ Backend = (*SFU)(nil)
	_ Session = (*Participant)(nil)
)

// SFU is the media host: it terminates every participant's WebRTC peer
// connection, forwards each incoming track to the room's other participants
// and records it (unless the room's recording is switched off).
type SFU struct {
	cfg Config
	log *slog.Logger

	udpMux ice.UDPMux
	tcpMux ice.TCPMux
	api    *webrtc.API
	events *eventQueue

	// finaliseSlots bounds concurrent ffmpeg runs.
	finaliseSlots chan struct{}
	recordings    *recordingIndex

	startedAt time.Time
	rtpIn     atomic.Uint64 // RTP packets received from publishers (benchmarks)

	mu    sync.Mutex
	rooms map[string]*Room
	// notRecorded are the rooms whose recording is switched off, by ID: the
	// switch outlives a closed (forgotten) Room.
	notRecorded map[string]bool
	started     bool
	closed      bool

	wg sync.WaitGroup // event dispatcher, crash recovery
}

// New checks cfg and prepares an SFU; Start makes it serve. From New on the
// SFU owns cfg.ICEConn and cfg.ICETCPListener: Close closes them.
func New(cfg Config, log *slog.Logger) (*SFU, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	if cfg.RecordDir != "" && cfg.FFmpeg == "" {
		log.Warn("ffmpeg not found: recordings will not be finalised (playable, not seekable)")
	}
	return &SFU{
		cfg:           cfg,
		log:           log,
		events:        newEventQueue(),
		finaliseSlots: make(chan struct{}, 2),
		recordings:    newRecordingIndex(),
		rooms:         make(map[string]*Room),
		notRecorded:   make(map[string]bool),
	}, nil
}

// Start builds the shared ICE muxes and the WebRTC API and starts the event
// dispatcher. It finalises recordings left unfinished by a crash in the
// background. ctx bounds only the start itself.
func (s *SFU) Start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.started {
		return fmt.Errorf("%w: already started", ErrInvalid)
	}
	if s.cfg.ICEConn == nil {
		s.startRecordOnly()
		return nil
	}
	lf := &pionLogs{log: s.log}
	if c, ok := s.cfg.ICEConn.(*net.UDPConn); ok {
		// Every peer's media meets this one socket: a deep buffer rides out
		// a burst or the process being descheduled for a moment instead of
		// dropping datagrams. Best effort: the kernel caps it (net.core.rmem_max).
		_ = c.SetReadBuffer(iceSocketBuffer)
		_ = c.SetWriteBuffer(iceSocketBuffer)
	}
	s.udpMux = webrtc.NewICEUDPMux(lf.NewLogger("ice-udp-mux"), s.cfg.ICEConn)
	if s.cfg.ICETCPListener != nil {
		s.tcpMux = webrtc.NewICETCPMux(lf.NewLogger("ice-tcp-mux"), s.cfg.ICETCPListener, 8)
	}
	api, err := newAPI(&s.cfg, s.udpMux, s.tcpMux, lf)
	if err != nil {
		s.closeMuxes()
		return err
	}
	s.api = api
	s.startLoops()
	s.log.Info("media host started", "udp", s.cfg.ICEConn.LocalAddr().String(), "record_dir", s.cfg.RecordDir)
	return nil
}

// Close ends every room (finalising their recordings), stops the SFU's
// goroutines and closes the ICE sockets. It waits for all of it.
func (s *SFU) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	started := s.started
	rooms := make([]*Room, 0, len(s.rooms))
	for _, r := range s.rooms {
		rooms = append(rooms, r)
	}
	s.mu.Unlock()

	for _, r := range rooms {
		_ = r.Close()
	}
	s.closeMuxes()
	if started {
		s.events.stop()
	}
	s.wg.Wait()
	return nil
}

// startLoops marks the SFU started and starts the event dispatcher and the
// crash recovery of recordings (s.mu held).
func (s *SFU) startLoops() {
	s.started = true
	s.startedAt = time.Now()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.events.run(s.cfg.OnEvent)
	}()
	if s.cfg.RecordDir != "" {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.recoverRecordings()
		}()
	}
}

func (s *SFU) closeMuxes() {
	if s.udpMux != nil {
		_ = s.udpMux.Close()
	} else if s.cfg.ICEConn != nil {
		_ = s.cfg.ICEConn.Close()
	}
	if s.tcpMux != nil {
		_ = s.tcpMux.Close()
	} else if s.cfg.ICETCPListener != nil {
		_ = s.cfg.ICETCPListener.Close()
	}
}

// Room returns the room with this ID, creating it on first use. A closed
// room is forgotten: the next call creates a fresh one. After SFU.Close the
// returned room refuses joins.
func (s *SFU) Room(id string) *Room {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.rooms[id]; ok {
		return r
	}
	r := newRoom(s, id, !s.notRecorded[id])
	if s.closed {
		r.closed = true
		return r
	}
	s.rooms[id] = r
	return r
}

// forgetRoom drops a closed room from the map.
func (s *SFU) forgetRoom(r *Room) {
	s.mu.Lock()
	if s.rooms[r.id] == r {
		delete(s.rooms, r.id)
	}
	s.mu.Unlock()
}

// Join is Room(room).Join, for the Backend interface.
func (s *SFU) Join(ctx context.Context, room string, p ParticipantInfo, sig Signal, opt JoinOptions) (Session, error) {
	part, err := s.Room(room).Join(ctx, p, sig, opt)
	if err != nil {
		return nil, err
	}
	return part, nil
}

// CloseRoom is Room(room).Close for a room that exists; otherwise nothing.
func (s *SFU) CloseRoom(room string) error {
	s.mu.Lock()
	r, ok := s.rooms[room]
	s.mu.Unlock()
	if !ok {
		return nil
	}
	return r.Close()
}

func (s *SFU) emit(e Event) {
	if e.Time.IsZero() {
		e.Time = s.cfg.Now()
	}
	s.events.push(e)
}

func (s *SFU) isStarted() (bool, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started, s.closed
}
