#!/usr/bin/env bash
# Runs one of shared/eval's scorers against the real binary. The corpora live in ../shared
# (never copied into this repository): when they are missing the test is skipped (exit 77),
# except under CI=true, where a missing corpus is a failure.
# usage: run_scorer.sh SOURCE_DIR SCORER [ARGS...]   ({shared} in ARGS is replaced by the path)
set -euo pipefail
source_dir=$1; scorer=$2; shift 2
shared="$source_dir/../shared"
if [ ! -f "$shared/eval/$scorer" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $shared/eval/$scorer is missing (CI=true needs ../shared beside the checkout)" >&2
    exit 1
  fi
  echo "skipped: $shared is missing"
  exit 77
fi
args=()
for a in "$@"; do args+=("${a//\{shared\}/$shared}"); done
cd "$source_dir"
python3 "$shared/eval/$scorer" "${args[@]}"
