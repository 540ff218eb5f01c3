#!/usr/bin/env bash
# Prints InterviewDesk's benchmarks as one table: store, room-log, candidate search (p50/p99), media and
# relay benchmarks (go test -bench), the desktop app's cold start to first screen and
# the join time in real Chromium; the density of recorded interviews on one host
# (DENSITY_STEPS, default "10 25 50 75", DENSITY_SECONDS each, default 30;
# DENSITY_BENCH=0 skips it); then the TURN relay against coturn (TURN_BENCH=0
# skips that part, which takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${COLD_START_RUNS:-5}
raw=$(mktemp)
go test -run '^$' -bench . -benchmem -benchtime "${BENCHTIME:-2s}" ./internal/... | tee "$raw" >&2

# One row per benchmark; a benchmark's own metrics (b.ReportMetric: events/s,
# p99-ms, ...) follow as rows of their own, the value in the time/op column.
rows=$(awk '/^Benchmark/ {
  name=$1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
  num="^[0-9.e+-]+$"; extra=""
  for (i = 2; i <= NF; i++) {
    u=$(i+1)
    if (u == "ns/op") ns=$i
    else if (u == "B/op") b=$i
    else if (u == "allocs/op") a=$i
    else if (i > 2 && $i ~ num && u != "" && u !~ num) {
      if (u ~ /-ms$/) { label=substr(u, 1, length(u)-3) " latency"; value=$i " ms" }
      else if (u ~ /\/s$/) { label="throughput"; value=$i " " u }
      else { label=u; value=$i " " u }
      extra=extra sprintf("\n| %s: %s | %s | – | – |", name, label, value)
    }
  }
  printf "| %s | %.3f ms | %d B | %d |%s\n", name, ns/1e6, b, a, extra
}' "$raw")

# Cold start: process start to the console's DOM ready, in a fresh data folder each run.
[ -x build/bin/interviewdesk ] || bash scripts/build.sh >&2
times=$(xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  for i in $(seq 1 "$2"); do
    data=$(mktemp -d); log=$(mktemp)
    "$1" --data "$data" --listen 127.0.0.1:0 >"$log" 2>&1 & app=$!
    for _ in $(seq 1 200); do grep -q "console ready" "$log" && break; sleep 0.1; done
    sed -n "s/.*startup_ms=\([0-9]*\).*/\1/p" "$log" | head -1
    kill $app; wait $app 2>/dev/null || true; rm -rf "$data" "$log"
  done' _ "$PWD/build/bin/interviewdesk" "$runs" | sort -n)
median=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# In real Chromium: join time, direct and through the TURN relay, interleaved
# with LiveKit server v1.11.0 in the same run (10 rounds), keystroke
# latency between two editors, playback seek over 100,000 changes, and the
# interview list's first paint with 10,000 interviews.
join_rows=$(mktemp)
(cd frontend && BENCH_ROWS="$join_rows" INTERVIEWDESK_BIN="$PWD/../build/bin/interviewdesk" npm run bench:browser --silent) >&2
worst=$(echo "$times" | tail -1)

echo
echo "| benchmark | time/op | memory/op | allocs/op |"
echo "|---|---|---|---|"
echo "$rows"
echo "| DesktopColdStartToDOMReady (median of $runs; worst ${worst} ms) | ${median} ms | – | – |"
cat "$join_rows"
rm -f "$raw" "$join_rows"

if [ "${DENSITY_BENCH:-1}" = 1 ]; then
  # Concurrent recorded 1:1 interviews of pion clients, a fresh `serve` per
  # step; the encoded media is made once into bench/out/media.
  density_rows=$(mktemp)
  go run ./internal/loadgen/density -bin build/bin/interviewdesk -rows "$density_rows" >&2
  cat "$density_rows"
  rm -f "$density_rows"
fi

if [ "${TURN_BENCH:-1}" = 1 ]; then
  echo
  echo "Embedded TURN relay vs coturn (CPU per relayed packet and loss, interleaved, at the current load and 4× it; ROUNDS=9 for a steadier figure):"
  bash scripts/turn-bench.sh
fi
