#!/usr/bin/env bash
# Fuzzing (docs/fuzzing.md): each cargo-fuzz target in fuzz/ runs for SECONDS (default
# 60), starting from the corpus in the repo (fuzz/corpus/TARGET, read only) and keeping
# what it finds in fuzz/target/corpus/TARGET. A panic stops the run with the input that
# caused it in fuzz/artifacts/TARGET/. Installs what it needs: the pinned nightly
# toolchain and cargo-fuzz. Run before each release (CI only checks that every target
# builds: scripts/test.sh). --dev builds without optimisation: about 5 minutes from
# nothing instead of 9, for short runs.
#
#   scripts/fuzz.sh [--dev] [SECONDS] [TARGET...]
#   FUZZ_MERGE=1 scripts/fuzz.sh 600   # and fold what adds coverage into the repo's corpus
set -euo pipefail
cd "$(dirname "$0")/.."

NIGHTLY=nightly-2026-05-20
CARGO_FUZZ_VERSION=0.13.2
profile=()
if [ "${1:-}" = --dev ]; then
  profile=(--dev)
  shift
fi
SECONDS_EACH="${1:-60}"
shift || true

if ! rustup run "$NIGHTLY" rustc --version > /dev/null 2>&1; then
  echo "==> installing the $NIGHTLY toolchain (cargo fuzz needs nightly)"
  rustup toolchain install "$NIGHTLY" --profile minimal
fi
if ! cargo fuzz --version 2> /dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

cd fuzz
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  mapfile -t targets < <(cargo +"$NIGHTLY" fuzz list)
fi

# No sanitizer: Saleguard is safe Rust, and what is looked for is a panic (an assert
# about the round trips in the targets, an index out of range, an overflow: debug
# assertions are on).
echo "==> building the fuzz targets"
cargo +"$NIGHTLY" fuzz build --sanitizer none "${profile[@]}"

report=()
for target in "${targets[@]}"; do
  work="target/corpus/$target"
  mkdir -p "$work" "corpus/$target"
  echo "==> fuzzing $target for ${SECONDS_EACH}s"
  log="target/fuzz-$target.log"
  set +e
  cargo +"$NIGHTLY" fuzz run --sanitizer none "${profile[@]}" "$target" "$work" "corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -print_final_stats=1 -max_len=65536 > "$log" 2>&1
  status=$?
  set -e
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|panicked|ERROR" "$log" || true
  runs=$(grep -E "^stat::number_of_executed_units:" "$log" | awk '{print $2}')
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $target (see fuzz/$log and fuzz/artifacts/$target/)"
    exit 1
  fi
  report+=("$target: ${runs:-?} executions in ${SECONDS_EACH}s, no panic")
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    cargo +"$NIGHTLY" fuzz run --sanitizer none "${profile[@]}" "$target" "corpus/$target" "$work" -- -merge=1 > /dev/null 2>&1
  fi
done
echo "==> fuzzing done"
printf '  %s\n' "${report[@]}"
