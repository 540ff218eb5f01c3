#!/usr/bin/env bash
# Renders InterviewDesk's icon (build/appicon.svg) into every file that carries it:
# build/appicon.png (1024×1024, Wails' source icon), the Linux hicolor theme sizes
# in build/linux/hicolor/ and build/windows/icon.ico. The outputs are committed, so
# only run this after changing the SVG. Needs rsvg-convert (librsvg2-bin) and
# ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/../build"
svg=appicon.svg
rsvg-convert -w 1024 -h 1024 "$svg" -o appicon.png
sizes=(16 22 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  dir=linux/hicolor/${s}x${s}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$dir/interviewdesk.png"
done
mkdir -p linux/hicolor/scalable/apps
cp "$svg" linux/hicolor/scalable/apps/interviewdesk.svg
ico=()
for s in 16 24 32 48 64 128 256; do ico+=("linux/hicolor/${s}x${s}/apps/interviewdesk.png"); done
mkdir -p windows
convert "${ico[@]}" windows/icon.ico
echo "icons: rendered from build/$svg"
