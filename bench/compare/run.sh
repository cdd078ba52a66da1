#!/usr/bin/env bash
# newswire against Readability on the shared article corpus: the same pages, the same scorer
# (../shared/eval/score_articles.py), the same conversion of each tool's article HTML into
# fields (to_records.py), extraction speed on one thread with the pages in memory.
#   Readability.js: Mozilla's Readability (Firefox Reader View) over jsdom, from the npm registry
#   readability-lxml: its Python port, Debian's python3-readability
# Then feed parsing against feedparser (Debian's python3-feedparser), score_feeds.py's reference.
# usage: bench/compare/run.sh [BUILD_DIR]   (installs the two tools on first use: npm packages in
# BUILD_DIR/compare, the Debian package with apt-get)
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared="$root/../shared"
manifest="$shared/corpus/articles/manifest.jsonl"
[ -f "$manifest" ] || { echo "compare: $manifest is missing" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)" --target extract_bench feed_bench newswire >/dev/null
work="$build/compare"
mkdir -p "$work"

# The tools, pinned: the versions these figures were measured with (bench/README.md).
if [ ! -d "$work/node_modules/@mozilla/readability" ] || [ ! -d "$work/node_modules/jsdom" ]; then
  echo "installing @mozilla/readability 0.6.0 and jsdom 29.1.1 into $work"
  (cd "$work" && npm install --no-audit --no-fund --silent @mozilla/readability@0.6.0 jsdom@29.1.1 >/dev/null)
fi
if ! /usr/bin/python3 -c 'import readability, lxml, feedparser' 2>/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing python3-readability python3-feedparser"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-readability python3-feedparser >/dev/null
fi

score() {  # name, then score_articles.py's source arguments; prints the name and the metrics
  local name=$1; shift
  python3 "$shared/eval/score_articles.py" --manifest "$manifest" "$@" >"$work/$name.scores" 2>&1 || true
  awk -v name="$name" '/^  [a-z_0-9]+ +[0-9.]+/ { m[$1] = $2 }
    END { printf "%-18s %8s %8s %8s %8s %8s %8s %8s", name, m["fulltext_f1"], m["pages_ge95"],
          m["body_f1"], m["headline_acc"], m["headings_rec"], m["authors_f1"], m["date_acc"] }' \
      "$work/$name.scores"
}

rate() {  # the timing line a tool printed last: pages per second
  /usr/bin/python3 -c 'import json,sys; t=json.loads(sys.stdin.readlines()[-1])["timing"]; print("%.1f" % (t["pages"] / t["seconds"]))' <"$1"
}

echo "== running Readability.js (jsdom) over $(wc -l <"$manifest") pages"
NODE_PATH="$work/node_modules" node "$here/readability_js.cjs" "$manifest" >"$work/readability_js.out"
/usr/bin/python3 "$here/to_records.py" <"$work/readability_js.out" >"$work/readability_js.jsonl" 2>/dev/null
echo "== running readability-lxml"
/usr/bin/python3 "$here/readability_lxml.py" "$manifest" >"$work/readability_lxml.out"
/usr/bin/python3 "$here/to_records.py" <"$work/readability_lxml.out" >"$work/readability_lxml.jsonl" 2>/dev/null
echo "== running newswire"
ours=$("$build/bench/extract_bench" "$shared/corpus/articles/pages" --single-only | awk '/pages\/s/ { for (i = 1; i <= NF; i++) if ($(i+1) == "pages/s") print $i }')

echo
printf "%-18s %8s %8s %8s %8s %8s %8s %8s %12s %9s\n" tool fulltext ge95 body headline headings authors date "pages/s(1t)" "newswire"
js=$(rate "$work/readability_js.out"); lx=$(rate "$work/readability_lxml.out")
printf "%s %12s %9s\n" "$(score newswire --cmd "$build/newswire extract --jsonl")" "$ours" "1.0x"
printf "%s %12s %9s\n" "$(score readability.js --predictions "$work/readability_js.jsonl")" "$js" \
  "$(awk -v a="$ours" -v b="$js" 'BEGIN { printf "%.0fx", a / b }')"
printf "%s %12s %9s\n" "$(score readability-lxml --predictions "$work/readability_lxml.jsonl")" "$lx" \
  "$(awk -v a="$ours" -v b="$lx" 'BEGIN { printf "%.0fx", a / b }')"
echo "(metrics: score_articles.py; pages/s: extraction alone, one thread, pages in memory; the"
echo " last column: how many times faster newswire is; the whole scores are in $work/*.scores)"

feeds="$shared/corpus/feeds/files"
echo
echo "== feed parsing, files in memory: newswire parse_feed (feed_bench) against feedparser"
"$build/bench/feed_bench" "$feeds" 1 >"$work/feed_bench.out"
for set in all real; do
  dir=$feeds; [ $set = real ] && dir=$feeds/real
  fp=$(/usr/bin/python3 "$here/feedparser_speed.py" "$dir")
  if [ $set = all ]; then
    ours=$(awk '/^newswire parse_feed/ { print $3 }' "$work/feed_bench.out")
  else
    ours=$(awk '/^real feeds/ { for (i = 1; i <= NF; i++) if ($(i+1) == "MB/s,") { print $i; exit } }' "$work/feed_bench.out")
  fi
  theirs=$(echo "$fp" | awk '{ for (i = 1; i <= NF; i++) if ($(i+1) == "MB/s,") print $i }')
  printf "%-5s newswire %8s MB/s   feedparser: %s   newswire %sx faster\n" $set "$ours" "$fp" \
    "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.0f", a / b }')"
done
