#!/usr/bin/env bash
# Builds the desktop binary, starts it under Xvfb on a fresh data folder, takes a
# screenshot of the window and checks (by OCR) that it shows the console, not a
# blank or error page. The screenshot is kept in build/smoke/console.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/smoke
mkdir -p "$out"
bin=build/bin/interviewdesk
[ -x "$bin" ] && [ "${SKIP_BUILD:-}" = 1 ] || go build -tags production,webkit2_41 -o "$bin" .

data=$(mktemp -d)
log="$out/desktop.log"
export LANG=C.UTF-8 # the machines' default locale; the console must cope with navigator.language "C"
xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  "$1" --data "$2" --listen 127.0.0.1:0 >"$3" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do grep -q "console ready" "$3" && break; sleep 0.5; done
  sleep 3 # let the first screen fetch and render its data
  import -window root "$4"
  kill $app; wait $app 2>/dev/null || true
' _ "$PWD/$bin" "$data" "$log" "$out/console.png"
rm -rf "$data"

grep -q "console ready" "$log" || { echo "desktop smoke: the console never loaded; log:"; cat "$log"; exit 1; }
text=$(tesseract "$out/console.png" - 2>/dev/null | tr '\n' ' ')
missing=()
for word in InterviewDesk Interviews "Interview templates" Settings; do
  grep -qi "$word" <<<"$text" || missing+=("$word")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "desktop smoke: the window does not show the console (missing: ${missing[*]}). OCR read:"
  echo "$text"
  exit 1
fi
ms=$(sed -n 's/.*console ready.*startup_ms=\([0-9]*\).*/\1/p' "$log" | head -1)
echo "desktop smoke: console shown (start to DOM ready ${ms} ms); screenshot $out/console.png"
