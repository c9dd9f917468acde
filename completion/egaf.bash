# bash completion for egaf(1): commands, options per command, views,
# formats, languages (--lang, before the command or a command's own),
# framework editions, reference kinds and rule ids.
# Rule ids come from the egaf being completed (`egaf rules --format json`),
# so they always match the installed version. Installed by `make install`
# as $(PREFIX)/share/bash-completion/completions/egaf; zsh's (_egaf) and
# fish's (egaf.fish) beside it complete the same words.

_egaf_rule_ids()
{
    local exe=${COMP_WORDS[0]:-egaf}
    # one rule object per line: {"id": "route.bypasses-platform", ...
    command "$exe" rules --format json 2>/dev/null |
        sed -n 's/^[[:space:]]*{"id": "\([^"]*\)".*/\1/p'
}

_egaf_options()
{
    case $1 in
    validate) echo "--format --output -o --base --refs --disable --severity --werror --quiet -q --follow-links --help -h" ;;
    render) echo "--view --format --lang --refs --year --diff --with --hide --size --dpi --output -o --help -h" ;;
    consolidate) echo "--year --previous --format --base --lang --no-diagrams --cache --refs --output -o --werror --disable --quiet -q --follow-links --help -h" ;;
    diff) echo "--format --fail-on --max-items --refs --output -o --help -h" ;;
    gap) echo "--format --fail-on --output -o --help -h" ;;
    export) echo "--format --output -o --lang --refs --no-views --help -h" ;;
    rules) echo "--format --help -h" ;;
    explain) echo "--help -h" ;;
    refs) echo "--kind --year --framework --format --from --to --output -o --refs --help -h" ;;
    init) echo "--agency --year --framework --output -o --refs --help -h" ;;
    schema) echo "--year --lang --refs --output -o --help -h" ;;
    lsp) echo "--refs --lang --help -h" ;;
    document) echo "--format --lang --refs --no-diagrams --output -o --help -h" ;;
    esac
}

_egaf_formats()
{
    case $1 in
    validate | consolidate) echo "text json sarif junit github gitlab" ;;
    render) echo "svg png dot" ;;
    diff | gap) echo "text markdown json" ;;
    export) echo "archimate csv json" ;;
    rules) echo "text json markdown" ;;
    refs) echo "text json markdown" ;;
    document) echo "docx html" ;;
    esac
}

# The words an option's value is one of (for the command $2), or nothing.
_egaf_values()
{
    case $1 in
    --format) _egaf_formats "$2" ;;
    --view) echo "overview integration data technology security organisation" ;;
    --lang) echo "vi en" ;;
    --color) echo "auto always never" ;;
    --disable) _egaf_rule_ids ;;
    --framework) echo "2.0 3.0 4.0" ;;
    --kind) echo "agencies shared-systems national-databases data-subjects codes national-targets" ;;
    --fail-on) echo "added removed changed any" ;;
    esac
}

# Models: the *.yaml files and the folders that start with $1.
_egaf_models()
{
    local f
    while IFS= read -r f; do
        if [ -d "$f" ] || [[ $f == *.yaml || $f == *.yml ]]; then
            COMPREPLY+=("$f")
        fi
    done < <(compgen -f -- "$1")
}

_egaf()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="validate render consolidate diff gap export document rules explain refs init schema lsp help"
    COMPREPLY=()

    # global options before the command: --lang vi|en (the language of messages)
    local at=1
    while [ "$at" -lt "$COMP_CWORD" ] && [[ ${COMP_WORDS[at]} == --lang* ]]; do
        if [ "${COMP_WORDS[at]}" = --lang ]; then at=$((at + 2)); else at=$((at + 1)); fi
    done
    if [ "$prev" = --lang ]; then
        COMPREPLY=($(compgen -W "$(_egaf_values --lang)" -- "$cur"))
        return 0
    fi
    if [ "$COMP_CWORD" -le "$at" ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--lang --color= --verbose -v --version --help -V -h" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return 0
    fi

    local cmd=${COMP_WORDS[at]}
    case $prev in
    --format | --view | --lang | --color | --disable | --framework | --kind | --fail-on)
        COMPREPLY=($(compgen -W "$(_egaf_values "$prev" "$cmd")" -- "$cur"))
        return 0
        ;;
    --severity)
        if [[ $cur == *=* ]]; then
            COMPREPLY=($(compgen -P "${cur%%=*}=" -W "error warning note off" -- "${cur#*=}"))
        else
            COMPREPLY=($(compgen -W "$(_egaf_rule_ids)" -S = -- "$cur"))
            compopt -o nospace 2>/dev/null
        fi
        return 0
        ;;
    --refs | --previous | --base | --cache)
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0
        ;;
    -o | --output)
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
        ;;
    --year | --agency | --max-items)
        return 0
        ;;
    esac

    if [[ $cur == --color=* ]]; then
        COMPREPLY=($(compgen -P --color= -W "$(_egaf_values --color)" -- "${cur#--color=}"))
        return 0
    fi
    if [[ $cur == -* ]]; then
        # every command also takes --color=WHEN and -v/--verbose
        COMPREPLY=($(compgen -W "$(_egaf_options "$cmd") --color= --verbose -v" -- "$cur"))
        [[ ${COMPREPLY[0]-} == --color= ]] && compopt -o nospace 2>/dev/null
        return 0
    fi
    case $cmd in
    help)
        [ "$COMP_CWORD" -eq $((at + 1)) ] && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        ;;
    explain)
        COMPREPLY=($(compgen -W "$(_egaf_rule_ids)" -- "$cur"))
        ;;
    refs)
        if [ "$COMP_CWORD" -eq $((at + 1)) ]; then
            COMPREPLY=($(compgen -W "list show audit diff" -- "$cur"))
        elif [ "${COMP_WORDS[at + 1]}" = audit ]; then
            _egaf_models "$cur"
        fi
        ;;
    rules | schema | help | init) ;;
    *)
        _egaf_models "$cur"
        ;;
    esac
    return 0
}

complete -F _egaf egaf
