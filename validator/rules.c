/* rules.c - the catalogue's entries, sorted by id (a unit test checks it). */
#include "validator/rules.h"

#include <stdlib.h>
#include <string.h>

#define FORMAT_BASIS "egaf model format (docs/model-format.md)"

static const egaf_rule catalogue[] = {
    {"include.cycle", EGAF_SEV_ERROR, "include cycle",
     "An included file includes, directly or through others, a file that is already being "
     "included.",
     FORMAT_BASIS ": an architecture is a tree of files.",
     "Remove the include that leads back to a file already included.",
     "# a.yaml\ninclude: [b.yaml]\n# b.yaml\ninclude: [a.yaml]\n", "# b.yaml holds sections only\n"},
    {"include.escape", EGAF_SEV_ERROR, "include outside the model's folder",
     "An include path is absolute, climbs out with `..`, or resolves (through a symbolic link) "
     "outside the folder of the top-level model file.",
     FORMAT_BASIS ": models are submitted as a folder; egaf never reads files outside it, so a "
                  "published architecture cannot pull in a server's files.",
     "Move the included file into the model's folder (or a subfolder) and use a relative path.",
     "include: [../../etc/passwd]\n", "include: [ung-dung/ung-dung.yaml]\n"},
    {"include.missing", EGAF_SEV_ERROR, "included file cannot be read",
     "An included file does not exist or cannot be read.", FORMAT_BASIS ".",
     "Check the path (relative to the including file) and the file's permissions.",
     "include: [du-lieu.yml]\n", "include: [du-lieu.yaml]\n"},
    {"include.not-file", EGAF_SEV_ERROR, "included path is not a regular file",
     "An include names a folder, a FIFO, a device or a socket.",
     FORMAT_BASIS ": only regular files are read, so a model can never make egaf block on a "
                  "pipe or read a device.",
     "Name a regular YAML file.", "include: [ung-dung/]\n", "include: [ung-dung/ung-dung.yaml]\n"},
    {"ref.cross-architecture", EGAF_SEV_NOTE, "reference to another architecture not checked",
     "A reference `ARCH:ID` names an element of another architecture that is not loaded in this "
     "run, so egaf cannot check it.",
     FORMAT_BASIS ": cross-architecture references are checked when both models are loaded "
                  "(as `egaf consolidate` does).",
     "Validate both architectures together (`egaf validate a.yaml b.yaml`) to check it.", NULL,
     NULL},
    {"ref.duplicate-id", EGAF_SEV_ERROR, "duplicate id",
     "Two elements of one architecture (its top-level file and all its includes) have the same "
     "id.",
     FORMAT_BASIS ": references name elements by id, so ids must be unique.",
     "Rename one of the elements and update the references to it.",
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n  - {id: qlvb, name: Một cửa}\n",
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n  - {id: mot-cua, name: Một cửa}\n"},
    {"ref.unresolved", EGAF_SEV_ERROR, "reference does not resolve",
     "A reference field names an id that no element of the architecture has, or a `national:` id "
     "that the reference models do not have.",
     FORMAT_BASIS ".", "Correct the id (the hint names the closest one) or add the element.",
     "uses: [csdl-can-bo]   # no such database\n", "uses: [csdl-cbccvc]\n"},
    {"ref.wrong-kind", EGAF_SEV_ERROR, "reference to the wrong kind of element",
     "A reference field names an element of a kind the field may not point to, such as `uses` "
     "naming an application instead of a database.",
     FORMAT_BASIS ": each reference field has the kinds it may point to.",
     "Point the field at an element of an allowed kind.",
     "uses: [mot-cua]   # an application\n", "uses: [csdl-tthc]\n"},
    {"refs.duplicate-id", EGAF_SEV_ERROR, "reference data: duplicate id or code",
     "Two entries of the reference models share an id, or two agencies valid in the same year "
     "share an organ code.",
     "Reference models (docs/reference-models.md): ids are what models write after "
     "`national:` and must name one entry.",
     "Give each entry its own id; close the older entry with `valid-to` before the newer one "
     "starts.",
     NULL, NULL},
    {"refs.missing-source", EGAF_SEV_ERROR, "reference data: entry without a source",
     "An entry of the reference models has no `source` (the legal instrument or public source "
     "it comes from) or no `confidence`.",
     "Reference models: every fact carries its source, and uncertain facts say so.",
     "Add `source:` with the instrument, and `confidence: confirmed|inferred|uncertain`.",
     NULL, NULL},
    {"refs.schema", EGAF_SEV_ERROR, "reference data: malformed entry",
     "A reference-model file has an unknown key, a missing key, or a value of the wrong type "
     "(a date that is not YYYY or YYYY-MM-DD, a level that is not ministry, government-agency "
     "or province).",
     "Reference models (docs/reference-models.md).", "Correct the entry as the message says.",
     NULL, NULL},
    {"refs.unresolved", EGAF_SEV_ERROR, "reference data: id that does not resolve",
     "An owner, successor, data subject or required component named by a reference entry does "
     "not exist, or does not exist at the dates it is used.",
     "Reference models: owners and successors are agencies of the same data.",
     "Correct the id, or add the missing entry.", NULL, NULL},
    {"schema.enum", EGAF_SEV_ERROR, "value not allowed",
     "A key whose values come from a fixed list has another value.", FORMAT_BASIS ".",
     "Use one of the values the message lists.", "online: yes\n", "online: full\n"},
    {"schema.id-syntax", EGAF_SEV_ERROR, "malformed id",
     "An id is not lower-case ASCII letters and digits in words joined by single hyphens "
     "(`^[a-z0-9]+(-[a-z0-9]+)*$`).",
     FORMAT_BASIS ": ids are used in references, file names and URLs of the national site.",
     "Write the id without diacritics, spaces or capitals.", "id: Cổng_DVC\n", "id: cong-dvc\n"},
    {"schema.missing-key", EGAF_SEV_ERROR, "required key missing",
     "A map lacks a key the format requires (such as an element's `id` or `name`).",
     FORMAT_BASIS ".", "Add the key.", "- id: qlvb\n", "- id: qlvb\n  name: Quản lý văn bản\n"},
    {"schema.range", EGAF_SEV_ERROR, "number out of range",
     "A number lies outside the range its key allows (a security level outside 1–5, a year "
     "outside 1990–2100, a priority below 1).",
     FORMAT_BASIS "; security levels: Nghị định 85/2016/NĐ-CP.", "Use a value inside the range.",
     "security-level: 6\n", "security-level: 3\n"},
    {"schema.type", EGAF_SEV_ERROR, "wrong type",
     "A value has the wrong type: a list where a map is expected, a map where text is expected, "
     "text where a whole number is expected.",
     FORMAT_BASIS ".", "Write the value in the type the message names.", "year: hai nghìn\n",
     "year: 2020\n"},
    {"schema.unknown-key", EGAF_SEV_ERROR, "unknown key",
     "A map has a key the format does not know, usually a typing mistake.",
     FORMAT_BASIS ": unknown keys are errors so that a misspelt key is never silently ignored.",
     "Correct the key (the hint names the closest known one), or move free data under "
     "`properties`.",
     "- id: qlvb\n  nmae: Quản lý văn bản\n", "- id: qlvb\n  name: Quản lý văn bản\n"},
    {"waiver.unknown-rule", EGAF_SEV_WARNING, "waiver names no rule",
     "A waiver's `rule` is not the id of any rule, so it waives nothing.", FORMAT_BASIS ".",
     "Use an id that `egaf rules` lists.",
     "waivers:\n  - {rule: security.level, reason: \"…\"}\n",
     "waivers:\n  - {rule: security.level-missing, reason: \"…\"}\n"},
    {"yaml.alias", EGAF_SEV_ERROR, "alias cannot be expanded",
     "An alias names an anchor that is not defined before it, or expanding aliases would exceed "
     "the budget of 100,000 nodes per file (a 'billion laughs' input).",
     FORMAT_BASIS ": aliases are expanded under a fixed budget so no input can exhaust memory.",
     "Define the anchor before the alias, or write the values out.", "uses: *csdl\n",
     "uses: [csdl-dan-cu-tinh]\n"},
    {"yaml.duplicate-key", EGAF_SEV_ERROR, "duplicate key",
     "A map has the same key twice. YAML forbids it and libyaml does not check it; the second "
     "value would silently win in many tools.",
     "YAML 1.2 §3.2.1.1 (mapping keys are unique).", "Remove or rename one of the keys.",
     "- id: qlvb\n  name: Quản lý văn bản\n  name: QLVB\n",
     "- id: qlvb\n  name: Quản lý văn bản\n  name-en: Document management\n"},
    {"yaml.encoding", EGAF_SEV_ERROR, "file is not UTF-8",
     "The file is UTF-16 or UTF-32, holds bytes that are not valid UTF-8, or holds control "
     "characters (such as NUL) that YAML does not allow.",
     FORMAT_BASIS ": models are UTF-8 so that Vietnamese names read the same everywhere.",
     "Save the file as UTF-8 (with or without BOM).", NULL, NULL},
    {"yaml.limit", EGAF_SEV_ERROR, "file over a size limit",
     "The file is larger than 16 MiB, or its collections nest deeper than 64 levels.",
     FORMAT_BASIS ": limits keep every run bounded in time and memory, whatever the input.",
     "Split the model into included files; flatten the nesting.", NULL, NULL},
    {"yaml.multiple-documents", EGAF_SEV_ERROR, "more than one YAML document",
     "The file holds a second YAML document after `---`. A model file holds one document.",
     FORMAT_BASIS ".", "Move the second document into a file of its own and include it.",
     "framework: \"2.0\"\n---\nbusiness: {}\n", "framework: \"2.0\"\ninclude: [nghiep-vu.yaml]\n"},
    {"yaml.no-document", EGAF_SEV_ERROR, "file holds no YAML document",
     "The file is empty or holds only comments.", FORMAT_BASIS ".",
     "Write the model, or remove the file from the folder.", NULL, NULL},
    {"yaml.syntax", EGAF_SEV_ERROR, "YAML syntax error",
     "libyaml could not parse the file. Nothing after the error is checked.",
     "YAML 1.1/1.2 as read by libyaml.",
     "Fix the syntax at the position given (indentation, a missing `:` or quote).",
     "name: \"Cổng dịch vụ công\n", "name: \"Cổng dịch vụ công\"\n"},
    {"yaml.tag", EGAF_SEV_ERROR, "unsupported YAML tag",
     "A node has a tag other than the YAML core tags (`!!str`, `!!int`, …).",
     FORMAT_BASIS ": tags would make a model mean different things in different tools.",
     "Remove the tag.", "name: !vn Cổng\n", "name: Cổng\n"},
};

const egaf_rule *egaf_rules(size_t *count)
{
    *count = sizeof(catalogue) / sizeof(catalogue[0]);
    return catalogue;
}

static int compare_id(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const egaf_rule *)elem)->id);
}

const egaf_rule *egaf_rule_find(const char *id)
{
    size_t n;
    const egaf_rule *all = egaf_rules(&n);
    return bsearch(id, all, n, sizeof(*all), compare_id);
}
