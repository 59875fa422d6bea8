#!/usr/bin/env bash
# Renders harbormaster.svg to the PNG sizes the desktops ask for (freedesktop 16–512), a Windows .ico (16–256)
# and a macOS .icns (16–1024, written by icns.py).
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and python3. The outputs are committed: the build
# itself needs none of them.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" harbormaster.svg -o "harbormaster-$size.png"
done
convert harbormaster-16.png harbormaster-24.png harbormaster-32.png harbormaster-48.png harbormaster-64.png \
  harbormaster-256.png harbormaster.ico
python3 icns.py harbormaster.icns harbormaster
