#!/usr/bin/env bash
# Start-up benchmark: runs an installed (or app-image) launcher N times with --sandbox --smoke, each with a fresh
# data directory, and prints each run's time from process start to the first painted window (and the CPU the
# process had used by then) and to the embedded sandbox being up (its environments offered), as the app logs them,
# the wall time to exit and the CPU time in all, then the medians. Under Xvfb when there is no display.
#   packaging/jpackage/startup-bench.sh <launcher> [runs=5] [extra options…]
set -euo pipefail
launcher=${1:?launcher}; runs=${2:-5}; shift $(( $# > 1 ? 2 : 1 ))
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$launcher" "$runs" "$@"
fi
painted=(); paintcpus=(); ups=(); walls=(); cpus=()
TIMEFORMAT='%U %S'
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  start=$(date +%s%N)
  { time HOME=$home XDG_DATA_HOME=$home "$launcher" --sandbox --smoke "$@" >"$home/out.log" 2>&1 ; } 2>"$home/cpu" \
    || { cat "$home/out.log" >&2; echo "run $i failed" >&2; exit 1; }
  end=$(date +%s%N)
  p=$(grep -o 'first window painted [0-9]*' "$home/out.log" | grep -o '[0-9]*$' | head -1 || true)
  pc=$(grep -o 'first window painted [0-9]* ms after process start (CPU [0-9]*' "$home/out.log" \
    | grep -o '[0-9]*$' | head -1 || true)
  u=$(grep -o 'sandbox up [0-9]*' "$home/out.log" | grep -o '[0-9]*$' | head -1 || true)
  w=$(( (end - start) / 1000000 ))
  c=$(awk '{printf "%d", ($1 + $2) * 1000}' "$home/cpu")
  printf 'run %d: first window painted %s ms after process start (CPU %s ms); sandbox up %s ms; exited after %d ms; CPU %d ms\n' \
    "$i" "${p:-?}" "${pc:-?}" "${u:-?}" "$w" "$c"
  painted+=("${p:-0}"); paintcpus+=("${pc:-0}"); ups+=("${u:-0}"); walls+=("$w"); cpus+=("$c")
  rm -rf "$home"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median of %d: first window painted %s ms (CPU %s ms), sandbox up %s ms, exit %s ms, CPU %s ms (load average %s)\n' \
  "$runs" "$(median "${painted[@]}")" "$(median "${paintcpus[@]}")" "$(median "${ups[@]}")" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
