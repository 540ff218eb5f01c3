#!/usr/bin/env bash
# Tests the packages scripts/package.sh built, on this machine:
#   - the .deb installs with dpkg -i (apt-get -f brings what it depends on), puts
#     the binary in /usr/bin, a menu entry that validates and the icon in the
#     hicolor theme; the installed app starts under Xvfb and shows its first
#     screen (scripts/desktop-smoke.sh); dpkg -r then removes every file it
#     installed, and apt-get removes what it brought;
#   - the Windows .exe (and the installer, when it was built) is a PE32+ GUI
#     program carrying InterviewDesk's icon and version information.
# Needs root, or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
deb=build/bin/interviewdesk_${version}_amd64.deb
exe=build/bin/interviewdesk.exe
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
fail() { echo "package test: $*" >&2; exit 1; }
[ -f "$deb" ] && [ -f "$exe" ] || fail "build the packages first: make package"

# --- Windows ---------------------------------------------------------------
file -b "$exe" | grep -q 'PE32+ executable (GUI) x86-64' || fail "$exe is not a Windows GUI program: $(file -b "$exe")"
python3 - "$exe" build/windows/icon.ico "$version" <<'PY'
import struct, sys
exe, ico, version = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read(), sys.argv[3]
count = struct.unpack_from('<H', ico, 4)[0]
for i in range(count):  # every image of icon.ico is a resource of the .exe
    size, offset = struct.unpack_from('<II', ico, 6 + 16 * i + 8)
    if ico[offset:offset + size] not in exe:
        sys.exit(f'package test: image {i + 1} of icon.ico is not in the .exe')
wide = lambda s: s.encode('utf-16-le')
for key, value in [('ProductName', 'InterviewDesk'), ('ProductVersion', version), ('LegalCopyright', 'InterviewDesk')]:
    at = exe.find(wide(key))
    if at < 0 or wide(value) not in exe[at:at + 200]:
        sys.exit(f'package test: the .exe has no version information {key} = {value}')
PY
echo "package test: $exe is a Windows GUI program with the icon and version $version"
installer=build/bin/interviewdesk-amd64-installer.exe
if [ -f "$installer" ]; then
  file -b "$installer" | grep -q 'PE32 executable (GUI)' || fail "$installer is not a Windows program"
  echo "package test: $installer built ($(du -h "$installer" | cut -f1))"
fi

# --- Debian package --------------------------------------------------------
if dpkg-query -W -f='${Status}' interviewdesk 2>/dev/null | grep -q "install ok installed"; then
  fail "interviewdesk is installed on this machine; this test would replace and remove it. Remove it first (dpkg -r interviewdesk)."
fi
files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' | grep -v '/$')
depends=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' ')
missing=()
for p in $depends; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
cleanup() {
  $sudo dpkg -r interviewdesk >/dev/null 2>&1 || true
  [ ${#missing[@]} -eq 0 ] || $sudo apt-get remove -y -qq "${missing[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if ! $sudo dpkg -i "$deb" >build/bin/dpkg.log 2>&1; then
  [ ${#missing[@]} -gt 0 ] || { cat build/bin/dpkg.log; fail "dpkg -i failed"; }
  echo "package test: installing what it depends on: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -f -y -qq >>build/bin/dpkg.log 2>&1 || { cat build/bin/dpkg.log; fail "apt-get -f failed"; }
fi
dpkg-query -W -f='${Status}' interviewdesk | grep -q "install ok installed" || fail "interviewdesk is not installed after dpkg -i"
[ -x /usr/bin/interviewdesk ] || fail "no /usr/bin/interviewdesk"
desktop-file-validate /usr/share/applications/interviewdesk.desktop || fail "the menu entry does not validate"
grep -q '^Icon=interviewdesk$' /usr/share/applications/interviewdesk.desktop || fail "the menu entry names no icon"
for size in 16x16 32x32 48x48 128x128 256x256 512x512 scalable; do
  ls /usr/share/icons/hicolor/$size/apps/interviewdesk.* >/dev/null 2>&1 || fail "no $size icon in the hicolor theme"
done
echo "package test: $deb installed: /usr/bin/interviewdesk, a valid menu entry, the icon in the hicolor theme"

# The installed app, as a recruiter starts it from the menu.
BIN=/usr/bin/interviewdesk ONLY_CONSOLE=1 bash scripts/desktop-smoke.sh

$sudo dpkg -r interviewdesk >/dev/null
left=()
for f in $files; do [ ! -e "$f" ] || left+=("$f"); done
[ ${#left[@]} -eq 0 ] || fail "dpkg -r left ${left[*]}"
dpkg-query -W -f='${Status}' interviewdesk 2>/dev/null | grep -q "install ok installed" && fail "still installed after dpkg -r"
echo "package test: dpkg -r removed every file the package installed"
