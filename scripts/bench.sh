#!/usr/bin/env bash
# Runs every criterion benchmark and the start-up measurement in one go and writes what
# they measured into docs/performance.md (between the `bench.sh` markers): the date, the
# machine, each benchmark's median with its 95% interval, the same-run baselines (alloy's
# bare signer, a bare rusqlite insert, a bare Tauri app) and the issue's goals, met or not.
#
#   scripts/bench.sh                 everything (the start-up part builds both apps in the
#                                    release profile: about 15 minutes from nothing here)
#   scripts/bench.sh --no-startup    the criterion benchmarks only; the page says so
#   scripts/bench.sh --dry-run       the benchmarks run, the page is left as it is (the
#                                    tables are printed instead)
#
# Needs what scripts/setup.sh installs; the start-up part needs an X display or xvfb-run
# (it starts one itself when DISPLAY is unset). Never part of CI: timings on a shared
# runner say nothing, and no test asserts one.
set -euo pipefail
cd "$(dirname "$0")/.."

startup=1
write=1
for arg in "$@"; do
  case $arg in
    --no-startup) startup=0 ;;
    --dry-run) write=0 ;;
    -h | --help)
      sed -n '2,15p' "$0"
      exit 0
      ;;
    *)
      echo "bench.sh: unknown option $arg (see --help)" >&2
      exit 2
      ;;
  esac
done

# Each benchmark file, as package:bench.
BENCHES=(
  saleguard-core:portfolio
  saleguard-core:scam_lists
  saleguard-app:sales
  saleguard-app:participations
  saleguard-app:lists
  saleguard-app:csv_import
  saleguard-vault:derivation
  saleguard-chain:signing
  saleguard-hardware:devices
)

results=target/bench-run
rm -rf "$results"
mkdir -p "$results"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
begin=$(date +%s)

for entry in "${BENCHES[@]}"; do
  package=${entry%%:*}
  bench=${entry##*:}
  echo "== $package --bench $bench [$(($(date +%s) - begin)) s]" >&2
  CRITERION_HOME="$PWD/$results/criterion/$bench" \
    cargo bench --locked -p "$package" --bench "$bench" -- --noplot >&2
done

if ((startup)); then
  echo "== start-up: scripts/measure-startup.sh [$(($(date +%s) - begin)) s]" >&2
  if [[ -n ${DISPLAY:-} ]]; then
    scripts/measure-startup.sh >"$results/startup.md"
  else
    xvfb-run -a -s "-screen 0 1280x800x24" scripts/measure-startup.sh >"$results/startup.md"
  fi
fi

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- crates bench ui scripts Cargo.toml Cargo.lock || commit="$commit, with uncommitted changes"
{
  echo "started=$started"
  echo "minutes=$((($(date +%s) - begin + 59) / 60))"
  echo "commit=$commit"
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "memory=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "system=$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  echo "rustc=$(rustc --version)"
  echo "webkit=$(pkg-config --modversion webkit2gtk-4.1 2>/dev/null || echo unknown)"
} >"$results/machine.env"

python3 scripts/bench-report.py "$results" docs/performance.md "$write"
echo "bench.sh: done in $((($(date +%s) - begin + 59) / 60)) min" >&2
