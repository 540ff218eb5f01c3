#!/usr/bin/env bash
# Builds the console (Vite) and the desktop binary build/bin/interviewdesk, which
# embeds it. The same binary runs `serve` and the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd frontend && npm run build --silent)
version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
go build -tags production,webkit2_41 -ldflags "-X main.version=$version" -o build/bin/interviewdesk .
echo "built build/bin/interviewdesk ($version)"
