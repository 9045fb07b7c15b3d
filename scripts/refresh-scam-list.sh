#!/usr/bin/env bash
# Refreshes the phishing-domain list that ships with Saleguard from MetaMask's
# `eth-phishing-detect` npm package (licence: DBAD 1.1, see docs/scam-lists.md), at the
# version pinned here and in crates/core/src/scam.rs (SHIPPED_LIST_VERSION):
# crates/core/data/eth-phishing-detect.txt, one `kind domain` a line.
#
#   scripts/refresh-scam-list.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.2.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "eth-phishing-detect@$version" > /dev/null && tar xzf ./*.tgz)
node - "$work/package/src/config.json" "$version" > crates/core/data/eth-phishing-detect.txt <<'JS'
const [config, version] = process.argv.slice(2);
const list = JSON.parse(require("fs").readFileSync(config, "utf8"));
const lines = [
  `# eth-phishing-detect ${version} (https://github.com/MetaMask/eth-phishing-detect), DBAD licence 1.1`,
  `# written by scripts/refresh-scam-list.sh; do not edit`,
  `tolerance ${list.tolerance}`,
];
for (const [kind, key] of [["target", "fuzzylist"], ["allow", "whitelist"], ["block", "blacklist"]]) {
  for (const domain of list[key]) lines.push(`${kind} ${domain}`);
}
process.stdout.write(lines.join("\n") + "\n");
JS
wc -l crates/core/data/eth-phishing-detect.txt
