#!/usr/bin/python3
"""Turns the output of readability_js.cjs or readability_lxml.py into records score_articles.py
reads with --predictions: the title as headline, the byline as the one author, the article HTML
as body blocks. Every tool's HTML goes through the same rule: each innermost block element
(p, h1-h6, li, blockquote, pre, td, dt, dd) is one block, headings as "heading"; text outside
any of them (a <div> with text of its own) is a paragraph of its own. The timing line goes to
stderr.

usage: to_records.py < TOOL_OUTPUT > PREDICTIONS
"""
import json
import sys

import lxml.html

BLOCKS = {"p", "li", "blockquote", "pre", "td", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def fold(text):
    return " ".join((text or "").split())


def blocks(html):
    if not html:
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    out = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        inner = tag in BLOCKS and not any(isinstance(d.tag, str) and d.tag in BLOCKS for d in node.iterdescendants())
        if inner:
            text = fold(node.text_content())
            if text:
                out.append({"type": "heading" if tag in HEADINGS else "paragraph", "text": text})
            return
        loose = [fold(node.text)]
        for child in node:
            walk(child)
            loose.append(fold(child.tail))
        text = fold(" ".join(loose))
        if text and tag not in ("script", "style"):
            out.append({"type": "paragraph", "text": text})

    walk(root)
    return out


def main():
    for line in sys.stdin:
        rec = json.loads(line)
        if "timing" in rec:
            print(json.dumps(rec["timing"]), file=sys.stderr)
            continue
        print(json.dumps({
            "id": rec["id"],
            "headline": fold(rec.get("title")) or None,
            "authors": [fold(rec["byline"])] if rec.get("byline") else [],
            "published": rec.get("published"),
            "body": blocks(rec.get("content")),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
