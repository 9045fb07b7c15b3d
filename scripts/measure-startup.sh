#!/usr/bin/env bash
# Measures Saleguard's start-up and memory against a bare Tauri 2 app (bench/bare-tauri:
# the same Tauri, the same release profile, a page with one line of text), both in the
# same run, alternating, under Xvfb at 1280×800, each start on fresh data, cache and
# WebKit folders:
#   launch → window mapped   xdotool sees the window;
#   launch → first paint     the window's pixels are no longer one colour (xwd, read
#                            every few milliseconds): the first frame with content;
#   PSS                      of the app's own process tree (the app and the WebKit
#                            processes it started, nothing else on the machine), 5 s
#                            after launch.
# Prints a Markdown table (medians, with the range) and Saleguard's ratios to the bare app.
#
# Usage: scripts/measure-startup.sh [--no-build]     RUNS=7 starts of each app
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUNS=${RUNS:-7}

if [[ "${1:-}" != "--inside-display" ]]; then
  if ! command -v xwd >/dev/null; then
    echo "==> installing xwd (x11-apps), to read the window's pixels"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq x11-apps >/dev/null; else sudo apt-get install -y -qq x11-apps >/dev/null; fi
  fi
  if [[ "${1:-}" != "--no-build" ]]; then
    echo "==> building both apps (release profile)"
    scripts/build-ui.sh
    cargo build --release --locked -p saleguard-desktop -p saleguard-bare-tauri \
      --features saleguard-desktop/custom-protocol,saleguard-bare-tauri/custom-protocol
  fi
  for binary in target/release/saleguard-desktop target/release/bare-tauri; do
    printf '%s: %s\n' "$binary" "$(du -h "$binary" | cut -f1)"
  done
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" --inside-display
fi

# Prints the nanosecond clock when window $1's pixels first differ from each other.
first_paint() {
  python3 - "$1" <<'PY'
import struct, subprocess, sys, time
window = sys.argv[1]
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    dump = subprocess.run(["xwd", "-silent", "-id", window], capture_output=True).stdout
    if len(dump) >= 100:
        fields = struct.unpack(">25I", dump[:100])
        header, height, line, colours = fields[0], fields[5], fields[12], fields[19]
        start = header + colours * 12
        pixels = dump[start:start + height * line]
        first = pixels[:4]
        if pixels and pixels != first * (len(pixels) // 4):
            print(time.clock_gettime_ns(time.CLOCK_REALTIME))
            sys.exit(0)
    time.sleep(0.002)
sys.exit("no paint within 60 s")
PY
}

# The PSS, in KiB, of process $1 and every process below it.
tree_pss_kib() {
  local pids=("$1") frontier=("$1") next
  while ((${#frontier[@]})); do
    next=()
    for pid in "${frontier[@]}"; do
      while read -r child; do next+=("$child"); done < <(pgrep -P "$pid" || true)
    done
    pids+=("${next[@]}")
    frontier=("${next[@]}")
  done
  local total=0 pss
  for pid in "${pids[@]}"; do
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${pss:-0}))
  done
  echo "$total"
}

# One start of $1 (binary) whose window is titled $2: "mapped_ms paint_ms pss_kib".
one_start() {
  local binary=$1 title=$2 home
  home=$(mktemp -d)
  local start mapped painted window pss
  start=$(date +%s%N)
  XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache XDG_CONFIG_HOME=$home/config \
    "$binary" "${@:3}" >/dev/null 2>&1 &
  local app=$!
  until window=$(xdotool search --onlyvisible --name "^$title\$" 2>/dev/null | head -1) && [[ -n $window ]]; do
    sleep 0.002
  done
  mapped=$(date +%s%N)
  painted=$(first_paint "$window")
  sleep $((5 - (painted - start) / 1000000000 > 0 ? 5 - (painted - start) / 1000000000 : 0))
  pss=$(tree_pss_kib "$app")
  kill "$app"
  wait "$app" 2>/dev/null || true
  rm -rf "$home"
  echo "$(((mapped - start) / 1000000)) $(((painted - start) / 1000000)) $pss"
  sleep 1
}

results=$(mktemp)
for run in $(seq "$RUNS"); do
  data=$(mktemp -d)
  echo "saleguard $(one_start target/release/saleguard-desktop Saleguard --data-dir "$data")" >>"$results"
  rm -rf "$data"
  echo "bare $(one_start target/release/bare-tauri 'Bare Tauri')" >>"$results"
  echo "run $run of $RUNS done" >&2
done

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    app, mapped, paint, pss = line.split()
    rows.setdefault(app, []).append((int(mapped), int(paint), int(pss) / 1024))
def cell(values, unit):
    return f"{statistics.median(values):.0f} {unit} ({min(values):.0f}–{max(values):.0f})"
print(f"{len(rows['saleguard'])} starts of each, alternating; median (range)\n")
print("| | launch → window mapped | launch → first paint | PSS, the app's process tree |")
print("|---|---:|---:|---:|")
for app, name in (("saleguard", "Saleguard"), ("bare", "bare Tauri 2 app")):
    mapped, paint, pss = zip(*rows[app])
    print(f"| {name} | {cell(mapped, 'ms')} | {cell(paint, 'ms')} | {cell(pss, 'MiB')} |")
ratio = lambda i: statistics.median(r[i] for r in rows["saleguard"]) / statistics.median(r[i] for r in rows["bare"])
print(f"| **Saleguard ÷ bare** | {ratio(0):.2f}× | {ratio(1):.2f}× | {ratio(2):.2f}× |")
PY
rm -f "$results"
