#!/usr/bin/env bash
# Installs what InterviewDesk needs and is missing: Debian/Ubuntu packages (with
# sudo when not root) and the frontend's npm packages. Usage: deps.sh run|test|package|npm
# (npm: only the npm packages, which is what `wails build` runs as frontend:install).
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

run_pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev ffmpeg wordnet-base fonts-dejavu-core pocketsphinx pocketsphinx-en-us)
test_pkgs=(xvfb xauth chromium imagemagick tesseract-ocr tesseract-ocr-eng python3-icalendar coturn espeak-ng sox
  dbus-daemon libnotify-bin xdotool x11-utils curl file)
# make package: desktop-file-validate checks the menu entry, makensis builds the
# Windows installer.
package_pkgs=(desktop-file-utils nsis)
pkgs=("${run_pkgs[@]}")
[ "$purpose" = test ] && pkgs+=("${test_pkgs[@]}" "${package_pkgs[@]}")
[ "$purpose" = package ] && pkgs+=("${package_pkgs[@]}")
[ "$purpose" = npm ] && pkgs=()

die() { echo "setup: $*" >&2; exit 1; }

version_ok() { # version_ok HAVE WANT: HAVE >= WANT (dotted numbers)
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]
}

command -v go >/dev/null || die "Go 1.24 or newer is needed (https://go.dev/dl/); Debian's golang package is too old."
go_have=$(go env GOVERSION | sed 's/^go//')
version_ok "$go_have" 1.24 || die "Go $go_have is too old; install Go 1.24 or newer (https://go.dev/dl/)."
command -v node >/dev/null || die "Node.js 20.19 or newer is needed (https://nodejs.org/ or NodeSource); Debian 12's nodejs is too old."
node_have=$(node --version | sed 's/^v//')
version_ok "$node_have" 20.19 || die "Node.js $node_have is too old; install 20.19 or newer."

if [ ${#pkgs[@]} -eq 0 ]; then
  : # npm packages only
elif command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian/Ubuntu system; make sure these (or your distribution's equivalents) are installed: ${pkgs[*]}" >&2
fi

# npm packages, reinstalled only when package-lock.json changed.
stamp=frontend/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ frontend/package-lock.json -nt "$stamp" ]; then
  echo "setup: installing the frontend's npm packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
