# test_refs_confidence.sh - no finding at error level rests on a reference
# fact that is not confirmed: the walk over every rule's fixture with every
# fact downgraded; the audited facts through `egaf validate`; `egaf refs
# audit` and `egaf refs diff` against their goldens.
. "$(dirname "$0")/lib.sh"
G=tests/golden/refs
F=tests/fixtures/refs

# --- the walk: every fact made "inferred", every rule's fixture and every
# example validated; an error may only come from a rule that reads no
# reference fact (the format, the model's own ids, the framework editions'
# instruments and dates). Any other rule must lower its finding to a warning.
cp -R "$EGAF_ROOT/reference-models" "$T/guessed"
sed -i 's/confidence: confirmed/confidence: inferred/g; s/confidence: reported/confidence: inferred/g' \
    "$T"/guessed/*.yaml
no_refs='^(yaml\.|schema\.|include\.|roadmap\.|ref\.duplicate-id$|ref\.unresolved$|ref\.wrong-kind$|cross\.id-clash$|cross\.unresolved$|security\.level-missing$|header\.framework-unknown$|header\.year-outside-edition$)'
walked=0
for model in tests/fixtures/rules/*.yaml examples/broken/*.yaml examples/national-2020/*.yaml \
    examples/national-2026/*.yaml "$F"/*.yaml; do
    walked=$((walked + 1))
    egaf validate --refs "$T/guessed" --format json "$model" >"$OUT" 2>"$ERR"
    node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const list = Array.isArray(r) ? r : r.findings;
        const re = new RegExp(process.argv[2]);
        for (const f of list)
            if (f.severity === "error" && !re.test(f.rule))
                console.log(f.rule + " at " + f.file + ":" + f.line);' "$OUT" "$no_refs" >"$T/bad"
    if [ -s "$T/bad" ]; then
        fail "walk-$(basename "$model" .yaml)" "an error rests on a guessed fact: $(head -1 "$T/bad")"
    fi
done
check walk-covers-the-rules test "$walked" -ge 50
# and the walk sees the errors it should: with the real data, the same
# fixtures do have errors of the rules it exempts nothing from
run validate --format json tests/fixtures/rules/data.owns-national.yaml
expect_grep walk-real-data-errors '"severity": ?"error"'
run validate --refs "$T/guessed" tests/fixtures/rules/data.owns-national.yaml
expect_grep walk-guessed-owner-is-warning ': warning: .*\[data\.owns-national\]$'
expect_grep walk-guessed-says-why 'not confirmed from the original text \(inferred, not stated by any source'

# --- a model that uses an inferred or reported fact: a warning, not an error
mkdir -p "$T/m"
cat >"$T/m/nghe-an-as-ministry.yaml" <<'YAML'
framework: "2.0"
architecture:
  id: nghe-an
  agency: "000.00.00.H41"
  level: ministry
  name: Kiến trúc Chính quyền điện tử tỉnh Nghệ An
  year: 2020
YAML
run validate --disable section.missing --disable component.missing "$T/m/nghe-an-as-ministry.yaml"
expect_status reported-code-exit-0 0
expect_grep reported-code-warning "^$T/m/nghe-an-as-ministry\.yaml:5:10: warning: level is 'ministry' but Nghệ An \(nghe-an\) is a province \[header\.level-mismatch\]$"
expect_grep reported-code-says-which 'this rests on the organ code of Nghệ An, not confirmed from the original text \(only reported by a secondary source: public code samples'
run --lang vi validate --disable section.missing --disable component.missing "$T/m/nghe-an-as-ministry.yaml"
expect_grep reported-code-vietnamese 'mã định danh của Nghệ An, chưa được xác nhận từ văn bản gốc'

cat >"$T/m/bhxh-2026.yaml" <<'YAML'
framework: "4.0"
architecture:
  id: bhxh
  agency: bhxh-viet-nam
  level: ministry
  name: Kiến trúc Chính phủ số Bảo hiểm xã hội Việt Nam
  year: 2026
YAML
run validate --disable section.missing --disable component.missing "$T/m/bhxh-2026.yaml"
expect_status reported-end-exit-0 0
expect_grep reported-end-warning ": warning: agency 'bhxh-viet-nam' does not exist in 2026, the model's year: .*\[header\.agency-unknown\]$"

# the same verdicts on confirmed facts are errors
sed 's/"000.00.00.H41"/"000.00.00.H26"/; s/Nghệ An/Hà Nội/' "$T/m/nghe-an-as-ministry.yaml" >"$T/m/ha-noi-as-ministry.yaml"
run validate --disable section.missing --disable component.missing "$T/m/ha-noi-as-ministry.yaml"
expect_status confirmed-code-exit-1 1
expect_grep confirmed-code-is-ha-noi ":5:10: error: level is 'ministry' but Hà Nội \(ha-noi\) is a province \[header\.level-mismatch\]$"

# --- the audited facts in whole models
run validate "$F/bo-nong-nghiep-va-moi-truong-2026.yaml"
expect_status g10-2026-valid 0
expect_grep g10-2026-clean '^1 file checked: 0 errors, 0 warnings, 0 notes$'
run validate "$F/ha-noi-2020.yaml"
expect_status h26-2020-valid 0
expect_grep h26-2020-clean '^1 file checked: 0 errors, 0 warnings, 0 notes$'
# H26 is Hà Nội: a model of Hải Dương that writes it is an error
sed 's/^  id: ha-noi$/  id: hai-duong/; s/thành phố Hà Nội/tỉnh Hải Dương/g; s/Hà Nội/Hải Dương/g' \
    "$F/ha-noi-2020.yaml" >"$T/m/hai-duong.yaml"
run validate "$T/m/hai-duong.yaml"
expect_status h26-other-agency-exit-1 1
expect_grep h26-other-agency "error: organ code '000.00.00.H26' is the code of Hà Nội \(ha-noi\), but the architecture is titled for Hải Dương \[header\.agency-unknown\]$"
# an organ code the data does not have: accepted with a note
sed 's/"000.00.00.H26"/"000.00.00.H28"/; s/^  id: ha-noi$/  id: hau-giang/; s/Hà Nội/Hậu Giang/g' \
    "$F/ha-noi-2020.yaml" >"$T/m/hau-giang.yaml"
run validate "$T/m/hau-giang.yaml"
expect_status unknown-code-exit-0 0
expect_grep unknown-code-note "note: organ code '000.00.00.H28' is not in the reference data"
# an agency by name: a did-you-mean to the id and the code
for name in 'Hậu Giang' 'Tỉnh Hậu Giang' 'HẬU GIANG'; do
    sed "s/\"000.00.00.H28\"/\"$name\"/" "$T/m/hau-giang.yaml" >"$T/m/by-name.yaml"
    run validate "$T/m/by-name.yaml"
    expect_grep "by-name-$name" "error: agency '$name' is a name; write the agency's id or organ code"
    expect_grep "by-name-hint-$name" 'did you mean `agency: hau-giang` \(Hậu Giang; its organ code is not in the reference data\)\?'
done
sed 's/"000.00.00.G10"/Bộ Nông nghiệp và Môi trường/' "$F/bo-nong-nghiep-va-moi-truong-2026.yaml" >"$T/m/nnmt-name.yaml"
run validate "$T/m/nnmt-name.yaml"
expect_grep by-name-code 'did you mean `agency: bo-nong-nghiep-va-moi-truong` \(Bộ Nông nghiệp và Môi trường, organ code 000\.00\.00\.G10, confirmed\)\?'
# TTDLQG did not exist in 2024
cat >"$T/m/ttdlqg-2024.yaml" <<'YAML'
framework: "3.0"
architecture:
  id: x
  agency: lang-son
  level: province
  name: Kiến trúc tỉnh Lạng Sơn
  year: 2024
application:
  platforms:
    - {id: lgsp, name: LGSP, kind: lgsp, security-level: 2, connects: [national:ttdlqg]}
YAML
run validate --disable section.missing --disable component.missing "$T/m/ttdlqg-2024.yaml"
expect_grep ttdlqg-2024 "error: 'national:ttdlqg' \(Trung tâm dữ liệu quốc gia\) does not exist in 2024, the model's year \[ref\.unresolved\]$"
sed -i 's/year: 2024/year: 2025/' "$T/m/ttdlqg-2024.yaml"
run validate --disable section.missing --disable component.missing "$T/m/ttdlqg-2024.yaml"
expect_no_grep ttdlqg-2025 "ttdlqg.*does not exist"

# --- refs audit and refs diff: goldens
run refs audit examples/national-2026/nghe-an.yaml "$F/ha-noi-2020.yaml"
expect_status audit-exit 0
expect_out audit-golden "$G/audit.txt"
run refs audit --format json examples/national-2026/nghe-an.yaml
check audit-json node -e '
    const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const f = a[0].facts.find(x => x.fact.startsWith("the organ code of Nghệ An"));
    process.exit(a.length === 1 && f && f.confidence === "reported" ? 0 : 1)' "$OUT"
run refs diff --from 2020 --to 2026
expect_status diff-exit 0
expect_out diff-golden-text "$G/diff-2020-2026.txt"
run refs diff --from 2020 --to 2026 --format markdown
expect_out diff-golden-markdown "$G/diff-2020-2026.md"
run refs diff --from 2020 --to 2026 --format json
expect_out diff-golden-json "$G/diff-2020-2026.json"
check diff-json-changes node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = (id, ch) => d.changes.some(x => x.id === id && x.change === ch);
    process.exit(c("bac-giang", "merged") && c("thua-thien-hue", "renamed") &&
        c("ttdlqg", "added") && c("bhxh-viet-nam", "removed") &&
        c("cong-du-lieu", "re-owned") && c("csdl-xuat-nhap-canh", "listed") &&
        !d.changes.some(x => x.id === "ha-noi") ? 0 : 1)' "$OUT"
run refs diff --from 2024-12-31 --to 2025-03-01 --format json
check diff-days node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.exit(d.from === "2024-12-31" && d.to === "2025-03-01" &&
        d.changes.some(x => x.id === "bo-thong-tin-va-truyen-thong") &&
        !d.changes.some(x => x.id === "bac-giang") ? 0 : 1)' "$OUT"
run refs diff --from 2026 --to 2020
expect_status diff-backwards 2
run refs diff --from 2020
expect_status diff-needs-to 2
run refs diff --from twenty --to 2026
expect_status diff-bad-date 2
run refs audit
expect_status audit-needs-model 2

# egaf init: a name gives the id; an organ code the data does not have is not
# "corrected" into a neighbour's code
run init --agency 'Tỉnh Lạng Sơn' --year 2020 -o "$T/m/init.yaml"
expect_status init-by-name-exit 2
expect_grep init-by-name "did you mean 'lang-son' \(Lạng Sơn\)\?" "$ERR"
run init --agency 000.00.00.H37 --year 2020 -o "$T/m/init.yaml"
expect_status init-unknown-code-exit 2
expect_grep init-unknown-code "organ code '000\.00\.00\.H37' is not in the reference data" "$ERR"
expect_no_grep init-unknown-code-no-neighbour "H38" "$ERR"
