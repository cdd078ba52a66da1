#!/usr/bin/env bash
# Runs every benchmark on the shared corpora and prints their figures (see bench/README.md).
# usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
[ -d "$shared/corpus" ] || { echo "bench: $shared/corpus is missing" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)" --target extract_bench feed_bench pipeline_bench newswire >/dev/null

echo "== extraction: $shared/corpus/articles/pages"
"$build/bench/extract_bench" "$shared/corpus/articles/pages"
echo
echo "== feed parsing: $shared/corpus/feeds/files"
"$build/bench/feed_bench" "$shared/corpus/feeds/files"
echo
echo "== the whole pipeline on loopback: newswire run over $shared/corpus/articles/pages"
"$build/bench/pipeline_bench" "$shared/corpus/articles/pages" "$build/newswire"
