#!/usr/bin/env bash
# Runs one of shared/eval's scorers against the real binary. The corpora live in ../shared
# (never copied into this repository): when they are missing the test is skipped (exit 77),
# except under CI=true, where a missing corpus is a failure.
# usage: run_scorer.sh SOURCE_DIR SCORER [--perfect-group NAME] [ARGS...]
#   {shared} in ARGS is replaced by the path of ../shared; --perfect-group (score_feeds.py)
#   also requires every figure of that group's row to be 1.000.
set -euo pipefail
source_dir=$1; scorer=$2; shift 2
perfect_group=""
if [ "${1:-}" = "--perfect-group" ]; then perfect_group=$2; shift 2; fi
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
output=$(python3 "$shared/eval/$scorer" "${args[@]}") || { echo "$output"; exit 1; }
echo "$output"
if [ -n "$perfect_group" ]; then
  row=$(echo "$output" | awk -v g="$perfect_group" '$1 == g')
  [ -n "$row" ] || { echo "FAIL: no row for group $perfect_group" >&2; exit 1; }
  imperfect=$(echo "$row" | awk '{for (i = 3; i <= NF; i++) if ($i != "1.000" && $i != "-") print $i}')
  [ -z "$imperfect" ] || { echo "FAIL: group $perfect_group is not 1.000 throughout: $row" >&2; exit 1; }
fi
