#!/usr/bin/env bash
# Sets up what is missing, builds Saleguard (release) and starts it. Only what changed
# is built again: the UI when its sources did (scripts/build-ui.sh), the binary as cargo
# decides, so a second start with nothing changed starts at once.
# Extra arguments go to the app, e.g. scripts/run.sh --data-dir /tmp/saleguard-demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build-ui.sh
cargo build --release -p saleguard-desktop --features custom-protocol
exec target/release/saleguard-desktop "$@"
