# test_refs.sh - `egaf refs list|show` on the real reference models, and
# broken copies of the data stopping `egaf validate` with exit 2 and a
# positioned finding that names the reference file.
. "$(dirname "$0")/lib.sh"

# json_count FILE EXPR: how many items of the JSON array in FILE satisfy the
# JavaScript expression EXPR over `x`.
json_count() {
    node -e '
        const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const f = new Function("x", "return (" + process.argv[2] + ");");
        console.log(a.filter(f).length);' "$1" "$2"
}

# expect_eq NAME GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got '$2', expected '$3'"; fi
}

# --- list ---

run refs list --kind agencies --year 2020 --format json
expect_status refs-list-2020-status 0
expect_eq refs-2020-provinces "$(json_count "$OUT" 'x.level === "province"')" 63
expect_eq refs-2020-ministries "$(json_count "$OUT" 'x.level === "ministry"')" 22
expect_eq refs-2020-all-agencies "$(json_count "$OUT" 'x.kind === "agency"')" \
    "$(json_count "$OUT" 'true')"
expect_eq refs-2020-bac-giang-successor \
    "$(json_count "$OUT" 'x.id === "bac-giang" && x.successor.join() === "bac-ninh-2025" && x["valid-to"] === "2025-06-30"')" 1
expect_eq refs-2020-ha-noi-codes \
    "$(json_count "$OUT" 'x.id === "ha-noi" && x["organ-code"] === "000.00.00.H26" && x["gso-code"] === "01" && x.facts["organ-code"].confidence === "confirmed"')" 1
expect_eq refs-2020-no-inferred-code \
    "$(json_count "$OUT" 'x["organ-code"] && !["confirmed", "reported"].includes(x.facts["organ-code"].confidence)')" 0
expect_eq refs-2020-lang-son-no-code \
    "$(json_count "$OUT" 'x.id === "lang-son" && x["organ-code"] === null && x["gso-code"] === "20"')" 1
expect_eq refs-2020-municipalities "$(json_count "$OUT" 'x.municipality === true')" 5
expect_eq refs-json-fields \
    "$(json_count "$OUT" '["id","kind","name","name-en","owner","valid-from","valid-to","source","confidence","level","organ-code","gso-code","municipality","successor"].every(k => k in x)')" \
    "$(json_count "$OUT" 'true')"

run refs list --kind agencies --year 2026 --format json
expect_eq refs-2026-provinces "$(json_count "$OUT" 'x.level === "province"')" 34
expect_eq refs-2026-ministries "$(json_count "$OUT" 'x.level === "ministry"')" 17
expect_eq refs-2026-no-bac-giang "$(json_count "$OUT" 'x.id === "bac-giang"')" 0
expect_eq refs-2026-municipalities "$(json_count "$OUT" 'x.municipality === true')" 6

run refs list --kind national-databases --year 2026 --format json
expect_eq refs-dkdn-owner-2026 \
    "$(json_count "$OUT" 'x.id === "csdl-dang-ky-doanh-nghiep" && x.owner === "bo-tai-chinh"')" 1
expect_eq refs-priority-714 "$(json_count "$OUT" 'x["priority-714"] === true && x.owner !== null')" 6
run refs list --kind national-databases --year 2020 --format json
expect_eq refs-dkdn-owner-2020 \
    "$(json_count "$OUT" 'x.id === "csdl-dang-ky-doanh-nghiep" && x.owner === "bo-ke-hoach-va-dau-tu"')" 1

run refs list --kind shared-systems --format json
expect_eq refs-systems-count "$(json_count "$OUT" 'x.kind === "shared-system"')" 17
expect_eq refs-systems-owner-source "$(json_count "$OUT" 'x.owner && x.source && x.confidence')" 17

run refs list --kind shared-systems --framework 2.0 --format json
expect_eq refs-systems-2.0 "$(json_count "$OUT" 'x.editions.includes("2.0")')" 14
expect_eq refs-systems-2.0-no-vneid "$(json_count "$OUT" 'x.id === "vneid"')" 0

run refs list --kind data-subjects --format json
expect_eq refs-subjects "$(json_count "$OUT" 'x.kind === "data-subject" && x["authoritative-db"]')" 7

run refs list --kind codes --framework 2.0 --format json
expect_status refs-codes-status 0
expect_eq refs-codes-drm \
    "$(json_count "$OUT" 'x.id === "DRM001.001" && x.kind === "drm" && x.provisional === false && x.source')" 1
expect_eq refs-codes-brm-provisional "$(json_count "$OUT" 'x.kind === "brm" && x.provisional')" 43

# text: one aligned line per entry, in file order
run refs list --kind agencies --year 2026
expect_status refs-text-status 0
expect_eq refs-text-lines "$(wc -l <"$OUT" | tr -d ' ')" 56
expect_eq refs-2026-government-agencies "$(grep -c ' government-agency ' "$OUT")" 5
expect_grep refs-text-first '^bo-cong-an +Bộ Công an +ministry +-$'
check refs-text-aligned node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
    const cols = new Set(lines.map(l => l.search(/ (ministry|government-agency|province) /)));
    process.exit(cols.size === 1 && !cols.has(-1) ? 0 : 1)' "$OUT"
run refs list
expect_eq refs-list-all "$(wc -l <"$OUT" | tr -d ' ')" 173

# --- show ---

run refs show national:ngsp
expect_status refs-show-national-prefix 0
expect_grep refs-show-source '^source: +TT 13/2017/TT-BTTTT \(23/6/2017\)$'
expect_grep refs-show-owner '^owners: +bo-thong-tin-va-truyen-thong'
expect_grep refs-show-note '^note: +'
run refs show ngsp --format json
expect_status refs-show-json 0
check refs-show-json-id node -e '
    const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.exit(o.id === "ngsp" && o.owners.length === 2 && o.editions.length === 3 ? 0 : 1)' "$OUT"
run refs show 000.00.00.H26 --year 2020
expect_grep refs-show-organ-code '^id: +ha-noi$'
run refs show 000.00.00.H26 --year 2026
expect_grep refs-show-organ-code-2026 '^id: +ha-noi$'
expect_grep refs-show-code-citation '^organ code: +confirmed$'
expect_grep refs-show-code-instrument '^ +QĐ 2918/QĐ-UBND of UBND TP Hà Nội \(17/8/2022\)$'
run refs show 000.00.00.G10 --year 2026
expect_grep refs-show-g10 '^id: +bo-nong-nghiep-va-moi-truong$'
expect_grep refs-show-g10-citation '^ +QĐ 09/2025/QĐ-TTg \(14/4/2025\), amending QĐ 20/2020/QĐ-TTg \(22/7/2020\)$'
run refs show cong-du-lieu --year 2026
expect_grep refs-show-portal-owner '^owner in 2026: +bo-cong-an$'
expect_grep refs-show-portal-owner-source '^owner bo-cong-an: +confirmed$'
run refs show csdl-xuat-nhap-canh
expect_grep refs-show-listed '^listed: +2026-03-28$'
expect_grep refs-show-start-unknown '^valid-from: +unknown'
# no internal fact-sheet label anywhere a user reads
run refs list --format json
expect_eq refs-no-internal-labels "$(grep -cE '"[^"]*(facts S|facts §|\bS[0-9]{1,2}\b)' "$OUT")" 0
run refs show bac-giang --year 2026
expect_grep refs-show-successor '^successor: +bac-ninh-2025 \(Bắc Ninh\)'
expect_grep refs-show-not-valid '^valid in 2026: +no$'
run refs show DRM001.001 --framework 2.0
expect_status refs-show-code 0
expect_grep refs-show-code-name '^name: +Hỗ trợ doanh nghiệp'

run refs show ngspp
expect_status refs-show-unknown-status 2
expect_grep refs-show-did-you-mean "did you mean 'ngsp'" "$ERR"
run refs show national:ngspp
expect_grep refs-show-did-you-mean-prefix "did you mean 'ngsp'" "$ERR"

# --- usage ---

run refs --help
expect_status refs-help 0
expect_grep refs-help-text '^usage: egaf refs'
run refs list --kind agency
expect_status refs-bad-kind 2
expect_grep refs-bad-kind-hint "did you mean 'agencies'" "$ERR"
run refs list --year twenty
expect_status refs-bad-year 2
run refs list --kind codes --framework 9.0
expect_status refs-bad-framework 2
run refs lst
expect_status refs-bad-subcommand 2
expect_grep refs-bad-subcommand-hint "did you mean 'list'" "$ERR"
run refs show
expect_status refs-show-no-id 2
run refs list --refs "$T/no-such-folder"
expect_status refs-missing-folder 2
expect_grep refs-missing-folder-msg "cannot read folder" "$ERR"

# found beside the build tree when nothing else says where
(unset EGAF_REFS; cd "$T" && egaf refs list --kind shared-systems >"$OUT" 2>"$ERR")
STATUS=$?
expect_status refs-found-beside-build 0
expect_eq refs-found-beside-build-count "$(wc -l <"$OUT" | tr -d ' ')" 17

# --- broken copies stop validate with exit 2 ---

mkdir -p "$T/model"
cat >"$T/model/lang-son.yaml" <<'EOF'
framework: "2.0"
architecture:
  id: lang-son
  agency: lang-son
  level: province
  name: Kiến trúc Chính quyền điện tử tỉnh Lạng Sơn
  version: "2.0"
  year: 2020
EOF

# broken NAME FILE SED: a copy of the data with one edit in FILE
broken() {
    rm -rf "$T/$1"
    cp -R "$EGAF_ROOT/reference-models" "$T/$1"
    sed -i "$3" "$T/$1/$2"
    if cmp -s "$EGAF_ROOT/reference-models/$2" "$T/$1/$2"; then
        echo "FAIL $1: the edit did not change $2"
    fi
}

broken refs-ok agencies.yaml 's/^# egaf reference model/# a copy of the egaf reference model/'
run validate --refs "$T/refs-ok" "$T/model/lang-son.yaml"
if [ "$STATUS" != 2 ]; then ok refs-copy-loads; else fail refs-copy-loads "a plain copy was refused"; fi
run refs list --refs "$T/refs-ok" --kind data-subjects
expect_status refs-copy-list 0

broken refs-dup agencies.yaml '0,/- id: bo-cong-thuong$/s//- id: bo-cong-an/'
run validate --refs "$T/refs-dup" "$T/model/lang-son.yaml"
expect_status refs-dup-exit 2
expect_grep refs-dup-message "^$T/refs-dup/agencies\.yaml:[0-9]+:[0-9]+: error: .*'bo-cong-an'.*\[refs\.duplicate-id\]$" "$ERR"
expect_grep refs-dup-summary "reference models in '.*refs-dup' are broken" "$ERR"

broken refs-succ agencies.yaml '0,/successor: \[bac-ninh-2025\]/s//successor: [bac-ninh-2052]/'
run validate --refs "$T/refs-succ" "$T/model/lang-son.yaml"
expect_status refs-succ-exit 2
expect_grep refs-succ-message "^$T/refs-succ/agencies\.yaml:[0-9]+:[0-9]+: error: successor 'bac-ninh-2052' of 'bac-giang' .*\[refs\.unresolved\]$" "$ERR"
expect_grep refs-succ-hint "did you mean 'bac-ninh-2025'" "$ERR"

broken refs-yaml shared-systems.yaml '0,/^  - id: dvcqg$/s//  - id: [dvcqg/'
run validate --refs "$T/refs-yaml" "$T/model/lang-son.yaml"
expect_status refs-yaml-exit 2
expect_grep refs-yaml-message "^$T/refs-yaml/shared-systems\.yaml:[0-9]+:[0-9]+: error: .*\[yaml\.syntax\]$" "$ERR"

broken refs-source national-databases.yaml '0,/^    source: \["QĐ 714/s//    sorce: ["QĐ 714/'
run refs list --refs "$T/refs-source"
expect_status refs-source-exit 2
expect_grep refs-source-missing "national-databases\.yaml:[0-9]+:[0-9]+: error: national database 'csdl-dan-cu' has no 'source' \[refs\.missing-source\]$" "$ERR"
expect_grep refs-source-unknown-key "national-databases\.yaml:[0-9]+:5: error: unknown key 'sorce'.*\[refs\.schema\]$" "$ERR"
expect_grep refs-source-did-you-mean "did you mean 'source'" "$ERR"

# --- a broken agencies.yaml: exit 2 with a position, never a crash ---

for case in empty map alias; do
    rm -rf "$T/refs-$case"
    cp -R "$EGAF_ROOT/reference-models" "$T/refs-$case"
    case $case in
    empty) printf 'kind: agencies\nagencies: []\n' >"$T/refs-$case/agencies.yaml" ;;
    map) printf 'kind: agencies\nagencies: {bo-cong-an: 1}\n' >"$T/refs-$case/agencies.yaml" ;;
    alias) {
        printf 'kind: agencies\nagencies: &a [&b [&c [&d [x, x, x, x, x, x, x, x, x, x],\n'
        printf '  *d, *d, *d, *d, *d, *d, *d, *d, *d], *c, *c, *c, *c, *c, *c, *c, *c, *c],\n'
        printf '  *b, *b, *b, *b, *b, *b, *b, *b, *b]\nmore: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n'
    } >"$T/refs-$case/agencies.yaml" ;;
    esac
    for cmd in "refs list" "validate $T/model/lang-son.yaml"; do
        # shellcheck disable=SC2086
        run $cmd --refs "$T/refs-$case"
        expect_status "refs-agencies-$case-${cmd%% *}-exit" 2
        expect_grep "refs-agencies-$case-${cmd%% *}-position" "^$T/refs-$case/agencies\.yaml:[0-9]+:[0-9]+: error: " "$ERR"
    done
done
run refs list --refs "$T/refs-empty"
expect_grep refs-agencies-empty-message "agencies\.yaml:2:11: error: 'agencies' is empty \[refs\.schema\]$" "$ERR"
run refs list --refs "$T/refs-alias"
expect_grep refs-agencies-alias-message "agencies\.yaml:[0-9]+:[0-9]+: error: .*\[yaml\.alias\]$" "$ERR"
