#!/usr/bin/env bash
# The man page renders without warnings and names every command; bash
# completion offers commands, options, views, formats and rule ids; make
# install puts both in place.
. "$(dirname "$0")/lib.sh"

PAGE=man/egaf.1
if command -v man >/dev/null; then
    MANWIDTH=80 man --warnings -l "$PAGE" >"$T/man.txt" 2>"$T/man.err"
    STATUS=$?
    expect_status man-renders 0
    expect_empty man-no-warnings "$T/man.err"
    expect_grep man-name '^NAME' "$T/man.txt"
else
    fail man-available "no man(1) (apt-get install man-db)"
fi
if command -v groff >/dev/null; then
    groff -ww -man -Tutf8 -z "$PAGE" 2>"$T/groff.err"
    STATUS=$?
    expect_status groff-status 0
    expect_empty groff-no-warnings "$T/groff.err"
    groff -ww -man -Tutf8 "$PAGE" 2>/dev/null | sed 's/.\x08//g' >"$T/groff.txt"
    # every command of `egaf help` has its entry
    for c in $("$EGAF" help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p'); do
        [ "$c" = help ] && continue
        expect_grep "man-documents-$c" "^ +(egaf )?$c( |$)" "$T/groff.txt"
    done
else
    fail groff-available "no groff (apt-get install groff)"
fi

# completion: run the function the way bash does, with COMP_WORDS and COMP_CWORD
comp() { # CWORD WORDS...: prints COMPREPLY, one per line
    local cword=$1
    shift
    bash -c 'source completion/egaf.bash
COMP_WORDS=("$@"); COMP_CWORD='"$cword"'; _egaf; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
comp 1 "$EGAF" va >"$T/c"
expect_grep completion-command '^validate$' "$T/c"
comp 1 "$EGAF" "" >"$T/c"
for c in validate render export diff rules explain refs init schema; do
    expect_grep "completion-offers-$c" "^$c\$" "$T/c"
done
comp 2 "$EGAF" validate --w >"$T/c"
expect_grep completion-validate-option '^--werror$' "$T/c"
comp 2 "$EGAF" validate -- >"$T/c"
for o in --format --disable --refs --output; do
    expect_grep "completion-validate$o" "^$o\$" "$T/c"
done
comp 3 "$EGAF" render --view "" >"$T/c"
if [ "$(sort "$T/c" | tr '\n' ' ')" = "data integration organisation overview security technology " ]; then
    ok completion-views
else
    fail completion-views "got: $(tr '\n' ' ' <"$T/c")"
fi
comp 3 "$EGAF" export --format "" >"$T/c"
if [ "$(sort "$T/c" | tr '\n' ' ')" = "archimate csv json " ]; then
    ok completion-export-formats
else
    fail completion-export-formats "got: $(tr '\n' ' ' <"$T/c")"
fi
comp 3 "$EGAF" validate --format s >"$T/c"
expect_grep completion-validate-format '^sarif$' "$T/c"
comp 3 "$EGAF" validate --disable "" >"$T/c"
n_rules=$("$EGAF" rules --format json | grep -c '^ *{"id": ')
if [ "$(wc -l <"$T/c")" = "$n_rules" ] && [ "$n_rules" -gt 0 ]; then
    ok "completion-rule-ids ($n_rules)"
else
    fail completion-rule-ids "$(wc -l <"$T/c") completions, $n_rules rules"
fi
comp 3 "$EGAF" validate --disable route.b >"$T/c"
expect_grep completion-rule-prefix '^route\.bypasses-platform$' "$T/c"
comp 2 "$EGAF" explain route.b >"$T/c"
expect_grep completion-explain-rule '^route\.bypasses-platform$' "$T/c"
comp 3 "$EGAF" render --lang "" >"$T/c"
expect_grep completion-lang '^en$' "$T/c"
comp 2 "$EGAF" validate examples/national-2020/lang >"$T/c"
expect_grep completion-model-file '^examples/national-2020/lang-son\.yaml$' "$T/c"

# make install: the page and the completion go where man and bash-completion look
make -n install PREFIX=/usr DESTDIR="$T/inst" BUILD="${BUILD:-build}" >"$T/install" 2>&1
expect_grep install-man 'install -m 644 man/\*\.1 .*/usr/share/man/man1/' "$T/install"
expect_grep install-completion "install -m 644 completion/egaf.bash $T/inst/usr/share/bash-completion/completions/egaf" "$T/install"

# refs: its subcommands, and models after `refs audit`
comp 2 "$EGAF" refs "" >"$T/c"
if [ "$(sort "$T/c" | tr '\n' ' ')" = "audit diff list show " ]; then
    ok completion-refs-subcommands
else
    fail completion-refs-subcommands "got: $(tr '\n' ' ' <"$T/c")"
fi
comp 3 "$EGAF" refs diff --f >"$T/c"
expect_grep completion-refs-from '^--from$' "$T/c"
expect_grep man-refs-audit 'refs audit' man/egaf.1
expect_grep man-refs-diff 'refs diff' man/egaf.1
