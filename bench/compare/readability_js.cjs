// Mozilla's Readability (Firefox Reader View) over jsdom, on every page of a score_articles
// manifest. Prints one JSON line per page: the case id, Readability's title, byline, published
// time and article HTML (turned into newswire's fields by to_records.py, the same way for
// every tool), then a last line {"timing": …}: the seconds spent in jsdom's parse plus
// Readability, pages already decompressed in memory.
// usage: node readability_js.cjs MANIFEST   (with jsdom and @mozilla/readability installed)
const { readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { gunzipSync } = require("node:zlib");
const { isUtf8 } = require("node:buffer");
const { JSDOM, VirtualConsole } = require("jsdom");  // found through NODE_PATH (run.sh sets it)
const { Readability } = require("@mozilla/readability");

const manifest = process.argv[2];
const cases = readFileSync(manifest, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
const pages = cases.map((c) => {
    const bytes = readFileSync(join(dirname(manifest), c.html));
    const html = c.html.endsWith(".gz") ? gunzipSync(bytes) : bytes;
    // The corpus keeps no HTTP headers; a page that is valid UTF-8 was served as UTF-8 (jsdom
    // would otherwise take a page without a <meta charset> near its top for windows-1252).
    return { id: c.id, url: c.url, html, contentType: "text/html" + (isUtf8(html) ? "; charset=utf-8" : "") };
});

const quiet = new VirtualConsole();  // pages' CSS and script errors are not ours to print
let seconds = 0;
for (const page of pages) {
    const start = process.hrtime.bigint();
    let article = null;
    let error = null;
    try {
        const dom = new JSDOM(page.html, { url: page.url, contentType: page.contentType, virtualConsole: quiet });
        article = new Readability(dom.window.document).parse();
    } catch (e) {
        error = String(e);
    }
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({
        id: page.id,
        title: article?.title ?? null,
        byline: article?.byline ?? null,
        published: article?.publishedTime ?? null,
        content: article?.content ?? null,
        error,
    }) + "\n");
}
process.stdout.write(JSON.stringify({ timing: { pages: pages.length, seconds } }) + "\n");
