#!/usr/bin/env bash
# Installs what is missing, builds the desktop app and starts it. Extra arguments
# go to the app (e.g. --data DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh run
bash scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found. Start the desktop app from a graphical session, or run the host headless:"
  echo "  build/bin/interviewdesk serve"
  exit 1
fi
exec build/bin/interviewdesk "$@"
