#!/usr/bin/env python3
"""English lines in the output of Vietnamese runs (tests/e2e/wip_i18n_english.sh).

Usage: english_lines.py DIR. DIR holds N.cmd (the command, one line), N.out
and N.err (what it printed). Prints each English line under its command and
exits 1 when there is one.

A line is English when, after what a Vietnamese message may carry is taken
out, a word of English grammar is left (the, is, not, of, with, cannot, ...):
Vietnamese sentences never use them, while an untranslated message always
has one. Taken out first:
- the model's own text under a finding ("   27 | name: ..." and the caret line);
- quoted text ('...', "...", `...`, “...”), [rule.id], <placeholder>;
- tokens that are not plain words: ids, paths, options, codes, numbers
  (anything with a digit, '-', '_', '.', '/', ':', '=', '@', '$', '%').
The stdout of machine formats (JSON, SARIF, JUnit, CSV, CI annotations,
DOT, SVG, the JSON Schema, exports) is not read; their stderr is.
"""
import os
import re
import sys

# Words of English grammar that are not Vietnamese words (so not "in", which
# is Vietnamese for "print", nor "an" of "an toàn", nor "no", "to", "tin",
# "may" of "may rủi"; nor "a", route a of Thông tư 13/2017; nor "name", a key
# of the format that hints list).
ENGLISH = set("""
    the is are was were be been being not and of with which that this these
    those from for by or has have had must should cannot can't could does
    doesn't did didn't don't you your it its it's as at on into onto than when
    where there their they them but if would will shall might here who
    whose what why how also only every each any some none such other more most
    than then else because while until after before about above below between
    without within after
    found missing unknown expected checked added removed changed unchanged
    introduced fixed usage options see use read write cannot file files folder
    error warning note hint takes names given needs
""".split())

MACHINE = re.compile(
    r"--format[ =](json|sarif|junit|github|gitlab|csv|dot|svg|xml|archimate|schema)\b"
    r"|\b(schema|lsp|export)\b"
)
SOURCE_LINE = re.compile(r"^\s*(\d+ )?\|( |$)")
# a diff's changed field: "  name: old → new", "- `online`: none → partial";
# the values are the model's own text and allowed values
DIFF_FIELD = re.compile(r"^\s*(- )?`?[a-z][a-z0-9-]*`?: .* → ")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”|‘[^’]*’|\[[^\]]*\]|<[^>]*>")
PLAIN_WORD = re.compile(r"^[A-Za-z]+(['’][a-z]+)?$")
# a placeholder of a help text: FILE, DIR, WHAT
PLACEHOLDER = re.compile(r"^[A-Z]{2,}$")
# what the reference data says in its own words (egaf refs show): its
# English name, notes and sources, and their continuation lines
REFS_DATA = re.compile(r"^(name-en|note|source|purpose):\s|^ {18}\S")
# YAML a guide prints (cat, sed): a flow mapping or a comment
YAML_LINE = re.compile(r"^\s*#|^\s*(- )?\{.*\}\s*$|^\s*[a-z-]+: \[.*\]\s+#")
STRIP = ",;:.()!?…*#|→—–"


def english_words(line):
    """The English grammar words left in LINE once allowed text is out."""
    if SOURCE_LINE.match(line) or DIFF_FIELD.match(line) or REFS_DATA.match(line) \
            or YAML_LINE.match(line):
        return []
    line = QUOTED.sub(" ", line)
    words = []
    for token in line.split():
        token = token.strip(STRIP)
        if PLAIN_WORD.match(token) and not PLACEHOLDER.match(token) \
                and token.lower() in ENGLISH:
            words.append(token)
    return words


def main():
    folder = sys.argv[1]
    runs = sorted(
        (int(f[:-4]) for f in os.listdir(folder) if f.endswith(".cmd")))
    found = 0
    for n in runs:
        base = os.path.join(folder, str(n))
        with open(base + ".cmd", encoding="utf-8") as f:
            cmd = f.read().strip()
        streams = ["err"] if MACHINE.search(cmd) else ["out", "err"]
        bad = []
        for s in streams:
            try:
                with open(base + "." + s, encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines()
            except FileNotFoundError:
                continue
            for line in lines:
                w = english_words(line)
                if w:
                    bad.append("  %s  [%s]" % (line, " ".join(w)))
        if bad:
            print(cmd)
            print("\n".join(bad))
            found += len(bad)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
