#!/usr/bin/env python3
"""Pages and feeds built to hurt newswire, and the time and peak memory it takes for each.

    fuzz/hostile.py DIR [--mib 4] [--run build/newswire]

writes each input of about MIB MiB into DIR and, with --run, reads each with `BINARY extract`
(pages) or `BINARY parse-feed` (feeds) under /usr/bin/time -v, one at a time, printing user
seconds, peak RSS and RSS per byte of input. The product's rule is that time and memory stay
proportional to the input: run two sizes and compare, and look at the inputs whose RSS passes
the page's 64-times parse budget (dom.h) or whose seconds per MiB stand out. Standard library
only.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

HEAD = '<html><head><title>Hostile page</title></head><body><h1>Hostile page</h1>'
PARA = '<p>A paragraph of the story, long enough to count, with a comma, and more words.</p>'
OWN_TEXT = 'Text of a box that holds its own words, long enough to count as a unit. '
ITEM = ('<item><title>Item title</title><link>https://example.org/a</link><description>Text of it.'
        '</description><pubDate>Mon, 07 Dec 2026 10:00:00 +0000</pubDate></item>')
RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://example.org/</link>'
ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'


def inputs(size):
    def rep(unit, total=size):
        return unit * max(1, total // len(unit))

    rng = random.Random(7)
    pages = {
        # many nodes per byte
        'br_wall': HEAD + rep('<br>'),
        'br_text': HEAD + rep('<br>x'),
        'p_wall': HEAD + rep('<p>x\r'),
        'tiny_elements': HEAD + rep('<b>x</b>'),
        'empty_elements': HEAD + rep('<i></i>'),
        'img_wall': HEAD + rep('<img>'),
        'unknown_tags': HEAD + rep('<x-a></x-a>'),
        'headings': HEAD + rep('<h2>Heading</h2>'),
        'links': HEAD + rep('<a href="/x">Read also</a> '),
        'figures': HEAD + rep('<figure><img src=a.jpg><figcaption>Photo: AP</figcaption></figure>'),
        # attributes
        'one_tag_many_attributes': HEAD + '<p ' + ' '.join('a%x' % i for i in range(size // 6)) + '>x</p>',
        'many_attributes_each_tag': HEAD + rep('<p a b c d e f g h i j k l m n o q r s t u v w x y z>'),
        'huge_attribute': HEAD + '<p class="' + rep('a') + '">x</p>',
        'huge_class_list': HEAD + '<div class="' + rep('a ') + '">' + PARA + '</div>',
        'huge_srcset': HEAD + '<img srcset="' + rep('a.jpg 1w, ') + '">',
        # text and references
        'giant_text': HEAD + '<p>' + rep('word ') + '</p>',
        'giant_word': HEAD + '<p>' + rep('w') + '</p>',
        'entity_flood': HEAD + '<p>' + rep('&amp;') + '</p>',
        'entity_numeric': HEAD + '<p>' + rep('&#x1F600;') + '</p>',
        'entity_without_semicolon': HEAD + '<p>' + rep('&notin') + '</p>',
        'entities_in_attributes': HEAD + rep('<a href="&amp;&amp;&amp;&amp;">&lt;</a>'),
        'nul_bytes': HEAD + '<p>' + '\0' * size + '</p>',
        'lt_flood': HEAD + rep('<'),
        'unclosed_quote': HEAD + '<p class="' + rep('x'),
        # nesting and misnesting
        'nested_div': HEAD + rep('<div>', size // 2) + rep('</div>', size // 2),
        'nested_div_own_text': HEAD + rep('<div>' + OWN_TEXT),
        'nested_lead_boxes': HEAD + '<div class="lead">' * 300 + rep(PARA, size - 6000) + '</div>' * 300,
        'nested_related_boxes': HEAD + '<div class="related">' * 300 + rep(PARA, size - 8000) + '</div>' * 300,
        'open_related_boxes': HEAD + rep('<div class="related">' + PARA),
        'sibling_lead_boxes': HEAD + rep('<div class="lead">' + PARA + '</div>'),
        'misnested_formatting': HEAD + rep('<b><i></b></i>'),
        'misnested_table': HEAD + rep('<table><tr><td><b>x</table>'),
        'formatting_around_paragraphs': HEAD + rep('<b><p>x'),
        'nested_links': HEAD + rep('<a href=x><div>'),
        'nested_tables': HEAD + rep('<table><tr><td>'),
        'nested_lists': HEAD + rep('<ul><li>'),
        'nested_select': HEAD + rep('<select><option>'),
        'nested_svg': HEAD + rep('<svg><g>'),
        'nested_template': HEAD + rep('<template>'),
        # scripts and metadata
        'scripts': HEAD + rep('<script>var a=1;</script>'),
        'jsonld_many': HEAD + rep('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>'),
        'jsonld_deep': HEAD + '<script type="application/ld+json">' + rep('[', size // 2) + rep(']', size // 2) + '</script>',
        'meta_tags': '<html><head>' + rep('<meta property="article:tag" content="tag">') + '</head><body>' + PARA,
        'script_story_br_wall': HEAD + '<script id="__NEXT_DATA__" type="application/json">'
        + json.dumps({'props': {'body': '<p>x, y</p><p>z, w</p>' + rep('<br>', size // 2)}}) + '</script>',
    }
    pages = {name + '.html': page.encode('utf-8') for name, page in pages.items()}
    pages['invalid_utf8.html'] = (HEAD + '<p>').encode() + bytes(rng.getrandbits(8) for _ in range(size))
    feeds = {
        'rss_items.xml': RSS + rep(ITEM) + '</channel></rss>',
        'rss_empty_items.xml': RSS + rep('<item/>') + '</channel></rss>',
        'rss_link_items.xml': RSS + rep('<item><link>https://example.org/a</link></item>') + '</channel></rss>',
        'rss_categories.xml': RSS + '<item><title>x</title>' + rep('<category>c</category>') + '</item></channel></rss>',
        'rss_enclosures.xml': RSS + '<item><title>x</title>' + rep('<enclosure url="https://e.org/a.jpg" type="image/jpeg"/>')
        + '</item></channel></rss>',
        'rss_nested.xml': RSS + '<item><description>' + rep('<a>', size // 2) + '</description></item></channel></rss>',
        'xml_unclosed.xml': RSS + rep('<x>'),
        'rss_entity_flood.xml': RSS + '<item><title>' + rep('&amp;') + '</title></item></channel></rss>',
        'rss_cdata_html.xml': RSS + '<item><title>x</title><description><![CDATA[' + rep('<br>') + ']]></description></item></channel></rss>',
        'rss_giant_title.xml': RSS + '<item><title>' + rep('word ') + '</title></item></channel></rss>',
        'rss_dtd_entities.xml': '<?xml version="1.0"?><!DOCTYPE rss ['
        + ''.join('<!ENTITY e%d "&e%d;&e%d;">' % (i, i - 1, i - 1) for i in range(1, 40))
        + '<!ENTITY e0 "lol">]><rss version="2.0"><channel><item><title>&e39;</title></item></channel></rss>',
        'atom_entries.xml': ATOM + rep('<entry><title>t</title><link href="https://example.org/a"/><id>x</id>'
                                       '<updated>2026-12-07T10:00:00Z</updated></entry>') + '</feed>',
        'atom_authors.xml': ATOM + '<entry><title>t</title>' + rep('<author><name>A B</name></author>') + '</entry></feed>',
        'json_feed_items.json': '{"version":"https://jsonfeed.org/version/1.1","title":"F","items":['
        + ','.join(['{"id":"1","url":"https://e.org/a","title":"t"}'] * (size // 48)) + ']}',
        'json_feed_deep.json': '{"version":"https://jsonfeed.org/version/1.1","items":' + rep('[', size // 2) + rep(']', size // 2) + '}',
    }
    feeds = {name: feed.encode('utf-8') for name, feed in feeds.items()}
    return {**pages, **feeds}


def measure(binary, path):
    command = 'extract' if path.endswith('.html') else 'parse-feed'
    timed = subprocess.run(['/usr/bin/time', '-v', 'timeout', '120', binary, command, path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors='replace')
    def field(label):
        match = re.search(re.escape(label) + r'[^:]*:\s*([\d.]+)', timed.stderr)
        return float(match.group(1)) if match else 0.0
    return timed.returncode, field('User time'), int(field('Maximum resident set size'))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('dir')
    parser.add_argument('--mib', type=float, default=4)
    parser.add_argument('--run', metavar='BINARY')
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    for name, data in sorted(inputs(int(args.mib * (1 << 20))).items()):
        path = os.path.join(args.dir, name)
        with open(path, 'wb') as out:
            out.write(data)
        if args.run:
            code, seconds, rss_kib = measure(args.run, path)
            print(f'{name:34s} {len(data) / (1 << 20):6.2f} MiB  exit {code:3d}  {seconds:6.2f} s  '
                  f'{rss_kib / 1024:7.1f} MiB RSS  x{rss_kib * 1024 / len(data):6.1f}', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
