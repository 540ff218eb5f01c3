#!/usr/bin/env bash
# Measures the embedded TURN relay (internal/relay) against Debian's coturn,
# side by side on 127.0.0.1, with coturn's own load tool: turnutils_uclient
# sends CLIENTS x MESSAGES packets of LENGTH bytes through each relay to a
# turnutils_peer echo and counts what comes back. The server's CPU time
# (utime+stime from /proc/PID/stat) per packet is the number to compare, per
# datagram the server relayed (to and from peers, by its own count: coturn's
# session usage log, our relay's counters) and per round trip uclient sent;
# wall time is mostly the client's.
#
# Two load levels: the current one (CLIENTS clients, MESSAGES each) and 4x it
# (4 x CLIENTS clients at once: every burst uclient sends is four times as
# large; MESSAGES/4 each, so that a run carries as many packets and stays
# short). The systems are interleaved (coturn, ours, ours, coturn, ...) so that
# the machine's noise hits both; each round prints both sides and their ratio,
# and the summary gives the median ratio per level.
#
# Usage: scripts/turn-bench.sh
# Environment: ROUNDS (3; e.g. 9 for a longer, steadier run) CLIENTS (20)
# MESSAGES (5000) LENGTH (170) LOADS ("1 4": multiples of CLIENTS) PORT_BASE
# (34780: coturn, +10 ours, +20 the peer) PROFILE=FILE (a CPU profile of our
# relay over the whole run) RELAYBENCH=PATH (a prebuilt
# internal/relay/relaybench binary, e.g. to compare two versions).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-3}
clients=${CLIENTS:-20}
messages=${MESSAGES:-5000}
length=${LENGTH:-170}
loads=${LOADS:-1 4}
base=${PORT_BASE:-34780}
coturn_port=$base
ours_port=$((base + 10))
peer_port=$((base + 20))
realm=interviewdesk
run_timeout=${RUN_TIMEOUT:-180}

die() { echo "turn-bench: $*" >&2; exit 1; }

if ! command -v turnserver >/dev/null || ! command -v turnutils_uclient >/dev/null || ! command -v turnutils_peer >/dev/null; then
  sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "turn-bench: installing coturn" >&2
  $sudo apt-get install -y coturn >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y coturn >&2; } ||
    die "cannot install coturn (apt-get install coturn)"
fi

if command -v ss >/dev/null; then
  for p in $coturn_port $ours_port $peer_port $((peer_port + 1)); do
    ss -Hlun "sport = :$p" | grep -q . && die "UDP port $p is busy; set PORT_BASE"
    ss -Hltn "sport = :$p" | grep -q . && die "TCP port $p is busy; set PORT_BASE"
  done
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')

relaybench=${RELAYBENCH:-}
if [ -z "$relaybench" ]; then
  echo "turn-bench: building relaybench" >&2
  go build -o "$work/relaybench" ./internal/relay/relaybench
  relaybench=$work/relaybench
fi

# wait_udp PORT: until something listens on 127.0.0.1:PORT/udp (5 s at most).
wait_udp() {
  for _ in $(seq 1 100); do
    ss -Hlun "sport = :$1" | grep -q . && return 0
    sleep 0.05
  done
  die "nothing listens on UDP port $1"
}

turnutils_peer -L 127.0.0.1 -p "$peer_port" >"$work/peer.log" 2>&1 &
pids+=($!)

# -v: coturn logs each session's usage (packets to and from peers), not
# each packet.
turnserver -n -v --no-cli --no-tls --no-dtls --no-rfc5780 --no-stun-backward-compatibility \
  -L 127.0.0.1 --relay-ip 127.0.0.1 -p "$coturn_port" \
  --use-auth-secret --static-auth-secret="$secret" --realm "$realm" --allow-loopback-peers \
  --db "$work/turndb" --log-file "$work/coturn.log" --simple-log --no-stdout-log \
  --pidfile "$work/coturn.pid" >"$work/coturn.out" 2>&1 &
coturn_pid=$!
pids+=($coturn_pid)

profile_flag=()
[ -n "${PROFILE:-}" ] && profile_flag=(-cpuprofile "$work/cpu.pprof")
"$relaybench" -listen "127.0.0.1:$ours_port" -secret "$secret" -realm "$realm" "${profile_flag[@]}" \
  >"$work/ours.json" 2>"$work/ours.log" &
ours_pid=$!
pids+=($ours_pid)

wait_udp "$peer_port"
wait_udp "$coturn_port" || { cat "$work/coturn.out" "$work/coturn.log" >&2; exit 1; }
wait_udp "$ours_port" || { cat "$work/ours.log" >&2; exit 1; }

tck=$(getconf CLK_TCK)
# cpu_ms PID: the process's user+system CPU time so far, in ms.
cpu_ms() {
  local f
  read -r -a f < <(sed 's/^.*) //' "/proc/$1/stat")
  echo $(((f[11] + f[12]) * 1000 / tck))
}
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# relayed_ours: datagrams our relay sent to and received from peers so far
# (it prints its counters at SIGUSR1).
relayed_ours() {
  local lines
  lines=$(wc -l <"$work/ours.json")
  kill -USR1 "$ours_pid"
  for _ in $(seq 1 100); do
    [ "$(wc -l <"$work/ours.json")" -gt "$lines" ] && break
    sleep 0.05
  done
  tail -1 "$work/ours.json" | sed -n 's/.*"packetsToPeers":\([0-9]*\).*"packetsFromPeers":\([0-9]*\).*/\1 \2/p' |
    awk '{ print $1 + $2 }'
}

# relayed_coturn FROM SESSIONS: datagrams coturn sent to and received from
# peers in the sessions its log reports after line FROM, once SESSIONS of them
# have closed (10 s at most).
relayed_coturn() {
  local log=$work/coturn.log
  for _ in $(seq 1 200); do
    [ "$(tail -n +"$(($1 + 1))" "$log" | grep -c ': peer .* deleted')" -ge "$2" ] && break
    sleep 0.05
  done
  tail -n +"$(($1 + 1))" "$log" | sed -n 's/.*peer usage: .* rp=\([0-9]*\), .* sp=\([0-9]*\), .*/\1 \2/p' |
    awk '{ n += $1 + $2 } END { print n + 0 }'
}

# watch_drops PID OUT: until killed, appends "inode drops" for each UDP
# socket PID holds (from /proc/net/udp*) to OUT, four times a second, so that
# the drops of relay sockets that live for one run are seen too.
watch_drops() {
  while :; do
    # ls fails on an fd that closes while it lists them: take the others.
    { ls -l "/proc/$1/fd" 2>/dev/null || true; } | sed -n 's/.*socket:\[\([0-9]*\)\]$/\1/p' |
      awk 'FNR == NR { mine[$1] = 1; next } FNR > 1 && ($10 in mine) { print $10, $13 }' - /proc/net/udp /proc/net/udp6 >>"$2" || true
    sleep 0.25
  done
}

# drops_seen OUT: datagrams the sockets in OUT dropped while watched.
drops_seen() { awk '!($1 in lo) { lo[$1] = $2 } { hi[$1] = $2 } END { for (k in hi) n += hi[k] - lo[k]; print n + 0 }' "$1"; }

# drive NAME CLIENTS MESSAGES: one uclient run against a server; sets
# run_packets (round trips sent), run_lost, run_dropped (datagrams the
# server's own sockets dropped: part of run_lost), run_relayed (datagrams the
# server relayed) and run_cpu (ms).
drive() {
  local name=$1 m=$2 n=$3 port pid out="$work/uclient-$1.log" c0 c1 t0 t1 r0 line watcher
  port=$ours_port pid=$ours_pid
  [ "$name" = coturn ] && port=$coturn_port pid=$coturn_pid
  if [ "$name" = coturn ]; then line=$(wc -l <"$work/coturn.log"); else r0=$(relayed_ours); fi
  : >"$work/drops"
  watch_drops "$pid" "$work/drops" &
  watcher=$!
  c0=$(cpu_ms "$pid")
  t0=$(date +%s%N)
  timeout "$run_timeout" turnutils_uclient -m "$m" -n "$n" -l "$length" -z 0 -c \
    -e 127.0.0.1 -r "$peer_port" -p "$port" -W "$secret" -u bench 127.0.0.1 >"$out" 2>&1 ||
    { tail -20 "$out" >&2; die "turnutils_uclient against $name failed or timed out"; }
  t1=$(date +%s%N)
  c1=$(cpu_ms "$pid")
  kill "$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  run_dropped=$(drops_seen "$work/drops")
  run_packets=$(sed -n 's/.*start_mclient: tot_send_msgs=\([0-9]*\), tot_recv_msgs=.*/\1/p' "$out" | tail -1)
  run_lost=$(sed -n 's/.*Total lost packets \([0-9]*\) .*/\1/p' "$out" | tail -1)
  [ -n "$run_packets" ] && [ -n "$run_lost" ] || { tail -20 "$out" >&2; die "cannot read uclient's totals for $name"; }
  run_cpu=$((c1 - c0))
  if [ "$name" = coturn ]; then
    run_relayed=$(relayed_coturn "$line" "$m")
  else
    run_relayed=$(($(relayed_ours) - r0))
  fi
  printf 'turn-bench: %-6s -m %-3d packets=%d lost=%d (%d at its sockets) relayed=%d wall=%d ms cpu=%d ms load=%s\n' \
    "$name" "$m" "$run_packets" "$run_lost" "$run_dropped" "$run_relayed" $(((t1 - t0) / 1000000)) "$run_cpu" "$(loadavg)" >&2
}

# per_packet CPU_MS PACKETS: CPU µs per packet.
per_packet() { awk -v c="$1" -v p="$2" 'BEGIN { if (p > 0) printf "%.2f", c * 1000 / p; else print "n/a" }'; }
ratio() { awk -v o="$1" -v c="$2" 'BEGIN { if (c + 0 > 0 && o + 0 > 0) printf "%.2f", o / c; else print "n/a" }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Per load level k: the rounds' ratios (per relayed datagram, per round trip)
# and the sums over rounds, by side.
declare -A ratio_relayed ratio_trip sum
add() { sum[$1]=$((${sum[$1]:-0} + $2)); }
rows=()
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$rounds"); do
  order="coturn ours"
  [ $((round % 2)) -eq 0 ] && order="ours coturn"
  for k in $loads; do
    m=$((clients * k))
    n=$((messages / k))
    declare -A cpu trips lost dropped relayed
    for name in $order; do
      drive "$name" "$m" "$n"
      cpu[$name]=$run_cpu trips[$name]=$run_packets lost[$name]=$run_lost dropped[$name]=$run_dropped relayed[$name]=$run_relayed
      add "$k,$name,dropped" "$run_dropped"
      add "$k,$name,cpu" "$run_cpu"
      add "$k,$name,trips" "$run_packets"
      add "$k,$name,lost" "$run_lost"
      add "$k,$name,relayed" "$run_relayed"
    done
    rel_co=$(per_packet "${cpu[coturn]}" "${relayed[coturn]}") rel_us=$(per_packet "${cpu[ours]}" "${relayed[ours]}")
    trip_co=$(per_packet "${cpu[coturn]}" "${trips[coturn]}") trip_us=$(per_packet "${cpu[ours]}" "${trips[ours]}")
    r_rel=$(ratio "$rel_us" "$rel_co") r_trip=$(ratio "$trip_us" "$trip_co")
    ratio_relayed[$k]="${ratio_relayed[$k]:-} $r_rel" ratio_trip[$k]="${ratio_trip[$k]:-} $r_trip"
    rows+=("$(printf '| %d× (-m %d -n %d) | %d | %s | %s | **%s** | %s | %s | %s | %d (%d) | %d (%d) | %s |' \
      "$k" "$m" "$n" "$round" "$rel_co" "$rel_us" "$r_rel" "$trip_co" "$trip_us" "$r_trip" \
      "${lost[coturn]}" "${dropped[coturn]}" "${lost[ours]}" "${dropped[ours]}" "$(loadavg)")")
    unset cpu trips lost dropped relayed
  done
done

kill "$ours_pid"
wait "$ours_pid" || true
if [ -n "${PROFILE:-}" ]; then
  cp "$work/cpu.pprof" "$PROFILE"
  echo "turn-bench: CPU profile of our relay in $PROFILE" >&2
fi

coturn_version=$(dpkg-query -W -f='${Version}' coturn 2>/dev/null | sed 's/-.*//')
echo
echo "TURN relay vs coturn $coturn_version: turnutils_uclient -l $length -z 0 -c on 127.0.0.1, $(nproc) CPUs,"
echo "interleaved, $rounds round(s) per load; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
echo "CPU µs per relayed datagram (to or from a peer, by the server's own count) and per round trip uclient sent;"
echo "round trips lost, and in brackets the datagrams the server's own sockets dropped (the rest were lost at"
echo "uclient's and turnutils_peer's sockets)."
echo
echo "| load | round | coturn µs / datagram | ours µs / datagram | ours/coturn | coturn µs / round trip | ours µs / round trip | ours/coturn | coturn lost | ours lost | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
verdict=met
for k in $loads; do
  g() { echo "${sum[$k,$1,$2]:-0}"; }
  med_rel=$(echo "${ratio_relayed[$k]}" | median) med_trip=$(echo "${ratio_trip[$k]}" | median)
  all_rel=$(ratio "$(per_packet "$(g ours cpu)" "$(g ours relayed)")" "$(per_packet "$(g coturn cpu)" "$(g coturn relayed)")")
  printf '%d× load: CPU per relayed datagram ours/coturn median %s (rounds:%s; all rounds together %s), per round trip median %s (rounds:%s); lost ours %d of %d round trips (%d datagrams at its sockets), coturn %d of %d (%d)\n' \
    "$k" "$med_rel" "${ratio_relayed[$k]}" "$all_rel" "$med_trip" "${ratio_trip[$k]}" \
    "$(g ours lost)" "$(g ours trips)" "$(g ours dropped)" "$(g coturn lost)" "$(g coturn trips)" "$(g coturn dropped)"
  for r in "$med_rel" "$med_trip"; do
    awk -v r="$r" 'BEGIN { exit !(r + 0 > 0 && r + 0 <= 1.0) }' || verdict="not met"
  done
  [ "$(g ours lost)" -le "$(g coturn lost)" ] || verdict="not met"
done
echo "Goal (CPU per packet ≤ 1.0× coturn's, per datagram and per round trip, and loss ≤ coturn's, at every load): $verdict"
echo "Our relay's own counters at the end: $(tail -1 "$work/ours.json")"
