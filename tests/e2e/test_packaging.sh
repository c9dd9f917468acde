#!/usr/bin/env bash
# test_packaging.sh - what packagers and CI users take: the zsh and fish
# completions (parsed, and fish's completing), make install / uninstall,
# make dist (the same bytes twice; the tarball extracts and builds), the
# Debian package built from that tarball (dpkg-buildpackage, lintian with no
# error, unpacked with dpkg -x and run; dpkg -i / dpkg -r only as root in CI,
# CI=true), the container image (built only where a container engine
# answers), and the CI definitions (action.yml, the GitLab template,
# .pre-commit-hooks.yaml) read as YAML with the keys their hosts need.
# Skips say why on an "ok" line, so a run shows what it did not check.
source "$(dirname "$0")/lib.sh"

skip() { echo "ok $1 # skipped: $2"; }

# --- completions --------------------------------------------------------------
for sh in zsh fish; do
    if ! command -v "$sh" >/dev/null; then
        fail "$sh completion parses" "$sh is not installed (make deps installs it)"
    fi
done
check "zsh completion parses (zsh -n)" zsh -n completion/_egaf
check "fish completion parses (fish -n)" fish -n completion/egaf.fish
check "bash completion parses (bash -n)" bash -n completion/egaf.bash
bin_dir=$(dirname "$EGAF")
# compinit -D: no dump file (compdump moves its dump onto the file named by
# -d, which must never be a device); HOME in the test folder, so neither
# shell writes into the user's.
mkdir -p "$T/home"
HOME=$T/home zsh -f -c 'fpath=(completion $fpath); autoload -Uz compinit; compinit -u -D;
    print -r -- ${_comps[egaf]}' >"$OUT" 2>"$ERR"
expect_grep "zsh: compinit registers _egaf for egaf" '^_egaf$'
HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_DATA_HOME=$T/home/.local/share \
    PATH="$bin_dir:$PATH" fish --no-config -c 'source completion/egaf.fish
    complete -C"egaf validate --format "; complete -C"egaf validate --ba";
    complete -C"egaf explain schema.unknown-k"; complete -C"egaf rend"' >"$OUT" 2>"$ERR"
expect_grep "fish: formats of validate" '^sarif'
expect_grep "fish: --base of validate" '^--base'
expect_grep "fish: rule ids from egaf rules" '^schema\.unknown-key$'
expect_grep "fish: commands" '^render'

# --- make install / uninstall -------------------------------------------------
dest=$T/dest
inst_build=$(build_copy) # PREFIX=/usr compiles two files again: not in $EGAF's build
make --no-print-directory -s install BUILD="$inst_build" DESTDIR="$dest" PREFIX=/usr >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "make install" 0
for f in bin/egaf share/man/man1/egaf.1 share/bash-completion/completions/egaf \
    share/zsh/vendor-completions/_egaf share/fish/vendor_completions.d/egaf.fish \
    share/locale/vi/LC_MESSAGES/egaf.mo share/egaf/reference-models/agencies.yaml; do
    check "make install writes $f" test -f "$dest/usr/$f"
done
make --no-print-directory -s uninstall BUILD="$inst_build" DESTDIR="$dest" PREFIX=/usr >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "make uninstall" 0
find "$dest" ! -type d >"$T/left"
if [ ! -s "$T/left" ]; then ok "make uninstall removes every file install wrote"; else
    fail "make uninstall removes every file install wrote" "left:"
    head "$T/left"
fi

# --- CI definitions -------------------------------------------------------------
# yamlcheck NAME FILE SCRIPT: SCRIPT runs in python3 with the parsed FILE as d.
yamlcheck() {
    local name=$1 file=$2 why
    if why=$(python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
def need(c, why):
    if not c:
        print(why); sys.exit(1)
'"$3" "$file" 2>&1); then ok "$name"; else fail "$name" "$why"; fi
}
yamlcheck "action.yml: composite, validates to SARIF and uploads it" action.yml '
need(d["runs"]["using"] == "composite", "not composite")
steps = d["runs"]["steps"]
runs = "\n".join(s.get("run", "") for s in steps)
need("validate --format sarif --base" in runs, "no sarif validate step")
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
need(up and up[0]["with"]["sarif_file"] == "${{ inputs.sarif-file }}", "no upload-sarif step")
need(all("shell" in s for s in steps if "run" in s), "a run step without shell")
need(d["inputs"]["models"]["required"] is True, "models input")
'
yamlcheck "GitLab template: Code Quality and JUnit reports" ci/gitlab/egaf.gitlab-ci.yml '
job = d["egaf-validate"]
rep = job["artifacts"]["reports"]
need(rep["codequality"] == "gl-code-quality-report.json" and rep["junit"] == "egaf-junit.xml",
     "reports " + str(rep))
script = "\n".join(job["script"])
need("--format gitlab" in script and "-o gl-code-quality-report.json" in script, "gitlab run")
need("--format junit" in script and "-o egaf-junit.xml" in script, "junit run")
need(job["artifacts"]["when"] == "always", "reports kept when the job fails")
'
yamlcheck ".pre-commit-hooks.yaml: egaf-validate" .pre-commit-hooks.yaml '
h = {x["id"]: x for x in d}["egaf-validate"]
need(h["entry"] == "egaf validate" and h["language"] == "system", "entry")
need(h["pass_filenames"] is False and h["args"] == ["."], "models validated whole")
'
# The GitLab job's commands, run here as the job would (a model with an
# error: the reports are written, the last command fails the job).
gl=$T/gitlab
mkdir -p "$gl/models"
cp examples/broken/key-typo.yaml "$gl/models/"
(
    cd "$gl" || exit 2
    export PATH="$bin_dir:$PATH" CI_PROJECT_DIR=$gl EGAF_ARGS="" EGAF_MODELS=models/
    python3 -c '
import yaml
for line in yaml.safe_load(open("'"$EGAF_ROOT"'/ci/gitlab/egaf.gitlab-ci.yml"))["egaf-validate"]["script"]:
    print(line)' >script.sh
    set +e
    sed -n 1,2p script.sh >head.sh
    bash -e head.sh || exit 3
    sed -n 3p script.sh >last.sh
    bash -e last.sh >/dev/null 2>&1
    [ $? = 1 ] || exit 4
)
STATUS=$?
expect_status "GitLab job commands: reports written, the job fails on errors" 0
check "GitLab job: Code Quality names the file from the project" \
    grep -q '"path": "models/key-typo.yaml"' "$gl/gl-code-quality-report.json"
check "GitLab job: JUnit valid against junit-10.xsd" \
    xmllint --noout --schema tests/data/junit/junit-10.xsd "$gl/egaf-junit.xml"

# The action's Validate step, run here as the runner would (the inputs as
# its env, build/egaf under GITHUB_ACTION_PATH): exit-code 1 in the outputs,
# the SARIF written with paths from the workspace, the step itself passing so
# that the upload runs.
gh=$T/github
mkdir -p "$gh/work/models" "$gh/action"
cp examples/broken/key-typo.yaml "$gh/work/models/"
ln -s "$bin_dir" "$gh/action/build"
python3 -c '
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
print([s for s in steps if s.get("id") == "validate"][0]["run"])' action.yml >"$gh/step.sh"
(cd "$gh/work" && GITHUB_ACTION_PATH=$gh/action GITHUB_OUTPUT=$gh/output EGAF_MODELS=models/     EGAF_ARGS="" EGAF_BASE=$gh/work EGAF_SARIF=egaf.sarif bash -e "$gh/step.sh") >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "action: the Validate step passes so the upload runs" 0
check "action: exit-code=1 in the step's outputs" grep -qx 'exit-code=1' "$gh/output"
check "action: SARIF names the file from the workspace" \
    grep -q '"uri": "models/key-typo.yaml", "uriBaseId": "%SRCROOT%"' "$gh/work/egaf.sarif"
expect_grep "action: annotations in the log" '^::error file=models/key-typo.yaml,line=27,'

# --- container image ------------------------------------------------------------
check "Containerfile: Debian slim" grep -q '^FROM debian:12-slim$' Containerfile
check "Containerfile: runs as a non-root user" grep -qE '^USER egaf$' Containerfile
engine=""
for tool in podman docker; do
    if command -v "$tool" >/dev/null && timeout 20 "$tool" info >/dev/null 2>&1; then
        engine=$tool
        break
    fi
done
if [ -z "$engine" ]; then
    skip "container image builds" "no container tool with a running engine (podman or docker)"
else
    if timeout 1200 "$engine" build -q -t egaf-test -f Containerfile . >"$T/c.log" 2>&1; then
        ok "container image builds ($engine)"
        "$engine" run --rm -v "$EGAF_ROOT/examples:/work:ro" egaf-test validate \
            national-2020/lang-son.yaml >"$OUT" 2>"$ERR"
        STATUS=$?
        expect_status "container: egaf validate runs" 0
        "$engine" run --rm --entrypoint id egaf-test -u >"$OUT" 2>"$ERR"
        expect_no_grep "container: not root" '^0$'
        "$engine" rmi egaf-test >/dev/null 2>&1
    else
        fail "container image builds ($engine)" "see below"
        tail -20 "$T/c.log"
    fi
fi

# --- make dist --------------------------------------------------------------------
if ! git -C "$EGAF_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    skip "make dist" "not a git checkout"
    exit 0
fi
# A clone of the committed tree, so the checkout gets no tarball
git clone -q "$EGAF_ROOT" "$T/clone" 2>"$ERR"
version=$(sed -n 's/^VERSION := //p' Makefile)
make --no-print-directory -s -C "$T/clone" dist >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "make dist" 0
tarball=$T/clone/egaf-$version.tar.gz
sum1=$(sha256sum <"$tarball")
sleep 1
touch "$T/clone/Makefile"
make --no-print-directory -s -C "$T/clone" dist >"$OUT" 2>"$ERR"
sum2=$(sha256sum <"$tarball")
if [ "$sum1" = "$sum2" ]; then ok "make dist: the same bytes twice"; else
    fail "make dist: the same bytes twice" "$sum1 then $sum2"
fi
tar -tzf "$tarball" >"$T/list"
expect_grep "dist: one top folder egaf-$version/" "^egaf-$version/Makefile$" "$T/list"
expect_grep "dist: has the Debian packaging" "^egaf-$version/debian/rules$" "$T/list"
expect_no_grep "dist: no build output or npm packages" '/build/|node_modules|\.git/' "$T/list"
mkdir -p "$T/x"
tar -xzf "$tarball" -C "$T/x"
make --no-print-directory -s -C "$T/x/egaf-$version" -j2 all >"$T/dist-build.log" 2>&1
STATUS=$?
expect_status "dist: the tarball builds (make all)" 0
"$T/x/egaf-$version/build/egaf" --version >"$OUT" 2>"$ERR"
expect_grep "dist: the built egaf runs" "$version"
rm -rf "$T/x/egaf-$version/build"

# --- Debian package ---------------------------------------------------------------
if ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null; then
    skip "Debian package" "dpkg-buildpackage or debhelper not installed (make deps installs them on Debian)"
    exit 0
fi
src=$T/x/egaf-$version
(cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -us -uc -b) \
    >"$T/deb.log" 2>&1
STATUS=$?
expect_status "dpkg-buildpackage -us -uc -b" 0
[ "$STATUS" = 0 ] || { tail -30 "$T/deb.log"; exit 0; }
deb=$(ls "$T/x"/egaf_"$version"_*.deb)
changes=$(ls "$T/x"/egaf_"$version"_*.changes)
if command -v lintian >/dev/null; then
    lintian --fail-on error "$changes" >"$T/lintian.log" 2>&1
    STATUS=$?
    if [ "$STATUS" = 0 ] && ! grep -q '^E:' "$T/lintian.log"; then
        ok "lintian: no error ($(grep -c '^W:' "$T/lintian.log") warnings)"
    else
        fail "lintian: no error" "lintian said:"
        cat "$T/lintian.log"
    fi
else
    skip "lintian" "lintian not installed"
fi
dpkg-deb -c "$deb" >"$T/contents"
for f in usr/bin/egaf usr/share/egaf/reference-models/agencies.yaml usr/share/man/man1/egaf.1.gz \
    usr/share/zsh/vendor-completions/_egaf usr/share/fish/vendor_completions.d/egaf.fish \
    usr/share/bash-completion/completions/egaf usr/share/locale/vi/LC_MESSAGES/egaf.mo \
    usr/libexec/egaf/egaf-draw usr/share/egaf/reference-models/egaf-refs.cache; do
    expect_grep "package holds /$f" " \./$f$" "$T/contents"
done
root=$T/root
dpkg -x "$deb" "$root"
(unset EGAF_REFS; "$root/usr/bin/egaf" validate --refs "$root/usr/share/egaf/reference-models" \
    examples/national-2020/lang-son.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "unpacked package: egaf validate runs on an example" 0
(unset EGAF_REFS; "$root/usr/bin/egaf" validate --refs "$root/usr/share/egaf/reference-models" \
    examples/broken/key-typo.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "unpacked package: a broken example exits 1" 1
# the drawing commands run /usr/libexec/egaf/egaf-draw (cli/drawing.c)
(unset EGAF_REFS; "$root/usr/bin/egaf" render --refs "$root/usr/share/egaf/reference-models" \
    --view overview --format svg -o "$T/unpacked.svg" examples/national-2020/lang-son.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "unpacked package: egaf render runs egaf-draw" 0
check "unpacked package: egaf render wrote an SVG" grep -q '<svg' "$T/unpacked.svg"

if [ "$(id -u)" = 0 ] && [ "${CI:-}" = true ]; then
    if dpkg -i "$deb" >"$T/dpkg.log" 2>&1 || { apt-get install -y -f >>"$T/dpkg.log" 2>&1; }; then
        (unset EGAF_REFS; /usr/bin/egaf validate examples/national-2020/lang-son.yaml) >"$OUT" 2>"$ERR"
        STATUS=$?
        expect_status "dpkg -i: the installed egaf validates with its own data" 0
        dpkg -r egaf >>"$T/dpkg.log" 2>&1
        STATUS=$?
        expect_status "dpkg -r" 0
        check "dpkg -r: the binary is gone" test ! -e /usr/bin/egaf
        check "dpkg -r: the data is gone" test ! -e /usr/share/egaf
    else
        fail "dpkg -i" "see below"
        cat "$T/dpkg.log"
    fi
else
    skip "dpkg -i / dpkg -r" "installs into the system only as root in CI (CI=true)"
fi
