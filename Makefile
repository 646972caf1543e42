# Makefile: builds libcareerquiz (static and shared), the careerquiz CLI and the tests.
#
#   make                  library, shared library and build/careerquiz
#   make run              install missing dependencies, build, show a sample run
#   make test             install missing dependencies, build, run every test suite
#   make test SANITIZE=1  the same with ASan and UBSan, in build/san/
#   make test VALGRIND=1  run the CLI end-to-end tests under valgrind
#   make install          PREFIX=/usr/local DESTDIR= (uninstall undoes it)
#   make fmt | clean | deps | tests (build the tests without running them)
#
# Options: CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PREFIX, DESTDIR, WERROR=1 (warnings are
# errors), NO_READLINE=1 (build the CLI without GNU readline), SANITIZE=1, VALGRIND=1.

VERSION := $(shell sed -n 's/^\#define CQ_VERSION "\(.*\)"$$/\1/p' engine/careerquiz.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
SONAME := libcareerquiz.so.$(SOMAJOR)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

HOSTCC ?= $(CC)
PKG_CONFIG ?= pkg-config
CLANG_FORMAT ?= clang-format
INSTALL ?= install
CFLAGS ?= -O2 -g

WARNINGS := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wvla
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

# A sanitized build lives in its own folder so it never mixes with the plain objects.
ifeq ($(SANITIZE),1)
BUILD ?= build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD ?= build
SANFLAGS :=
endif

VALGRIND_CMD := valgrind --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect -q

# ---- dependencies (pkg-config, with plain -l fallbacks) ----------------------------------

CJSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcjson 2>/dev/null)
CJSON_LIBS := $(or $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null),-lcjson)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(or $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null),-lcmocka)

# readline is for the interactive quiz; without it (NO_READLINE=1, or not installed) the CLI
# falls back to plain line input.
ifneq ($(NO_READLINE),1)
ifeq ($(shell $(PKG_CONFIG) --exists readline 2>/dev/null && echo yes),yes)
# Only its -I flags: tinfo's -D_XOPEN_SOURCE=600 would override our feature macros.
READLINE_CFLAGS := -DHAVE_READLINE=1 $(filter -I%,$(shell $(PKG_CONFIG) --cflags readline))
READLINE_LIBS := $(shell $(PKG_CONFIG) --libs readline)
else
ifeq ($(filter deps run test check clean fmt uninstall,$(MAKECMDGOALS)),)
$(info readline not found by $(PKG_CONFIG): building without it (make deps installs it))
endif
NO_READLINE := 1
endif
endif
ifeq ($(NO_READLINE),1)
READLINE_CFLAGS := -DCQ_NO_READLINE=1
READLINE_LIBS :=
endif

# ---- sources and products ----------------------------------------------------------------

ENGINE_SRCS := $(sort $(wildcard engine/*.c))
CLI_SRCS := $(sort $(filter-out cli/gen_embedded.c,$(wildcard cli/*.c)))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_HELPER_SRCS := $(sort $(filter-out $(UNIT_SRCS),$(wildcard tests/unit/*.c)))
BANK_FILES := $(sort $(wildcard questions/*.json))
PROFILE_FILES := $(sort $(wildcard profiles/*.json))

ENGINE_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/obj/%.o)
ENGINE_PIC_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/pic/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded_data.o
UNIT_HELPER_OBJS := $(UNIT_HELPER_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_BINS := $(patsubst tests/unit/test_%.c,$(BUILD)/tests/test_%,$(UNIT_SRCS))

STATIC_LIB := $(BUILD)/libcareerquiz.a
SHARED_LIB := $(BUILD)/libcareerquiz.so
CLI_BIN := $(BUILD)/careerquiz
GEN_TOOL := $(BUILD)/gen_embedded
GEN_DATA := $(BUILD)/gen/embedded_data.c
FLAGS_STAMP := $(BUILD)/flags.txt

BASE_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Iengine $(CPPFLAGS)
BASE_CFLAGS := $(WARNINGS) $(SANFLAGS) $(CFLAGS)
DEPFLAGS := -MMD -MP

# ---- targets -------------------------------------------------------------------------------

.PHONY: all tests run test check deps install uninstall fmt clean FORCE
.DEFAULT_GOAL := all

all: $(STATIC_LIB) $(SHARED_LIB) $(CLI_BIN)

tests: all $(UNIT_BINS)

# Sub-makes, so that flags found by pkg-config are read after `deps` has installed things.
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	$(CLI_BIN) roles
	$(CLI_BIN) score docs/examples/answers.json

test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory tests
	@CQ_BUILD='$(BUILD)' CAREERQUIZ='$(abspath $(CLI_BIN))' \
		CQ_WRAPPER='$(if $(filter 1,$(VALGRIND)),$(VALGRIND_CMD))' tests/run.sh

check: test

deps:
	@NO_READLINE='$(NO_READLINE)' PKG_CONFIG='$(PKG_CONFIG)' sh scripts/deps.sh

# Objects are rebuilt when the compiler or any flag changes, not only when sources do.
$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(CC) $(HOSTCC) $(BASE_CPPFLAGS) $(BASE_CFLAGS) $(LDFLAGS) $(LDLIBS)' \
		'$(CJSON_CFLAGS) $(CJSON_LIBS) $(READLINE_CFLAGS) $(READLINE_LIBS)' \
		'$(CMOCKA_CFLAGS) $(CMOCKA_LIBS)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(BUILD)/obj/engine/%.o: engine/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) $(CJSON_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/pic/engine/%.o: engine/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) $(CJSON_CFLAGS) $(BASE_CFLAGS) -fPIC $(DEPFLAGS) -c -o $@ $<

$(BUILD)/obj/cli/%.o: cli/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Icli $(READLINE_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Icli $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

# Unit tests may find the source tree (questions/, profiles/, tests/) through CQ_SOURCE_DIR.
$(BUILD)/obj/tests/unit/%.o: tests/unit/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Itests/unit -DCQ_SOURCE_DIR='"$(CURDIR)"' $(CJSON_CFLAGS) \
		$(CMOCKA_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(STATIC_LIB): $(ENGINE_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $^

# The version script exports the public cq_ API only; engine internals (cq__*) stay hidden.
$(SHARED_LIB): $(ENGINE_PIC_OBJS) engine/careerquiz.map
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=engine/careerquiz.map \
		$(BASE_CFLAGS) $(LDFLAGS) -o $@ $(ENGINE_PIC_OBJS) $(CJSON_LIBS) -lm

$(CLI_BIN): $(CLI_OBJS) $(STATIC_LIB)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(STATIC_LIB) $(CJSON_LIBS) \
		$(READLINE_LIBS) -lm $(LDLIBS)

$(BUILD)/tests/test_%: $(BUILD)/obj/tests/unit/test_%.o $(UNIT_HELPER_OBJS) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $< $(UNIT_HELPER_OBJS) $(STATIC_LIB) $(CMOCKA_LIBS) \
		$(CJSON_LIBS) -lm $(LDLIBS)

# ---- embedded default data -------------------------------------------------------------------

# A host tool (never sanitized: it only runs at build time) turns the data files into C.
$(GEN_TOOL): cli/gen_embedded.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(HOSTCC) -D_POSIX_C_SOURCE=200809L -Iengine $(WARNINGS) -O2 $(DEPFLAGS) -o $@ $<

# The list of data files, rewritten only when a file is added or removed.
$(BUILD)/gen/data.list: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' 'bank: $(BANK_FILES)' 'profiles: $(PROFILE_FILES)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(GEN_DATA): $(GEN_TOOL) $(BANK_FILES) $(PROFILE_FILES) $(BUILD)/gen/data.list
	@mkdir -p $(@D)
	$(GEN_TOOL) -o $@ --bank $(BANK_FILES) --profiles $(PROFILE_FILES)

# ---- install -----------------------------------------------------------------------------------

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/careerquiz/questions $(DESTDIR)$(DATADIR)/careerquiz/profiles
	$(INSTALL) -m 0755 $(CLI_BIN) $(DESTDIR)$(BINDIR)/careerquiz
	$(INSTALL) -m 0644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/libcareerquiz.a
	$(INSTALL) -m 0755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/libcareerquiz.so.$(VERSION)
	ln -sf libcareerquiz.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcareerquiz.so
	$(INSTALL) -m 0644 engine/careerquiz.h $(DESTDIR)$(INCLUDEDIR)/careerquiz.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		careerquiz.pc.in > $(BUILD)/careerquiz.pc
	$(INSTALL) -m 0644 $(BUILD)/careerquiz.pc $(DESTDIR)$(PKGCONFIGDIR)/careerquiz.pc
	$(INSTALL) -m 0644 docs/careerquiz.1 $(DESTDIR)$(MANDIR)/man1/careerquiz.1
	$(INSTALL) -m 0644 $(BANK_FILES) $(DESTDIR)$(DATADIR)/careerquiz/questions
	$(INSTALL) -m 0644 $(PROFILE_FILES) $(DESTDIR)$(DATADIR)/careerquiz/profiles

# Removes what install put there. Under DESTDIR (a staging tree) it also removes the folders
# it leaves empty; on a live system it leaves shared folders such as $(BINDIR) alone.
INSTALL_DIRS := $(BINDIR) $(LIBDIR) $(INCLUDEDIR) $(PKGCONFIGDIR) $(MANDIR)/man1
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/careerquiz $(DESTDIR)$(LIBDIR)/libcareerquiz.a \
		$(DESTDIR)$(LIBDIR)/libcareerquiz.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
		$(DESTDIR)$(LIBDIR)/libcareerquiz.so $(DESTDIR)$(INCLUDEDIR)/careerquiz.h \
		$(DESTDIR)$(PKGCONFIGDIR)/careerquiz.pc $(DESTDIR)$(MANDIR)/man1/careerquiz.1 \
		$(DESTDIR)$(DATADIR)/careerquiz/questions/*.json \
		$(DESTDIR)$(DATADIR)/careerquiz/profiles/*.json
	rmdir $(DESTDIR)$(DATADIR)/careerquiz/questions $(DESTDIR)$(DATADIR)/careerquiz/profiles \
		$(DESTDIR)$(DATADIR)/careerquiz 2>/dev/null || true
ifneq ($(DESTDIR),)
	cd '$(DESTDIR)' && rmdir -p --ignore-fail-on-non-empty $(patsubst /%,%,$(INSTALL_DIRS) \
		$(DATADIR)) 2>/dev/null || true
endif

# ---- housekeeping ------------------------------------------------------------------------------

fmt:
	$(CLANG_FORMAT) -i $(wildcard engine/*.[ch] cli/*.[ch] tests/unit/*.[ch])

clean:
	rm -rf build $(BUILD)

FORCE:

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj/*/*/*.d $(BUILD)/pic/*/*.d $(BUILD)/*.d)
