# egaf - e-Government Architecture Framework toolkit.
# `make` builds build/egaf; `make check` runs every test; `make demo` runs the
# main job on the bundled examples. Both install missing Debian packages first.

PREFIX ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

CC ?= cc
# egaf itself links LEAN_PKGS only; egaf-draw, the drawing commands
# (cli/drawing.c), links Graphviz (and with it pango and cairo), libzip, nettle
# (the diagram cache's SHA-256) and libxml2 (egaf import; it brings ICU) too
LEAN_PKGS := yaml-0.1 libpcre2-8 libutf8proc jansson
PKGS := $(LEAN_PKGS) libcgraph libgvc libzip nettle libxml-2.0
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
OPT ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) -I. $(PKG_CFLAGS) \
	-DEGAF_VERSION='"$(VERSION)"' $(CFLAGS)
# Where the installed egaf finds its reference models and translations; only
# the two files that use them are compiled with them (see "Flags stamps").
PATH_DEFS = -DEGAF_DATADIR='"$(PREFIX)/share/egaf"' -DEGAF_LOCALEDIR='"$(PREFIX)/share/locale"'
# The renderer links Graphviz's dot-layout, core (SVG) and pango (cairo PNG,
# text measured with the real font) plugins in (render/output.c lists them
# for gvContextPlugins), so it never reads the plugin configuration at run
# time. Debian ships them outside the linker's path, in GVPLUGINS, hence -L,
# -l:file and an rpath.
GVPLUGINS ?= $(shell pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
GVPLUGIN_LIBS = -L$(GVPLUGINS) -Wl,-rpath,$(GVPLUGINS) -l:libgvplugin_dot_layout.so.6 \
	-l:libgvplugin_core.so.6 -l:libgvplugin_pango.so.6
LDLIBS_ALL = $(PKG_LIBS) $(GVPLUGIN_LIBS) -lm -pthread $(LDLIBS)
LEAN_LIBS = $(shell pkg-config --libs $(LEAN_PKGS) 2>/dev/null) -lm -pthread $(LDLIBS)

BUILD ?= build
# the reference models' compiled cache (see "The reference models' compiled cache")
REFS_CACHE := egaf-refs.cache
REFS_YAML := $(sort $(wildcard reference-models/*.yaml))
# The library's folders, each depending only on the ones before it
# (README, "Layers"; tests/e2e/test_layers.sh checks every #include).
LAYERS := base model refs validator report lsp diff render export import document site
LIB_SRC := $(sort $(foreach d,$(LAYERS),$(wildcard $(d)/*.c)))
CLI_SRC := $(sort $(wildcard cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
# egaf is linked without the drawing layers and the drawing commands (and
# without import, whose libxml2 maps ICU and libstdc++);
# main.c and cmd_export.c are compiled for it a second time with
# EGAF_LEAN_CLI (their drawing commands run egaf-draw). egaf-draw has it all.
DRAW_LIB_OBJ := $(filter $(BUILD)/obj/render/% $(BUILD)/obj/document/% $(BUILD)/obj/site/% \
	$(BUILD)/obj/export/archimate_views.o $(BUILD)/obj/import/%,$(LIB_OBJ))
LEAN_LIB_OBJ := $(filter-out $(DRAW_LIB_OBJ),$(LIB_OBJ))
LEAN_TWICE := cli/main cli/cmd_export
DRAW_CLI_OBJ := $(patsubst %,$(BUILD)/obj/cli/%.o,cmd_render cmd_consolidate cmd_document cmd_import \
	draw_pool)
LEAN_CLI_OBJ := $(filter-out $(DRAW_CLI_OBJ) $(LEAN_TWICE:%=$(BUILD)/obj/%.o),$(CLI_OBJ)) \
	$(LEAN_TWICE:%=$(BUILD)/obj/%-lean.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# Translations (docs/i18n.md): po/LANG.po compiled into
# $(BUILD)/locale/LANG/LC_MESSAGES/egaf.mo, where build/egaf finds them;
# `make po-update` extracts po/egaf.pot from the sources and merges it into
# each po/LANG.po.
PO_LANGS := vi
MO_FILES := $(PO_LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/egaf.mo)
I18N_SRC = $(sort $(foreach d,$(LAYERS) cli,$(wildcard $(d)/*.c $(d)/*.h)))
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C -k -k_ -kN_ -kP_:1,2 --add-comments=TRANSLATORS: \
	--add-location=file --package-name=egaf --package-version=$(VERSION)

.PHONY: all deps check demo install uninstall dist clean asan tsan valgrind unit lint help fuzz \
	fuzz-bins fuzz-smoke fuzz-seeds fuzz-long po-update
all: $(BUILD)/egaf $(BUILD)/egaf-draw $(BUILD)/$(REFS_CACHE) $(MO_FILES)

$(BUILD)/locale/%/LC_MESSAGES/egaf.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check --output-file=$@ $<

po-update:
	xgettext $(XGETTEXT_FLAGS) --output=po/egaf.pot $(I18N_SRC)
	@for l in $(PO_LANGS); do msgmerge --quiet --update --backup=none po/$$l.po po/egaf.pot && \
		msgattrib --no-obsolete --output-file=po/$$l.po po/$$l.po; done
	@for l in $(PO_LANGS); do printf '%s: ' $$l; msgfmt --statistics -o /dev/null po/$$l.po; done

help:
	@echo "make            build $(BUILD)/egaf"
	@echo "make check      run every test (installs missing Debian packages first)"
	@echo "make demo       validate and render the bundled national architecture"
	@echo "make asan       the tests under clang with ASan+UBSan"
	@echo "make tsan       the validate and consolidate tests under ThreadSanitizer, four threads"
	@echo "make valgrind   the tests under valgrind"
	@echo "make fuzz       the libFuzzer targets in build/fuzz (clang, ASan+UBSan)"
	@echo "make fuzz-smoke each fuzz target for FUZZ_SECONDS=$(FUZZ_SECONDS)s on seed corpora"
	@echo "make fuzz-long  each fuzz target for FUZZ_LONG_SECONDS=$(FUZZ_LONG_SECONDS)s"
	@echo "make po-update  extract po/egaf.pot and merge it into po/*.po"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)"
	@echo "make uninstall  remove what make install wrote (same PREFIX and DESTDIR)"
	@echo "make dist       egaf-$(VERSION).tar.gz of the committed tree, reproducible"

deps:
	@sh tools/deps.sh

# Flags stamps, as git's GIT-CFLAGS: $(BUILD)/CFLAGS-stamp holds the compiler,
# flags and libraries of the last build and is rewritten (so newer than every
# object) only when they change; every object and program depends on it, so
# `make OPT=-O0` or `make CC=clang` after `make` rebuilds everything.
# $(BUILD)/PREFIX-stamp does the same for PREFIX, on which only refs/refs.c
# and cli/main.c depend: `make PREFIX=/usr install` after `make` recompiles
# those two and relinks, and the binary looks in /usr, not /usr/local.
FLAGS_STAMP := $(BUILD)/CFLAGS-stamp
PREFIX_STAMP := $(BUILD)/PREFIX-stamp
PATH_OBJ := $(BUILD)/obj/refs/refs.o $(BUILD)/obj/cli/main.o $(BUILD)/obj/cli/main-lean.o

# write-stamp TEXT: the recipe that rewrites $@ when TEXT is not its content
define write-stamp
@mkdir -p $(dir $@)
@new='$(subst ','\'',$(1))'; if [ "$$new" != "$$(cat $@ 2>/dev/null)" ]; then \
	if [ -f $@ ]; then echo "$@: changed, rebuilding what depends on it"; fi; \
	printf '%s\n' "$$new" >$@; fi
endef

.PHONY: FORCE
$(FLAGS_STAMP): FORCE
	$(call write-stamp,$(CC) $(CFLAGS_ALL) | $(LDFLAGS) | $(LDLIBS_ALL))

$(PREFIX_STAMP): FORCE
	$(call write-stamp,$(PATH_DEFS))

$(PATH_OBJ): EXTRA_DEFS = $(PATH_DEFS)
$(PATH_OBJ): $(PREFIX_STAMP)

$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(EXTRA_DEFS) -MMD -MP -c $< -o $@

$(BUILD)/obj/%-lean.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(EXTRA_DEFS) -DEGAF_LEAN_CLI -MMD -MP -c $< -o $@

$(BUILD)/libegaf.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libegaf-lean.a: $(LEAN_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# --as-needed: a library none of egaf's objects calls is not even listed
$(BUILD)/egaf: $(LEAN_CLI_OBJ) $(BUILD)/libegaf-lean.a $(FLAGS_STAMP)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -Wl,--as-needed -o $@ $(LEAN_CLI_OBJ) $(BUILD)/libegaf-lean.a \
		$(LEAN_LIBS)

$(BUILD)/egaf-draw: $(CLI_OBJ) $(BUILD)/libegaf.a $(FLAGS_STAMP)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libegaf.a $(LDLIBS_ALL)

# The reference models' compiled cache (refs/refs_cache.h), beside
# build/egaf, where egaf reads it; make install writes the installed one
# into the installed reference folder. The YAML stays the source: egaf
# parses each file whose YAML no longer matches the cache.

$(BUILD)/tools/refs-cache: tools/refs-cache.c $(BUILD)/libegaf-lean.a $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf-lean.a $(LEAN_LIBS)

$(BUILD)/$(REFS_CACHE): $(BUILD)/tools/refs-cache $(REFS_YAML)
	$(BUILD)/tools/refs-cache reference-models $@

# test_conformance counts the library's work (allocations and lookups)
# through the linker's --wrap, to check that it grows linearly
$(BUILD)/tests/test_conformance: TEST_LDFLAGS = $(foreach f,malloc calloc realloc \
	egaf_strmap_get egaf_strmap_put egaf_element_get egaf_element_text,-Wl,--wrap=$(f))

# A unit test of a cli/ file links that file too (UNIT_CLI_<test>).
UNIT_CLI_test_draw_pool := $(BUILD)/obj/cli/draw_pool.o
$(BUILD)/tests/test_draw_pool: $(UNIT_CLI_test_draw_pool)
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libegaf.a $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) $(TEST_LDFLAGS) -o $@ $< $(UNIT_CLI_$(notdir $@)) \
		$(BUILD)/libegaf.a $(LDLIBS_ALL) $(CMOCKA_LIBS)

unit: $(UNIT_BIN)

check: deps
	@$(MAKE) --no-print-directory all unit
	@BUILD=$(BUILD) bash tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) bash tools/demo.sh

# Benchmarks (bench/README.md): the generator of a synthetic national
# architecture and the libyaml floor, then bench/run.sh, which generates
# scales 1, 4 and 16, times every tool and writes docs/performance.md.
# BENCH_SCALES and BENCH_RUNS narrow a run.
.PHONY: bench bench-bins
BENCH_BIN := $(BUILD)/bench/gen $(BUILD)/bench/floor $(BUILD)/bench/lsp $(BUILD)/bench/onefile \
	$(BUILD)/bench/layers

bench: deps
	@$(MAKE) --no-print-directory all bench-bins
	@BUILD=$(BUILD) bash bench/run.sh

bench-bins: $(BENCH_BIN)

# only the one-file CI case (bench/onefile.sh), into its section of
# docs/performance.md
.PHONY: bench-onefile
bench-onefile:
	@$(MAKE) --no-print-directory all bench-bins
	@BUILD=$(BUILD) bash bench/onefile.sh

$(BUILD)/bench/onefile: bench/onefile.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $<

$(BUILD)/bench/gen: bench/gen.c $(BUILD)/libegaf.a $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf.a $(LDLIBS_ALL)

$(BUILD)/bench/lsp: bench/lsp.c $(BUILD)/libegaf.a $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf.a $(LDLIBS_ALL)

$(BUILD)/bench/floor: bench/floor.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

# layers.c compiles the YAML parser's source in with it (its own steps,
# measured one by one); the rest comes from the lean library
$(BUILD)/bench/layers: bench/layers.c model/yaml_tree.c $(BUILD)/libegaf-lean.a $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf-lean.a $(LEAN_LIBS)

# ASan+UBSan build of everything, then the whole test suite on it.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan CC=clang \
		OPT='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' all unit
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		EGAF_LIGHT=1 BUILD=build/asan bash tests/run.sh

# ThreadSanitizer build; the end-to-end tests of validate, which loads files
# on several threads (cli/load_models.c), four threads each. consolidate loads
# the same way but then forks Graphviz workers after pango's own threads,
# which TSan does not support.
tsan: deps
	@$(MAKE) --no-print-directory BUILD=build/tsan CC=clang OPT='-O1 -g -fsanitize=thread' \
		LDFLAGS='-fsanitize=thread' all
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66:suppressions=$(CURDIR)/tests/tsan.supp EGAF_JOBS=4 \
		BUILD=build/tsan \
		TESTS="test_validate test_broken_examples test_rules_fixtures test_consolidate test_cross_refs" \
		bash tests/run.sh

valgrind: deps
	@$(MAKE) --no-print-directory BUILD=build/vg OPT='-O1 -g' all unit
	@VALGRIND=1 BUILD=build/vg bash tests/run.sh

# libFuzzer targets: fuzz/fuzz_NAME.c becomes build/fuzz/NAME, linked with the
# library compiled again with the same flags in build/fuzz/obj. fuzz-smoke
# seeds build/fuzz/corpus/NAME (tools/fuzz-seeds.sh), runs each target for
# FUZZ_SECONDS and fails on any crash, leak, timeout or sanitizer report;
# crashing inputs are kept in build/fuzz/crashes/NAME.
FUZZ_SECONDS ?= 60
FUZZ_NAMES := $(sort $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c)))
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# libFuzzer's -timeout is wall-clock time: an input slower than this is a
# finding (a hang). The hour runs (fuzz-long) run at low priority beside
# other work and allow more, so that a starved run is not reported as a hang.
FUZZ_TIMEOUT ?= 10
FUZZ_RUN_FLAGS = -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 \
	-max_len=65536 -dict=fuzz/dict/yaml.dict -print_final_stats=1

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT='-O1 -g $(FUZZ_SAN)' \
		LDFLAGS='$(FUZZ_SAN)' fuzz-bins

# the targets need the loader, the validator and the reports, not the
# layers that draw (render and what stands on it); fuzz_site alone needs
# them all (the site writer stands on render and export) and links the whole
# library with Graphviz
FUZZ_LIB_OBJ = $(filter-out $(BUILD)/obj/render/% $(BUILD)/obj/export/% $(BUILD)/obj/document/% \
	$(BUILD)/obj/site/%,$(LIB_OBJ))
FUZZ_FULL_NAMES := site
FUZZ_LEAN_NAMES := $(filter-out $(FUZZ_FULL_NAMES),$(FUZZ_NAMES))
FUZZ_LEAN_LIBS = $(shell pkg-config --libs yaml-0.1 libpcre2-8 libutf8proc jansson libxml-2.0 2>/dev/null) -lm -pthread $(LDLIBS)

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/%)

$(BUILD)/libegaf-fuzz.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_LEAN_NAMES:%=$(BUILD)/%): $(BUILD)/%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) $(BUILD)/libegaf-fuzz.a $(FLAGS_STAMP)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf-fuzz.a $(FUZZ_LEAN_LIBS)

$(FUZZ_FULL_NAMES:%=$(BUILD)/%): $(BUILD)/%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) $(BUILD)/libegaf.a $(FLAGS_STAMP)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libegaf.a $(LDLIBS_ALL)

# the site target starts from the validate seeds (models, and NUL-separated
# sets of them)
fuzz-seeds:
	@sh tools/fuzz-seeds.sh build/fuzz/corpus
	@mkdir -p build/fuzz/corpus/site
	@if [ -z "$$(ls -A build/fuzz/corpus/site)" ]; then \
		cp build/fuzz/corpus/validate/* build/fuzz/corpus/site/; fi

fuzz-smoke: fuzz fuzz-seeds
	@status=0; for t in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/corpus/$$t build/fuzz/crashes/$$t; \
		echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
		log=build/fuzz/$$t.log; \
		if EGAF_REFS="$(CURDIR)/reference-models" UBSAN_OPTIONS=print_stacktrace=1 \
			ASAN_OPTIONS=detect_leaks=1 build/fuzz/$$t $(FUZZ_RUN_FLAGS) \
			-artifact_prefix=build/fuzz/crashes/$$t/ build/fuzz/corpus/$$t >$$log 2>&1; then \
			execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
			rate=$$(sed -n 's/^stat::average_exec_per_sec: *//p' $$log); \
			echo "ok fuzz $$t: $$execs runs, $$rate runs/s, corpus $$(ls build/fuzz/corpus/$$t | wc -l)"; \
		else \
			status=1; \
			echo "FAIL fuzz $$t: see $$log; the input is in build/fuzz/crashes/$$t/"; \
			grep -E -A40 '^==[0-9]+==ERROR|runtime error|^report check|^fuzz_|deadly signal|timeout|out-of-memory' $$log | head -80; \
		fi; \
	done; exit $$status

# Each target for FUZZ_LONG_SECONDS (an hour by default), one after the
# other, with the same checks and figures as fuzz-smoke (docs/security.md
# keeps the figures of the last hour runs).
FUZZ_LONG_SECONDS ?= 3600
FUZZ_LONG_TIMEOUT ?= 120
fuzz-long:
	@$(MAKE) --no-print-directory fuzz-smoke FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) FUZZ_TIMEOUT=$(FUZZ_LONG_TIMEOUT)

lint:
	@bash tools/lint.sh

# install and uninstall: the two programs, the reference models, the man page,
# the bash, zsh and fish completions and the translations, under
# $(DESTDIR)$(PREFIX). uninstall removes exactly what install wrote.
BASH_COMPLETION_DIR = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(PREFIX)/share/zsh/vendor-completions
FISH_COMPLETION_DIR = $(PREFIX)/share/fish/vendor_completions.d

# egaf-draw, which egaf runs for the drawing commands (cli/drawing.c), goes
# to LIBEXEC_DIR: egaf looks for it in ../libexec/egaf from its own folder.
LIBEXEC_DIR = $(PREFIX)/libexec/egaf

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/egaf/reference-models \
		$(DESTDIR)$(LIBEXEC_DIR)
	install -m 755 $(BUILD)/egaf $(DESTDIR)$(PREFIX)/bin/egaf
	install -m 755 $(BUILD)/egaf-draw $(DESTDIR)$(LIBEXEC_DIR)/egaf-draw
	cp -R reference-models/. $(DESTDIR)$(PREFIX)/share/egaf/reference-models/
	install -m 644 $(BUILD)/$(REFS_CACHE) $(DESTDIR)$(PREFIX)/share/egaf/reference-models/$(REFS_CACHE)
	@if [ -d man ]; then install -d $(DESTDIR)$(PREFIX)/share/man/man1 && \
		install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi
	install -d $(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR) \
		$(DESTDIR)$(FISH_COMPLETION_DIR)
	install -m 644 completion/egaf.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/egaf
	install -m 644 completion/_egaf $(DESTDIR)$(ZSH_COMPLETION_DIR)/_egaf
	install -m 644 completion/egaf.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/egaf.fish
	@for l in $(PO_LANGS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/egaf.mo \
			$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/egaf.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/egaf $(DESTDIR)$(LIBEXEC_DIR)/egaf-draw
	-rmdir $(DESTDIR)$(LIBEXEC_DIR) 2>/dev/null
	rm -rf $(DESTDIR)$(PREFIX)/share/egaf
	@for m in man/*.1; do rm -f $(DESTDIR)$(PREFIX)/share/man/man1/$${m#man/}; done
	rm -f $(DESTDIR)$(BASH_COMPLETION_DIR)/egaf $(DESTDIR)$(ZSH_COMPLETION_DIR)/_egaf \
		$(DESTDIR)$(FISH_COMPLETION_DIR)/egaf.fish
	@for l in $(PO_LANGS); do rm -f $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/egaf.mo; done

# make dist: egaf-$(VERSION).tar.gz of the committed tree (HEAD), the same
# bytes for the same commit: git archive gives every file the commit's time
# and fixed owners, tar.umask fixes the modes, gzip -n leaves out the name
# and time. Uncommitted changes are not in it.
DIST := egaf-$(VERSION)
dist:
	git -c tar.umask=0022 archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n -9 >$(DIST).tar.gz.tmp
	mv $(DIST).tar.gz.tmp $(DIST).tar.gz
	@echo "wrote $(DIST).tar.gz ($$(git rev-parse --short HEAD))"

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(LEAN_TWICE:%=$(BUILD)/obj/%-lean.d)
