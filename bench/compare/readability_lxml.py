#!/usr/bin/python3
"""readability-lxml (Debian's python3-readability, the Python port of Readability) on every page
of a score_articles manifest. Prints one JSON line per page (the case id, its title and article
HTML; turned into newswire's fields by to_records.py, the same way for every tool), then a last
line {"timing": ...}: the seconds spent in Document(...).summary() and .title(), pages already
decompressed in memory.

usage: readability_lxml.py MANIFEST
"""
import gzip
import json
import os
import sys
import time

from readability import Document


def main():
    manifest = sys.argv[1]
    with open(manifest, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    pages = []
    for case in cases:
        with open(os.path.join(os.path.dirname(manifest), case["html"]), "rb") as f:
            data = f.read()
        if case["html"].endswith(".gz"):
            data = gzip.decompress(data)
        # The corpus keeps no HTTP headers; a page that is valid UTF-8 was served as UTF-8.
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # bytes: readability-lxml reads the charset the page declares
        pages.append((case["id"], case["url"], data))

    seconds = 0.0
    for case_id, url, html in pages:
        start = time.perf_counter()
        title = content = error = None
        try:
            doc = Document(html, url=url)
            content = doc.summary(html_partial=True)
            title = doc.title()
        except Exception as e:  # a page it cannot read counts as an empty answer
            error = str(e)
        seconds += time.perf_counter() - start
        print(json.dumps({"id": case_id, "title": title, "content": content, "error": error}, ensure_ascii=False))
    print(json.dumps({"timing": {"pages": len(pages), "seconds": seconds}}))


if __name__ == "__main__":
    main()
