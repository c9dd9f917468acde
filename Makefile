# egaf - e-Government Architecture Framework toolkit.
# `make` builds build/egaf; `make check` runs every test; `make demo` runs the
# main job on the bundled examples. Both install missing Debian packages first.

PREFIX ?= /usr/local
DESTDIR ?=
SHARED ?= ../shared
VERSION := 0.1.0
REFDATE := $(shell sed -n 's/^reference-date: *//p' reference-models/README 2>/dev/null)

CC ?= cc
PKGS := yaml-0.1 libcgraph libgvc libpcre2-8
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
OPT ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) -I. $(PKG_CFLAGS) \
	-DEGAF_VERSION='"$(VERSION)"' -DEGAF_DATADIR='"$(PREFIX)/share/egaf"' $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm $(LDLIBS)

BUILD ?= build
LIB_SRC := $(sort $(wildcard model/*.c validator/*.c render/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check demo install clean asan valgrind unit lint help
all: $(BUILD)/egaf

help:
	@echo "make            build $(BUILD)/egaf"
	@echo "make check      run every test (installs missing Debian packages first)"
	@echo "make demo       validate and render the bundled national architecture"
	@echo "make asan       the tests under clang with ASan+UBSan"
	@echo "make valgrind   the tests under valgrind"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)"

deps:
	@sh tools/deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libegaf.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/egaf: $(CLI_OBJ) $(BUILD)/libegaf.a
	$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libegaf.a $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libegaf.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DEGAF_SHARED='"$(SHARED)"' $(LDFLAGS) -o $@ $< $(BUILD)/libegaf.a \
		$(LDLIBS_ALL) $(CMOCKA_LIBS)

unit: $(UNIT_BIN)

check: deps
	@$(MAKE) --no-print-directory all unit
	@BUILD=$(BUILD) SHARED=$(SHARED) bash tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) bash tools/demo.sh

# ASan+UBSan build of everything, then the whole test suite on it.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan CC=clang \
		OPT='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' all unit
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		BUILD=build/asan SHARED=$(SHARED) bash tests/run.sh

valgrind: deps
	@$(MAKE) --no-print-directory BUILD=build/vg OPT='-O1 -g' all unit
	@VALGRIND=1 BUILD=build/vg SHARED=$(SHARED) bash tests/run.sh

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --std=c11 \
		--suppress=missingIncludeSystem -I. model validator render cli

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/egaf/reference-models
	install -m 755 $(BUILD)/egaf $(DESTDIR)$(PREFIX)/bin/egaf
	cp -R reference-models/. $(DESTDIR)$(PREFIX)/share/egaf/reference-models/
	@if [ -d man ]; then install -d $(DESTDIR)$(PREFIX)/share/man/man1 && \
		install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
