#!/usr/bin/env bash
# How long opening the data folder takes as it grows: the release CLI's `sale list` on a
# folder of TRADES imported trades (default 1,000,000), after a clean close (the open
# trusts the file as the close noted it) and after an unclean one (the open checks the
# whole file first). Prints the file's size and the median of RUNS runs of each.
#
#   scripts/measure-open.sh [TRADES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
trades="${1:-1000000}"
runs="${2:-7}"
cargo build --release -p saleguard-cli --locked --bin saleguard >&2
cli="$PWD/target/release/saleguard"
folder="$(mktemp -d "${TMPDIR:-/tmp}/saleguard-open.XXXXXX")"
trap 'rm -rf "$folder"' EXIT

# Trades in batches of 100,000 (one import each), in the CSV format of docs/csv-format.md.
batch=100000
done_rows=0
while [ "$done_rows" -lt "$trades" ]; do
  rows=$(( trades - done_rows < batch ? trades - done_rows : batch ))
  awk -v start="$done_rows" -v n="$rows" 'BEGIN {
    print "date_utc,type,asset,decimals,amount,counter_asset,counter_amount,account,note";
    for (i = start; i < start + n; i++)
      printf "2025-%02d-%02d 10:00,buy,XYZ,18,%d.%03d,USD,%d,Kraken,row-%d\n", 1 + i % 12, 1 + i % 28, 1 + i % 500, i % 1000, 2 + i % 90, i;
  }' > "$folder/batch.csv"
  "$cli" --data-dir "$folder/data" csv import "$folder/batch.csv" > /dev/null
  done_rows=$(( done_rows + rows ))
done
rm -f "$folder/batch.csv"

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    "$@"
    local start end
    start=$(date +%s%N)
    "$cli" --data-dir "$folder/data" sale list > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

size_mb=$(( $(stat -c %s "$folder/data/saleguard.sqlite3") / 1024 / 1024 ))
clean=$(median_ms true)
unclean=$(median_ms rm -f "$folder/data/saleguard.sqlite3.closed")
echo "open ($trades trades, $size_mb MB): $clean ms after a clean close, $unclean ms when checked whole (median of $runs)"
