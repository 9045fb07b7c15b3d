#!/usr/bin/env bash
# Builds the UI into ui/dist only when its sources changed since the last build: the
# desktop binary embeds ui/dist, and a rebuilt dist (new files, even with the same
# bytes) makes cargo relink the binary. What counts is a hash of everything the build
# reads (sources, assets, configuration, the locked dependencies), kept in target/ (not
# in dist, which the binary embeds whole).
set -euo pipefail
cd "$(dirname "$0")/../ui"
sources=$(find src public index.html package.json package-lock.json vite.config.ts \
  tsconfig.json postcss.config.cjs -type f 2>/dev/null | LC_ALL=C sort)
hash=$(printf '%s\n' "$sources" | xargs sha256sum | sha256sum | cut -d' ' -f1)
stamp=../target/ui-dist.sources.sha256
if [ -f dist/index.html ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then
  echo "UI unchanged since its last build: ui/dist kept"
  exit 0
fi
npm run build
mkdir -p ../target
echo "$hash" > "$stamp"
