#!/usr/bin/env bash
# Runs every test: Go (with the race detector), the frontend's unit tests, the
# console's end-to-end tests in headless Chromium against the real host, the
# desktop smoke test under Xvfb, and the packages: the .deb installed, started
# and removed, the Windows .exe checked. Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/deps.sh test

step "go: format and vet"
unformatted=$(gofmt -l main.go main_test.go shutdown_test.go app internal)
[ -z "$unformatted" ] || { echo "gofmt would change: $unformatted"; exit 1; }
go vet ./...
GOOS=windows go build ./... # the Windows .exe builds from the same code

step "LiveKit server v1.11.0 for the LiveKit backend's tests (built once, cached)"
LIVEKIT_SERVER=$(bash scripts/livekit-server.sh)
export LIVEKIT_SERVER

step "go: tests (race detector)"
go test -race -count=1 ./...

step "frontend: types and unit tests"
(cd frontend && npm run typecheck --silent && npm test --silent)

step "build: console and desktop binary"
bash scripts/build.sh

step "frontend: end-to-end in headless Chromium"
(cd frontend && INTERVIEWDESK_BIN="$PWD/../build/bin/interviewdesk" npm run test:e2e --silent)

step "frontend: the shared editor in headless Chromium"
(cd frontend && npx vitest run --configLoader runner --config src/room/code/browser/vitest.config.ts --silent)

step "desktop: smoke test under Xvfb"
SKIP_BUILD=1 bash scripts/desktop-smoke.sh

step "packages: the .deb and the Windows .exe, built and tested"
SKIP_BUILD=1 bash scripts/package.sh
bash scripts/package-test.sh

step "all tests passed"
