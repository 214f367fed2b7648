#!/usr/bin/env bash
# The console as a user starts it: a real X window (Xvfb, xcb platform), an embedded engine on a
# fresh data directory, nothing else set up. Passes when the window loads its engine, shows the
# default pool, and saves a screenshot of itself that is a real, non-empty image.
#   console_smoke.sh <path to replicadesk>
set -euo pipefail
app=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unset QT_QPA_PLATFORM
export QT_QPA_PLATFORM=xcb
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" --data-dir "$work/data" --screenshot "$work/console.png"

[ -d "$work/data/pools/default" ] || { echo "no default pool was created"; exit 1; }
[ -f "$work/data/catalog.sqlite" ] || { echo "no catalog was created"; exit 1; }
# PNG signature, then width and height from the IHDR chunk (big-endian at bytes 16..23).
sig=$(od -An -tx1 -N8 "$work/console.png" | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || { echo "screenshot is not a PNG"; exit 1; }
read -r w h < <(od -An -tu1 -j16 -N8 "$work/console.png" |
    awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
echo "console window ${w}x${h}, $(stat -c %s "$work/console.png") bytes"
[ "$w" -ge 800 ] && [ "$h" -ge 500 ] || { echo "window too small"; exit 1; }
# A blank window compresses to almost nothing; a drawn one with text and icons does not.
[ "$(stat -c %s "$work/console.png")" -gt 15000 ] || { echo "window looks empty"; exit 1; }
