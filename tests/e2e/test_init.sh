#!/usr/bin/env bash
# egaf init: a starting model for an agency, with every mandatory component
# of the edition for its level, that validates with no error findings.
. "$(dirname "$0")/lib.sh"

# init_ok NAME ARGS...: egaf init ARGS -o $T/NAME.yaml exits 0, and the model
# validates (exit 0, no error findings).
init_ok() {
    local name=$1
    shift
    run init "$@" -o "$T/$name.yaml"
    expect_status "$name-init-exit" 0
    run validate "$T/$name.yaml"
    expect_status "$name-validates" 0
    expect_grep "$name-no-errors" '0 errors'
}

# A 2020 province by organ code (Hà Nội's H26, QĐ 2918/QĐ-UBND): framework 2.0.
init_ok ha-noi-2020 --agency 000.00.00.H26 --year 2020
m="$T/ha-noi-2020.yaml"
expect_greps "$m" <<'GREPS'
ls-framework  ^framework: "2\.0"$
ls-arch-id    ^  id: ha-noi$
ls-level      ^  level: province$
ls-lgsp       ^    - id: lgsp-ha-noi$
ls-lgsp-ngsp  connects: \[national:ngsp\]
ls-tthc-role  ^      role: tthc$
ls-dvcqg      ^      to: national:dvcqg$
ls-route-a    ^      route: a$
ls-tltvb      ^      to: national:tltvb$
ls-bccp       ^      to: national:bccp$
ls-tslcd      connects: \[national:tslcd\]
ls-firewall   ^      kind: firewall$
ls-roadmap    ^  roadmap:$
GREPS
expect_grep ls-fill-comments '^ *# Điền: ' "$m"
expect_no_grep ls-no-vneid 'national:vneid' "$m"
for s in business data application technology security implementation; do
    expect_grep "ls-section-$s" "^$s:$" "$m"
done

# The parts an architect fills in (issue 18): commented skeletons of the
# legal basis, the units and their relations, the roadmap task's lead,
# partners, funding and budget, the targets and the solutions; uncommented,
# the model still validates without a finding and holds them.
expect_grep ls-legal-basis-skeleton '^  # legal-basis:$' "$m"
expect_grep ls-legal-basis-framework '^  #   - "Khung Kiến trúc Chính phủ điện tử Việt Nam, phiên bản 2\.0 \(QĐ 2323/QĐ-BTTTT\)"$' "$m"
expect_no_grep ls-legal-basis-no-later-law 'Giao dịch điện tử số 20/2023' "$m"
expect_greps "$m" <<'GREPS'
ls-units-skeleton      ^  # units:$
ls-unit-office         ^  #     name: "Văn phòng Ủy ban nhân dân thành phố Hà Nội"$
ls-relations-skeleton  ^  # relations:$
ls-roadmap-lead        ^      # lead: van-phong$
ls-roadmap-budget      ^      # budget-million: 1000$
ls-targets-skeleton    ^  # targets:$
ls-target-year         ^  #     year: 2022$
ls-solutions-skeleton  ^  # solutions:$
GREPS
sed -E 's/^( *)# ((legal-basis|units|relations|targets|solutions|lead|partners|funding|budget-million|outputs|progress):|  +(- |[a-z-]+:)|- )/\1\2/' \
    "$m" >"$T/uncommented.yaml"
run validate "$T/uncommented.yaml"
expect_status uncommented-validates 0
# a 2020 model with targets is held to NQ 17/NQ-CP's national targets of
# 2019-2020 (reported, so warnings): the skeleton's one target covers none
expect_grep uncommented-no-errors '^1 file checked: 0 errors, 14 warnings, 0 notes$'
expect_grep uncommented-national-targets 'warning: no target serves national target .*\[target.national-uncovered\]'
run export --format json -o "$T/uncommented.json" "$T/uncommented.yaml"
for kind in unit relation target solution; do
    expect_grep "uncommented-has-$kind" "\"kind\": \"$kind\"" "$T/uncommented.json"
done

# A 2026 province formed in 2025 (no organ code): framework 4.0, with VNeID.
init_ok bac-ninh-2026 --agency bac-ninh-2025 --year 2026
m="$T/bac-ninh-2026.yaml"
expect_greps "$m" <<'GREPS'
bn-framework        ^framework: "4\.0"$
bn-arch-id          ^  id: bac-ninh$
bn-agency           ^  agency: "bac-ninh-2025"
bn-lgsp             ^    - id: lgsp-bac-ninh$
bn-vneid            ^      to: national:vneid$
bn-legal-basis-law  ^  #   - "Luật Giao dịch điện tử số 20/2023/QH15"$
GREPS
# in 2026 no national target is in force: uncommented, no finding at all
sed -E 's/^( *)# ((legal-basis|units|relations|targets|solutions|lead|partners|funding|budget-million|outputs|progress):|  +(- |[a-z-]+:)|- )/\1\2/' \
    "$m" >"$T/uncommented-2026.yaml"
run validate "$T/uncommented-2026.yaml"
expect_grep uncommented-2026-no-findings '^1 file checked: 0 errors, 0 warnings, 0 notes$'

# A ministry.
init_ok bo-y-te-2020 --agency bo-y-te --year 2020
m="$T/bo-y-te-2020.yaml"
expect_grep byt-level '^  level: ministry$' "$m"
expect_grep byt-lgsp '^    - id: lgsp-bo-y-te$' "$m"

# An explicit edition in force in the year (3.0 in 2024) has the VNeID link too.
init_ok lang-son-2024 --agency lang-son --year 2024 --framework 3.0
expect_grep ls24-vneid '^      to: national:vneid$' "$T/lang-son-2024.yaml"

# Never overwrites: exit 2, the file unchanged.
cp "$T/ha-noi-2020.yaml" "$T/before.yaml"
run init --agency bo-y-te --year 2020 -o "$T/ha-noi-2020.yaml"
expect_status refuses-overwrite 2
expect_grep refuses-overwrite-message 'already exists' "$ERR"
check refuses-overwrite-unchanged cmp -s "$T/before.yaml" "$T/ha-noi-2020.yaml"

# Unknown agency: exit 2 with a did-you-mean; nothing written.
run init --agency bo-y-tee --year 2020 -o "$T/unknown.yaml"
expect_status unknown-agency 2
expect_grep unknown-agency-suggests "did you mean 'bo-y-te'" "$ERR"
check unknown-agency-no-file test ! -e "$T/unknown.yaml"

# An agency that does not exist in the year says why.
run init --agency bac-ninh-2025 --year 2020 -o "$T/early.yaml"
expect_status agency-not-yet 2
expect_grep agency-not-yet-message 'does not exist in 2020' "$ERR"

# Usage errors.
run init -o "$T/x.yaml"
expect_status no-agency 2
run init --agency lang-son
expect_status no-output 2
run init --agency lang-son --year 20x0 -o "$T/x.yaml"
expect_status bad-year 2
run init --agency lang-son --year 2020 --framework 9.9 -o "$T/x.yaml"
expect_status unknown-framework 2
run init --agency lang-son --year 2020 --framework 4.0 -o "$T/x.yaml"
expect_status framework-not-in-force 2
run init --help
expect_status help 0
expect_grep help-text 'usage: egaf init'

# Standard output with -o -, and the default year (this year).
run init --agency lang-son -o -
expect_status stdout-exit 0
expect_grep stdout-year "^  year: $(date +%Y)$"
