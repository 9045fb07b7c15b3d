#!/usr/bin/env bash
# The long crash-safety soak: the CLI killed with SIGKILL in the middle of 1,000 real
# writes (crates/cli/tests/crash_safety.rs), every kill followed by SQLite's integrity
# check and a check that nothing acknowledged was lost and nothing is half there.
# The CLI is the release build, as users run it; the writes move to a fresh data folder
# every 100 cycles (CRASH_FOLDER_CYCLES), so the file stays near a million trades and the
# soak takes tens of minutes, not a day. Report the printed summary in
# docs/crash-safety.md.
#
# The test and the CLI it kills are copied out of target/ first, so builds made while
# the soak runs do not change the program under test halfway through.
#
#   scripts/crash-soak.sh [CYCLES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export CRASH_CYCLES="${1:-1000}"
if [ -n "${2:-}" ]; then export CRASH_SEED="$2"; fi
cargo build --release -p saleguard-cli --locked --bin saleguard
test_binary="$(cargo test -p saleguard-cli --locked --test cli --no-run \
  --message-format=json | grep -o '"executable":"[^"]*/cli-[^"]*"' | cut -d'"' -f4)"
copy="$(mktemp -d "${TMPDIR:-/tmp}/saleguard-soak.XXXXXX")"
trap 'rm -rf "$copy"' EXIT
cp target/release/saleguard "$copy/saleguard"
cp "$test_binary" "$copy/cli-tests"
echo "soak: $(git rev-parse --short HEAD), programs copied to $copy"
CARGO_BIN_EXE_saleguard="$copy/saleguard" "$copy/cli-tests" crash_safety:: --nocapture
