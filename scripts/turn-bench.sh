#!/usr/bin/env bash
# Measures the embedded TURN relay (internal/relay) against Debian's coturn,
# side by side on 127.0.0.1, with coturn's own load tool: turnutils_uclient
# sends CLIENTS x MESSAGES packets of LENGTH bytes through each relay to a
# turnutils_peer echo and counts what comes back. The server's CPU time
# (utime+stime from /proc/PID/stat) per relayed packet is the number to compare;
# wall time is mostly the client's.
#
# Usage: scripts/turn-bench.sh
# Environment: CLIENTS (20) MESSAGES (5000) LENGTH (170) RUNS (3, alternating
# which server goes first) PORT_BASE (34780: coturn, +10 ours, +20 the peer)
# PROFILE=FILE (write a CPU profile of our relay to FILE) RELAYBENCH=PATH (a
# prebuilt internal/relay/relaybench binary, e.g. to compare two versions).
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${CLIENTS:-20}
messages=${MESSAGES:-5000}
length=${LENGTH:-170}
runs=${RUNS:-3}
base=${PORT_BASE:-34780}
coturn_port=$base
ours_port=$((base + 10))
peer_port=$((base + 20))
realm=interviewdesk
run_timeout=${RUN_TIMEOUT:-120}

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

turnserver -n --no-cli --no-tls --no-dtls --no-rfc5780 --no-stun-backward-compatibility \
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

declare -A packets lost wall cpu
packets=([coturn]=0 [ours]=0) lost=([coturn]=0 [ours]=0) wall=([coturn]=0 [ours]=0) cpu=([coturn]=0 [ours]=0)

# drive NAME PORT PID: one uclient run against a server; adds to the totals.
drive() {
  local name=$1 port=$2 pid=$3 out="$work/uclient-$1.log" c0 c1 t0 t1 sent lostn
  c0=$(cpu_ms "$pid")
  t0=$(date +%s%N)
  timeout "$run_timeout" turnutils_uclient -m "$clients" -n "$messages" -l "$length" -z 0 -c \
    -e 127.0.0.1 -r "$peer_port" -p "$port" -W "$secret" -u bench 127.0.0.1 >"$out" 2>&1 ||
    { tail -20 "$out" >&2; die "turnutils_uclient against $name failed or timed out"; }
  t1=$(date +%s%N)
  c1=$(cpu_ms "$pid")
  sent=$(sed -n 's/.*start_mclient: tot_send_msgs=\([0-9]*\), tot_recv_msgs=.*/\1/p' "$out" | tail -1)
  lostn=$(sed -n 's/.*Total lost packets \([0-9]*\) .*/\1/p' "$out" | tail -1)
  [ -n "$sent" ] && [ -n "$lostn" ] || { tail -20 "$out" >&2; die "cannot read uclient's totals for $name"; }
  packets[$name]=$((packets[$name] + sent))
  lost[$name]=$((lost[$name] + lostn))
  wall[$name]=$((wall[$name] + (t1 - t0) / 1000000))
  cpu[$name]=$((cpu[$name] + c1 - c0))
  printf 'turn-bench: run %-6s packets=%d lost=%d wall=%d ms cpu=%d ms\n' \
    "$name" "$sent" "$lostn" $(((t1 - t0) / 1000000)) $((c1 - c0)) >&2
}

for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then
    drive coturn "$coturn_port" "$coturn_pid"
    drive ours "$ours_port" "$ours_pid"
  else
    drive ours "$ours_port" "$ours_pid"
    drive coturn "$coturn_port" "$coturn_pid"
  fi
done

kill "$ours_pid"
wait "$ours_pid" || true
if [ -n "${PROFILE:-}" ]; then
  cp "$work/cpu.pprof" "$PROFILE"
  echo "turn-bench: CPU profile of our relay in $PROFILE" >&2
fi

per_k() { awk -v c="$1" -v p="$2" 'BEGIN { if (p > 0) printf "%.3f", c * 1000 / p; else print "n/a" }'; }
coturn_k=$(per_k "${cpu[coturn]}" "${packets[coturn]}")
ours_k=$(per_k "${cpu[ours]}" "${packets[ours]}")

echo
echo "TURN relay, $runs run(s) of turnutils_uclient -m $clients -n $messages -l $length -z 0 -c on 127.0.0.1 ($(nproc) CPUs)"
echo
echo "| server | packets | lost | wall s | CPU ms | CPU ms / 1,000 packets |"
echo "|---|---:|---:|---:|---:|---:|"
for name in coturn ours; do
  label=$name
  [ "$name" = coturn ] && label="coturn $(dpkg-query -W -f='${Version}' coturn 2>/dev/null | sed 's/-.*//')"
  [ "$name" = ours ] && label="relay (pion/turn $(go list -m -f '{{.Version}}' github.com/pion/turn/v5))"
  k=$coturn_k
  [ "$name" = ours ] && k=$ours_k
  printf '| %s | %d | %d | %.1f | %d | %s |\n' "$label" "${packets[$name]}" "${lost[$name]}" \
    "$(awk -v w="${wall[$name]}" 'BEGIN { print w / 1000 }')" "${cpu[$name]}" "$k"
done
echo
awk -v o="$ours_k" -v c="$coturn_k" 'BEGIN {
  if (c + 0 > 0 && o + 0 > 0) printf "CPU per packet, ours/coturn: %.2f (coturn/ours efficiency: %.2f)\n", o / c, c / o }'
echo "Our relay's own counters: $(cat "$work/ours.json")"
echo "(packets = round trips: each is relayed twice, client->peer and peer->client)"
