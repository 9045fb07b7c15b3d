#!/usr/bin/env bash
# Measures the desktop app's start-up time (launch until its window is mapped) and its
# memory (proportional set size of the app and its WebKit processes, 5 s after launch)
# under Xvfb, on a fresh data directory each run. Prints a Markdown table.
# Usage: scripts/measure-startup.sh [BINARY] (default: the release build); RUNS=5.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-target/release/saleguard-desktop}")
[[ -x "$binary" ]] || { echo "build it first: cargo build --release -p saleguard-desktop --features custom-protocol" >&2; exit 1; }
export BINARY=$binary RUNS=${RUNS:-5}

measure() {
  pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
  echo "| run | launch → window mapped (ms) | app PSS (MiB) | WebKit PSS (MiB) | total PSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|"
  for run in $(seq "$RUNS"); do
    data=$(mktemp -d)
    start=$(date +%s%N)
    "$BINARY" --data-dir "$data" >/dev/null 2>&1 &
    app=$!
    until xdotool search --onlyvisible --name '^Saleguard$' >/dev/null 2>&1; do sleep 0.005; done
    mapped=$(date +%s%N)
    sleep 5
    app_kib=$(pss_kib "$app")
    webkit_kib=0
    for child in $(pgrep -f 'WebKit(Web|Network)Process' || true); do
      webkit_kib=$((webkit_kib + $(pss_kib "$child")))
    done
    kill "$app"; wait "$app" 2>/dev/null || true
    rm -rf "$data"
    awk -v r="$run" -v t=$(((mapped - start) / 1000000)) -v a="$app_kib" -v w="$webkit_kib" \
      'BEGIN { printf "| %d | %d | %.0f | %.0f | %.0f |\n", r, t, a / 1024, w / 1024, (a + w) / 1024 }'
    sleep 1
  done
}
if [[ "${2:-}" == "--inside-display" ]]; then
  measure
else
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$binary" --inside-display
fi
