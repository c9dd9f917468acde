#!/usr/bin/env python3
"""What a reader of the national site sees (tests/e2e/test_site_text.sh).

site_text.py SITE SCHEMA LANG FORBIDDEN...: reads every page (*.html) of
SITE, and prints one line per problem:
  - a FORBIDDEN string (the consolidator's input folders) anywhere in a page,
    a diagram (img/*.svg) or the data (data/*.csv, data/*.json), attributes
    and links included;
  - an internal reference label ("facts S27,S28") anywhere;
  - with LANG vi: a key or an allowed value of the format (from the JSON
    Schema SCHEMA, as `egaf schema` prints it) as a word of the visible text,
    outside <code>, <pre>, <script> and <style>.
Exit 1 when it printed anything."""
import html.parser
import json
import os
import re
import sys

site, schema_file, lang = sys.argv[1], sys.argv[2], sys.argv[3]
forbidden = sys.argv[4:]

schema = json.load(open(schema_file, encoding="utf-8"))
keys = set()
# enumerations of reference data (ids of national entries, agencies, data
# subjects) are ids, not words of the format
SKIP_DEFS = {"national-system-ref", "national-database-ref", "data-subject", "agency"}


def walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties" and isinstance(v, dict):
                keys.update(v.keys())
            if k == "enum" and isinstance(v, list) and not SKIP_DEFS & set(path):
                keys.update(x for x in v if isinstance(x, str))
            walk(v, path + [k])
    elif isinstance(node, list):
        for x in node:
            walk(x, path)


walk(schema, [])
# a single letter (route a-d) and an edition number are not words to look for
# "web" and "email" are loanwords Vietnamese names use ("Tường lửa ứng dụng
# web", "Thư điện tử (email)"): names are the model's, not untranslated keys
keys = {k for k in keys if len(k) > 1 and not re.match(r"^[0-9.]+$", k)} - {"web", "email"}

INTERNAL = re.compile(r"\bfacts?\s+S\d+|\bS\d+,S\d+")


VOID = {"br", "img", "meta", "link", "hr", "input", "wbr", "source"}


class Visible(html.parser.HTMLParser):
    HIDDEN = {"code", "pre", "script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text = []

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text = []
        self.stack = []

    # text marked as English (<span lang="en">: an element's English name)
    # is content, not a key left untranslated
    def handle_starttag(self, tag, attrs):
        hidden = tag in self.HIDDEN or dict(attrs).get("lang") == "en"
        if tag not in VOID:
            self.stack.append(hidden)
        if hidden:
            self.depth += 1
        self.text.append(" ")

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack and self.stack.pop():
            self.depth -= 1
        self.text.append(" ")

    def handle_data(self, data):
        if not self.depth:
            self.text.append(data)


problems = 0
pages = sorted(f for f in os.listdir(site) if f.endswith(".html"))
svgs = []
if os.path.isdir(os.path.join(site, "img")):
    svgs = sorted("img/" + f for f in os.listdir(os.path.join(site, "img")) if f.endswith(".svg"))
data = []
if os.path.isdir(os.path.join(site, "data")):
    data = sorted("data/" + f for f in os.listdir(os.path.join(site, "data"))
                  if f.endswith((".csv", ".json")))
for rel in pages + svgs + data:
    raw = open(os.path.join(site, rel), encoding="utf-8").read()
    for f in forbidden:
        if f in raw:
            print(f"{rel}: the input path {f!r}")
            problems += 1
    m = INTERNAL.search(raw)
    if m:
        print(f"{rel}: an internal label {m.group(0)!r}")
        problems += 1
    if lang != "vi" or not rel.endswith(".html"):
        continue
    p = Visible()
    p.feed(raw)
    # "phóng to" (zoom in, the overview's button) is Vietnamese whose second
    # word is spelt like the key `to`: the phrase is not looked at, the word
    # elsewhere still is
    text = re.sub(r"(?i)\bphóng to\b", "phóng", "".join(p.text))
    seen = set()
    # words, Vietnamese letters included; a word inside a page address or a
    # file name (data.gov.vn/…, lang-son.yaml) is not a word of the sentence
    for word in re.findall(r"(?<![\w./:-])\w+(?:-\w+)*(?![\w/:-]|\.\w)", text):
        if word in keys and word not in seen:
            seen.add(word)
            i = text.find(word)
            ctx = " ".join(text[max(0, i - 40):i + len(word) + 40].split())
            print(f"{rel}: the key or value {word!r} in the text: …{ctx}…")
            problems += 1
print(f"{len(pages)} pages, {len(svgs)} diagrams, {len(data)} data files read", file=sys.stderr)
sys.exit(1 if problems else 0)
