#!/usr/bin/env bash
# Prints the path of a LiveKit server v1.11.0 binary, building it from the Go
# module proxy the first time (about five minutes cold) into a cache outside
# the repository, so its pion versions never mix with ours. The benchmarks'
# join-time comparison and the LiveKit media backend's tests run it with
# `--dev --bind 127.0.0.1`.
set -euo pipefail
version=v1.11.0
dir=${LIVEKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/interviewdesk/livekit-server-$version}
bin=$dir/server
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  echo "building LiveKit server $version into $dir (once)" >&2
  GOBIN=$dir GOFLAGS=-mod=mod go install "github.com/livekit/livekit-server/cmd/server@$version" >&2
fi
echo "$bin"
