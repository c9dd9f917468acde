# fish completion for egaf(1): commands, options per command, views,
# formats, languages, framework editions, reference kinds and rule ids (read
# from the egaf being completed, `egaf rules --format json`). The same words
# as completion/egaf.bash. Installed by `make install` as
# $(PREFIX)/share/fish/vendor_completions.d/egaf.fish.

function __egaf_rule_ids
    set -l exe (commandline -opc)[1]
    command $exe rules --format json 2>/dev/null | string replace -rf '^\s*\{"id": "([^"]*)".*' '$1'
end

set -l commands validate render consolidate diff export document rules explain refs init schema lsp help
complete -c egaf -f
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a validate -d 'check models and report every finding'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a render -d 'draw a view of a model'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a consolidate -d 'the national site'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a diff -d 'what changed between two models'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a export -d 'JSON, CSV or ArchiMate'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a document -d 'the architecture document'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'a language server for editors'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a rules -d 'list every rule'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a explain -d 'what a rule checks'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a refs -d 'browse the reference models'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a init -d 'a valid starting model'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a schema -d 'JSON Schema of the format'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -a help -d 'help on a command'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -l lang -x -a 'vi en' -d 'language of messages'
complete -c egaf -n "not __fish_seen_subcommand_from $commands" -s V -l version -d 'print the version'
complete -c egaf -n "__fish_seen_subcommand_from help" -x -a "$commands"

# options every command has
complete -c egaf -n "__fish_seen_subcommand_from $commands" -s h -l help -d 'this help'
complete -c egaf -n "__fish_seen_subcommand_from validate render consolidate diff export document refs init schema lsp" -l refs -x -a '(__fish_complete_directories)' -d 'reference models folder'
complete -c egaf -n "__fish_seen_subcommand_from validate render consolidate diff export document refs init schema" -s o -l output -r -F -d 'output file'

# validate and consolidate: models (*.yaml files and folders)
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate render diff export document" -a '(__fish_complete_suffix .yaml)'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -l format -x -a 'text json sarif junit github gitlab' -d 'report format'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -l base -x -a '(__fish_complete_directories)' -d 'paths relative to this folder'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -l disable -x -a '(__egaf_rule_ids)' -d 'do not check RULE'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -l werror -d 'warnings count as errors'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -l follow-links -d 'read models that are links out of the folder'
complete -c egaf -n "__fish_seen_subcommand_from validate consolidate" -s q -l quiet -d 'no summary line'
complete -c egaf -n "__fish_seen_subcommand_from validate" -l severity -x -a '(__egaf_rule_ids)=' -d 'RULE=error|warning|note|off'
complete -c egaf -n "__fish_seen_subcommand_from consolidate" -l year -x -d 'year of the consolidation'
complete -c egaf -n "__fish_seen_subcommand_from consolidate" -l previous -x -a '(__fish_complete_directories)' -d 'the previous edition'
complete -c egaf -n "__fish_seen_subcommand_from consolidate" -l no-diagrams -d 'no SVG diagrams'
complete -c egaf -n "__fish_seen_subcommand_from consolidate" -l cache -x -a '(__fish_complete_directories)' -d 'keep drawn diagrams in this folder'
complete -c egaf -n "__fish_seen_subcommand_from consolidate render export document lsp schema" -l lang -x -a 'vi en' -d 'labels'

# document
complete -c egaf -n "__fish_seen_subcommand_from document" -l format -x -a 'docx html' -d 'format'
complete -c egaf -n "__fish_seen_subcommand_from document" -l no-diagrams -d 'no diagrams'

# render
complete -c egaf -n "__fish_seen_subcommand_from render" -l view -x -a 'overview integration data technology security organisation' -d 'the view'
complete -c egaf -n "__fish_seen_subcommand_from render" -l format -x -a 'svg png dot' -d 'image format'
complete -c egaf -n "__fish_seen_subcommand_from render" -l diff -r -a '(__fish_complete_suffix .yaml)' -d 'mark changes since an older model'
complete -c egaf -n "__fish_seen_subcommand_from render" -l with -r -a '(__fish_complete_suffix .yaml)' -d "another architecture's model"
complete -c egaf -n "__fish_seen_subcommand_from render" -l hide -x -a 'business data application technology security national' -d 'leave out a layer'
complete -c egaf -n "__fish_seen_subcommand_from render" -l size -x -a 'A4 A3' -d 'fit a landscape page'
complete -c egaf -n "__fish_seen_subcommand_from render" -l dpi -x -d 'dots per inch of a PNG'
complete -c egaf -n "__fish_seen_subcommand_from render refs init schema" -l year -x -d 'year'

# diff, export, rules, refs, init
complete -c egaf -n "__fish_seen_subcommand_from diff" -l format -x -a 'text markdown json'
complete -c egaf -n "__fish_seen_subcommand_from diff" -l fail-on -x -a 'added removed changed any'
complete -c egaf -n "__fish_seen_subcommand_from diff" -l max-items -x
complete -c egaf -n "__fish_seen_subcommand_from export" -l format -x -a 'archimate csv json'
complete -c egaf -n "__fish_seen_subcommand_from export" -l no-views
complete -c egaf -n "__fish_seen_subcommand_from rules" -l format -x -a 'text json markdown'
complete -c egaf -n "__fish_seen_subcommand_from explain" -x -a '(__egaf_rule_ids)'
complete -c egaf -n "__fish_seen_subcommand_from refs" -l kind -x -a 'agencies shared-systems national-databases data-subjects codes national-targets'
complete -c egaf -n "__fish_seen_subcommand_from refs init" -l framework -x -a '2.0 3.0 4.0'
complete -c egaf -n "__fish_seen_subcommand_from refs" -l format -x -a 'text json'
complete -c egaf -n "__fish_seen_subcommand_from refs; and not __fish_seen_subcommand_from list show" -a 'list show'
complete -c egaf -n "__fish_seen_subcommand_from init" -l agency -x -d 'agency code'

# every command also takes --color=WHEN and -v/--verbose; `egaf help COMMAND`
complete -c egaf -l color -x -a 'auto always never' -d 'colour the text report'
complete -c egaf -s v -l verbose -d 'what was loaded from where, and timings'
complete -c egaf -n "__fish_seen_subcommand_from help" -x -a "$commands"
