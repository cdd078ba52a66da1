#!/usr/bin/python3
"""feedparser (Debian's python3-feedparser, the lenient parser score_feeds.py takes as its
reference) over every feed file below a folder, the files read into memory first. Prints one
line: files (and how many made feedparser raise), MB, seconds, MB/s, items/s.

usage: feedparser_speed.py DIR
"""
import os
import sys
import time

import feedparser


def main():
    blobs = []
    for folder, _, names in os.walk(sys.argv[1]):
        for name in sorted(names):
            with open(os.path.join(folder, name), "rb") as f:
                blobs.append(f.read())
    size = sum(len(b) for b in blobs)
    items = failed = 0
    start = time.perf_counter()
    for blob in blobs:
        try:
            items += len(feedparser.parse(blob).entries)
        except Exception:  # feedparser 6.0.10 raises on a few corpus files; they still count
            failed += 1
    seconds = time.perf_counter() - start
    print(f"{len(blobs)} files ({failed} raised), {size / 1e6:.2f} MB in {seconds:.2f} s: "
          f"{size / 1e6 / seconds:.2f} MB/s, {items / seconds:.0f} items/s")


if __name__ == "__main__":
    main()
