#!/usr/bin/env bash
# Sets up what is missing, builds Saleguard (release) and starts it.
# Extra arguments go to the app, e.g. scripts/run.sh --data-dir /tmp/saleguard-demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run build)
cargo build --release -p saleguard-desktop --features custom-protocol
exec target/release/saleguard-desktop "$@"
