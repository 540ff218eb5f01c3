#!/usr/bin/env bash
# Builds InterviewDesk's installable packages into build/bin/ (`make package`):
#   interviewdesk_VERSION_amd64.deb    Debian/Ubuntu: the desktop binary in /usr/bin,
#                                      the menu entry, the icon in the hicolor theme,
#                                      the run-time dependencies declared
#   interviewdesk.exe                  Windows (amd64), cross-compiled without cgo by the
#                                      Wails CLI, with the icon, version information and
#                                      manifest of build/windows/ embedded
#   interviewdesk-amd64-installer.exe  the NSIS installer, where makensis is installed
# VERSION is wails.json's info.productVersion. Only the .deb: ONLY=deb; only Windows:
# ONLY=windows. SKIP_BUILD=1 packages the build/bin/interviewdesk already built.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
[ -n "$version" ] || { echo "package: no info.productVersion in wails.json" >&2; exit 1; }
build=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
only=${ONLY:-}

deb() {
  if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -x build/bin/interviewdesk ]; then
    bash scripts/build.sh # the console and build/bin/interviewdesk, as `make build`
  fi
  local root=build/pkg/deb deb=build/bin/interviewdesk_${version}_amd64.deb
  rm -rf "$root"
  install -D -m 0755 build/bin/interviewdesk "$root/usr/bin/interviewdesk"
  install -D -m 0644 build/linux/interviewdesk.desktop "$root/usr/share/applications/interviewdesk.desktop"
  (cd build/linux && find hicolor -type f) | while read -r icon; do
    install -D -m 0644 "build/linux/$icon" "$root/usr/share/icons/$icon"
  done
  install -d "$root/DEBIAN"
  sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" \
    build/linux/control >"$root/DEBIAN/control"
  # gzip: readable by every dpkg, and quick enough for each CI run (xz takes 5× longer).
  dpkg-deb -Zgzip --root-owner-group --build "$root" "$deb" >/dev/null
  rm -rf "$root"
  echo "package: $deb ($(du -h "$deb" | cut -f1))"
}

windows() {
  if [ ! -f frontend/dist/index.html ]; then (cd frontend && npm run build --silent); fi
  local nsis=()
  if command -v makensis >/dev/null; then
    nsis=(-nsis)
  else
    echo "package: makensis not found (Debian package nsis): no Windows installer, only the .exe"
  fi
  # -s: the console is built; -m: go.mod is tidy; -skipbindings: the console calls
  # window.go directly, and generating bindings would run a Windows binary.
  CGO_ENABLED=0 go tool wails build -platform windows/amd64 -s -m -skipbindings -trimpath "${nsis[@]}" \
    -ldflags "-X main.version=$build" >build/bin/wails-windows.log 2>&1 ||
    { cat build/bin/wails-windows.log; exit 1; }
  rm -rf build/windows/installer/tmp
  echo "package: build/bin/interviewdesk.exe ($(du -h build/bin/interviewdesk.exe | cut -f1))"
  [ ${#nsis[@]} -eq 0 ] || echo "package: build/bin/interviewdesk-amd64-installer.exe ($(du -h build/bin/interviewdesk-amd64-installer.exe | cut -f1))"
}

mkdir -p build/bin
[ "$only" = windows ] || deb
[ "$only" = deb ] || windows
