#!/usr/bin/env bash
# The long crash-safety soak: the CLI killed with SIGKILL in the middle of 1,000 real
# writes (crates/cli/tests/crash_safety.rs), every kill followed by SQLite's integrity
# check and a check that nothing acknowledged was lost and nothing is half there.
# Two to three hours on a 2-core machine (the debug CLI; later cycles are slower, the
# imports larger): run it on an idle machine. Report the printed summary in
# docs/crash-safety.md.
#
#   scripts/crash-soak.sh [CYCLES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export CRASH_CYCLES="${1:-1000}"
if [ -n "${2:-}" ]; then export CRASH_SEED="$2"; fi
cargo test -p saleguard-cli --locked --test crash_safety -- --nocapture
