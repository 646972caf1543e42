# Makefile: builds libcareerquiz (static and shared), the careerquiz CLI and the tests.
#
#   make                  library, shared library and build/careerquiz
#   make run              install missing dependencies, build, show a sample run
#   make test             install missing dependencies, build, run every test suite
#   make test SANITIZE=1  the same with ASan and UBSan, in build/san/
#   make test VALGRIND=1  run the CLI end-to-end tests under valgrind
#   make install          PREFIX=/usr/local DESTDIR= (uninstall undoes it)
#   make bench            benchmarks: score and batch times and memory (docs/performance.md)
#   make fmt | clean | deps | tests (build the tests without running them)
#
# Options: CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PREFIX, DESTDIR, WERROR=1 (warnings are
# errors), NO_READLINE=1 (build the CLI without GNU readline), NO_PG=1 (without PostgreSQL),
# SANITIZE=1, VALGRIND=1.

# The version is the three numbers of the public header, CQ_VERSION_MAJOR, _MINOR and _PATCH.
PUBLIC_HEADER := engine/include/careerquiz.h
VERSION := $(shell sed -n 's/^\#define CQ_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$$/\2/p' \
	$(PUBLIC_HEADER) | paste -sd.)
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

# The suppressions file holds valgrind's own false reports only, each with its evidence.
VALGRIND_SUPP := $(CURDIR)/tests/valgrind/readline.supp
VALGRIND_CMD := valgrind --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --suppressions=$(VALGRIND_SUPP) -q

# ---- dependencies (pkg-config, with plain -l fallbacks) ----------------------------------

# What the person left out (NO_X=1), read before optional_lib below sets NO_X for what is only
# not installed yet: `make deps` must install that, not skip it.
DEPS_LEFT_OUT := NO_READLINE='$(NO_READLINE)' NO_SERVE='$(NO_SERVE)' NO_QR='$(NO_QR)' \
	NO_PG='$(NO_PG)'

CJSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcjson 2>/dev/null)
CJSON_LIBS := $(or $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null),-lcjson)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(or $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null),-lcmocka)
# SQLite holds the results store of take --db, batch --db, stats and export (the CLI only).
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS := $(or $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null),-lsqlite3)

# Optional libraries. $(call optional_lib,NAME,module,what goes missing): unless NO_NAME=1,
# asks pkg-config for the module and keeps its flags in NAME_PKG_CFLAGS and NAME_PKG_LIBS;
# when the module is not installed it sets NO_NAME := 1 and, on a goal that builds, says what
# the build goes without (nothing when the third argument is empty).
QUIET_GOALS := deps run test check clean fmt uninstall
define optional_lib
ifneq ($$(NO_$1),1)
ifeq ($$(shell $$(PKG_CONFIG) --exists $2 2>/dev/null && echo yes),yes)
$1_PKG_CFLAGS := $$(shell $$(PKG_CONFIG) --cflags $2)
$1_PKG_LIBS := $$(shell $$(PKG_CONFIG) --libs $2)
else
ifneq ($3,)
ifeq ($$(filter $$(QUIET_GOALS),$$(MAKECMDGOALS)),)
$$(info $2 not found by $$(PKG_CONFIG): building without $3 (make deps installs it))
endif
endif
NO_$1 := 1
endif
endif
endef
# $(call with_lib,NAME,flags when built with it,flags when built without it)
with_lib = $(if $(filter 1,$(NO_$1)),$3,$2)

# readline is for the interactive quiz; without it (NO_READLINE=1, or not installed) the CLI
# falls back to plain line input. Only its -I flags: tinfo's -D_XOPEN_SOURCE=600 would
# override our feature macros.
$(eval $(call optional_lib,READLINE,readline,it))
READLINE_CFLAGS := $(strip $(call with_lib,READLINE,\
	-DHAVE_READLINE=1 $(filter -I%,$(READLINE_PKG_CFLAGS)),-DCQ_NO_READLINE=1))
READLINE_LIBS := $(call with_lib,READLINE,$(READLINE_PKG_LIBS))

# libmicrohttpd is the web server of `careerquiz serve`; without it (NO_SERVE=1, or not
# installed) serve says that the build has none.
$(eval $(call optional_lib,SERVE,libmicrohttpd,serve))
SERVE_CFLAGS := $(call with_lib,SERVE,$(SERVE_PKG_CFLAGS),-DCQ_NO_SERVE=1)
SERVE_LIBS := $(call with_lib,SERVE,$(SERVE_PKG_LIBS) -pthread)

# libpq lets --db name a PostgreSQL database (postgresql://...), shared by several machines;
# without it (NO_PG=1, or not installed) such a --db says that the build has no PostgreSQL.
$(eval $(call optional_lib,PG,libpq,PostgreSQL))
PG_CFLAGS := $(call with_lib,PG,-DCQ_HAVE_PG=1 $(PG_PKG_CFLAGS))
PG_LIBS := $(call with_lib,PG,$(PG_PKG_LIBS))

# libqrencode draws the QR codes that take a result or the quiz to a phone (the kiosk, the
# facilitator screen); without it (NO_QR=1, or not installed) addresses are shown as text.
$(eval $(call optional_lib,QR,libqrencode,))
QR_CFLAGS := $(call with_lib,QR,$(QR_PKG_CFLAGS),-DCQ_NO_QR=1)
QR_LIBS := $(call with_lib,QR,$(QR_PKG_LIBS))

# ---- sources and products ----------------------------------------------------------------

ENGINE_SRCS := $(sort $(wildcard engine/*.c))
# cli/ by job; every folder is on the include path, so a file names a header by its name.
CLI_DIRS := batch content kiosk quiz results stats store terminal util
CLI_INCLUDES := -Icli $(CLI_DIRS:%=-Icli/%) -Icli/serve -Icli/qr
CLI_SRCS := $(sort $(filter-out cli/gen_embedded.c,$(wildcard cli/*.c $(CLI_DIRS:%=cli/%/*.c))))
# The web server (cli/serve/) and the PostgreSQL backend of the results store
# (cli/store/store_pg*.c) are modules, careerquiz-serve.so and careerquiz-pg.so, opened only by
# the runs that use them (cli/util/module.c): no other command links libmicrohttpd, libpq and
# what they bring (GnuTLS, OpenSSL, Kerberos, LDAP), which was most of a short run's time. The
# program keeps serve_module.c, the command that opens its module (or says the build has none).
PG_MODULE_SRCS := $(if $(filter 1,$(NO_PG)),,$(sort $(wildcard cli/store/store_pg*.c)))
CLI_SRCS := $(filter-out cli/store/store_pg%,$(CLI_SRCS))
SERVE_SRCS := cli/serve/serve_module.c
SERVE_MODULE_SRCS := $(if $(filter 1,$(NO_SERVE)),,\
	$(filter-out $(SERVE_SRCS),$(sort $(wildcard cli/serve/*.c))))
SERVE_ASSETS := $(sort $(wildcard cli/serve/assets/*))
QR_SRCS := cli/qr/qr.c
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_HELPER_SRCS := $(sort $(filter-out $(UNIT_SRCS),$(wildcard tests/unit/*.c)))
BANK_FILES := $(sort $(wildcard questions/*.json))
PROFILE_FILES := $(sort $(wildcard profiles/*.json))

# The library holds the model of the shipped data too, written as C by the build (below).
ENGINE_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/builtin_model_data.o
ENGINE_PIC_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/pic/%.o) $(BUILD)/pic/gen/builtin_model_data.o
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o) $(SERVE_SRCS:%.c=$(BUILD)/obj/%.o) \
	$(QR_SRCS:%.c=$(BUILD)/obj/%.o)
SERVE_MODULE := $(if $(SERVE_MODULE_SRCS),$(BUILD)/careerquiz-serve.so)
PG_MODULE := $(if $(PG_MODULE_SRCS),$(BUILD)/careerquiz-pg.so)
MODULES := $(SERVE_MODULE) $(PG_MODULE)
SERVE_MODULE_OBJS := $(SERVE_MODULE_SRCS:%.c=$(BUILD)/obj/%.o) \
	$(if $(SERVE_MODULE_SRCS),$(BUILD)/obj/gen/serve_assets.o)
# Tests and fuzz targets link the modules' code in, as objects like the rest.
CLI_ALL_OBJS := $(CLI_OBJS) $(SERVE_MODULE_OBJS) $(PG_MODULE_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_HELPER_OBJS := $(UNIT_HELPER_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_BINS := $(patsubst tests/unit/test_%.c,$(BUILD)/tests/test_%,$(UNIT_SRCS))
# Fuzz targets (fuzz/fuzz_*.c). `make test` replays each one's seeds and saved crashes through
# a plain driver, fuzz/replay.c; `make fuzz` builds them for libFuzzer with clang.
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(filter-out fuzz/fuzz_common.c,\
	$(sort $(wildcard fuzz/fuzz_*.c))))
ifeq ($(NO_SERVE),1)
FUZZ_TARGETS := $(filter-out serve,$(FUZZ_TARGETS))
endif
REPLAY_BINS := $(FUZZ_TARGETS:%=$(BUILD)/tests/test_fuzz_%)
FUZZ_SRCS := $(sort $(wildcard fuzz/*.c))
FUZZ_BUILD := build/fuzz
# The save path under attack (tests/io/): a SIGKILL loop, and a program and an LD_PRELOAD
# shim that tests/cli/test_save_failures.sh uses to make write, fsync and rename fail.
IO_TEST_BINS := $(BUILD)/tests/test_torn_save $(BUILD)/tests/save_file \
	$(BUILD)/tests/fault_shim.so
# The reproduction of a false valgrind report that tests/valgrind/readline.supp suppresses.
VALGRIND_TEST_BINS := $(BUILD)/tests/pselect_after_signal
# Hashes the word runs of text: tests/cli/test_sources.sh and scripts/seed-fingerprints.sh.
SOURCES_TEST_BINS := $(BUILD)/tests/word_runs

STATIC_LIB := $(BUILD)/libcareerquiz.a
SHARED_LIB := $(BUILD)/libcareerquiz.so
CLI_BIN := $(BUILD)/careerquiz
GEN_TOOL := $(BUILD)/gen_embedded
GEN_DATA := $(BUILD)/gen/embedded_data.c
GEN_MODEL_TOOL := $(BUILD)/gen_builtin_model
GEN_MODEL := $(BUILD)/gen/builtin_model_data.c
GEN_ASSETS := $(BUILD)/gen/serve_assets.c
FLAGS_STAMP := $(BUILD)/flags.txt

# Only the public header's folder: engine internals (engine/internal.h) are for engine files
# and the fuzz targets, which add -Iengine.
BASE_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Iengine/include $(CPPFLAGS)
BASE_CFLAGS := $(WARNINGS) $(SANFLAGS) $(CFLAGS)
DEPFLAGS := -MMD -MP

# ---- targets -------------------------------------------------------------------------------

.PHONY: all tests run test check deps install uninstall fmt clean fuzz fuzz-run coverage bench FORCE
.DEFAULT_GOAL := all

all: $(STATIC_LIB) $(SHARED_LIB) $(CLI_BIN) $(MODULES)

tests: all $(UNIT_BINS) $(REPLAY_BINS) $(IO_TEST_BINS) $(VALGRIND_TEST_BINS) $(SOURCES_TEST_BINS)

# Sub-makes, so that flags found by pkg-config are read after `deps` has installed things.
# The interactive quiz (quitting midway offers to save the answers and prints how to resume).
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	$(CLI_BIN) take

test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory tests
	@CQ_BUILD='$(BUILD)' CAREERQUIZ='$(abspath $(CLI_BIN))' CQ_CC='$(CC) $(SANFLAGS)' \
		CQ_WRAPPER='$(if $(filter 1,$(VALGRIND)),$(VALGRIND_CMD))' \
		CQ_VALGRIND_SUPP='$(VALGRIND_SUPP)' tests/run.sh

check: test

# The benchmarks of docs/performance.md: figures, never pass or fail (bench/run.sh).
bench:
	@BENCH=1 $(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench/proctime
	@CAREERQUIZ='$(abspath $(CLI_BIN))' PROCTIME='$(abspath $(BUILD)/bench/proctime)' bench/run.sh

# A timer for whole processes; never sanitized, so that it measures only the program run.
$(BUILD)/bench/proctime: bench/proctime.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) -O2 -o $@ $<

deps:
	@$(DEPS_LEFT_OUT) PKG_CONFIG='$(PKG_CONFIG)' sh scripts/deps.sh

# Objects are rebuilt when the compiler or any flag changes, not only when sources do.
$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(CC) $(HOSTCC) $(BASE_CPPFLAGS) $(BASE_CFLAGS) $(LDFLAGS) $(LDLIBS) $(LIBDIR)' \
		'$(CJSON_CFLAGS) $(CJSON_LIBS) $(READLINE_CFLAGS) $(READLINE_LIBS)' \
		'$(CMOCKA_CFLAGS) $(CMOCKA_LIBS) $(SQLITE_CFLAGS) $(SQLITE_LIBS)' \
		'$(SERVE_CFLAGS) $(SERVE_LIBS) $(QR_CFLAGS) $(QR_LIBS) $(PG_CFLAGS) $(PG_LIBS)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(BUILD)/obj/engine/%.o: engine/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) $(CJSON_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/pic/engine/%.o: engine/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) $(CJSON_CFLAGS) $(BASE_CFLAGS) -fPIC $(DEPFLAGS) -c -o $@ $<

CLI_CFLAGS = $(BASE_CPPFLAGS) $(CLI_INCLUDES) $(READLINE_CFLAGS) $(SQLITE_CFLAGS) $(SERVE_CFLAGS) \
	$(QR_CFLAGS) $(PG_CFLAGS) $(BASE_CFLAGS)
$(BUILD)/obj/cli/%.o: cli/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) $(DEPFLAGS) -c -o $@ $<

# The modules' code, position-independent for a shared object.
$(BUILD)/pic/cli/%.o: cli/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) -fPIC $(DEPFLAGS) -c -o $@ $<

# Where an installed careerquiz finds its modules (a copy beside it, or in ../lib/careerquiz
# from its folder, comes first).
$(BUILD)/obj/cli/util/module.o: BASE_CPPFLAGS += -DCQ_MODULE_DIR='"$(LIBDIR)/careerquiz"'

# Generated sources: the built-in model (an engine file), the embedded JSON and web assets.
$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Iengine $(CLI_INCLUDES) $(CJSON_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) \
		-c -o $@ $<

$(BUILD)/pic/gen/%.o: $(BUILD)/gen/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Iengine $(CLI_INCLUDES) $(CJSON_CFLAGS) $(BASE_CFLAGS) -fPIC $(DEPFLAGS) \
		-c -o $@ $<

# Unit tests may find the source tree (questions/, profiles/, tests/) through CQ_SOURCE_DIR.
# test_answers_read checks an engine internal (the one-pass reader), so it sees engine/.
$(BUILD)/obj/tests/unit/test_answers_read.o $(BUILD)/obj/tests/unit/test_answer_space.o: BASE_CPPFLAGS += -Iengine
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

# The program exports its functions (-rdynamic) for the modules, and holds the whole engine
# (whatever a module calls is there).
$(CLI_BIN): $(CLI_OBJS) $(STATIC_LIB)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -rdynamic -o $@ $(CLI_OBJS) -Wl,--whole-archive $(STATIC_LIB) \
		-Wl,--no-whole-archive $(CJSON_LIBS) $(READLINE_LIBS) $(SQLITE_LIBS) $(QR_LIBS) -lm $(LDLIBS)

# The modules: their own code and libraries; the rest comes from the program that opens them.
$(SERVE_MODULE): $(SERVE_MODULE_SRCS:%.c=$(BUILD)/pic/%.o) $(BUILD)/pic/gen/serve_assets.o
	$(CC) -shared $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(SERVE_LIBS) $(CJSON_LIBS) -lm $(LDLIBS)
$(PG_MODULE): $(PG_MODULE_SRCS:%.c=$(BUILD)/pic/%.o)
	$(CC) -shared $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(PG_LIBS) $(LDLIBS)

$(BUILD)/tests/test_%: $(BUILD)/obj/tests/unit/test_%.o $(UNIT_HELPER_OBJS) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $< $(UNIT_CLI_OBJS) $(UNIT_HELPER_OBJS) $(STATIC_LIB) \
		$(CMOCKA_LIBS) $(CJSON_LIBS) -lm $(LDLIBS)

# The quiz's input parser is a pure function of the model and a line, so it is unit-tested
# like the engine, with its one CLI file linked in.
$(BUILD)/obj/tests/unit/test_quiz_input.o: BASE_CPPFLAGS += $(CLI_INCLUDES)
$(BUILD)/tests/test_quiz_input: UNIT_CLI_OBJS := $(BUILD)/obj/cli/quiz/quiz_input.o
$(BUILD)/tests/test_quiz_input: $(BUILD)/obj/cli/quiz/quiz_input.o

# The pager's page layout is a pure function of the text and the screen's size, the same way.
$(BUILD)/obj/tests/unit/test_pages.o: BASE_CPPFLAGS += $(CLI_INCLUDES)
$(BUILD)/tests/test_pages: UNIT_CLI_OBJS := $(BUILD)/obj/cli/terminal/pages.o
$(BUILD)/tests/test_pages: $(BUILD)/obj/cli/terminal/pages.o

# The sanitiser and the JSON and CSV writers that ask it, the same way.
SAFE_TEXT_OBJS := $(BUILD)/obj/cli/util/safe_text.o $(BUILD)/obj/cli/util/json_write.o \
	$(BUILD)/obj/cli/util/csv.o
$(BUILD)/obj/tests/unit/test_safe_text.o: BASE_CPPFLAGS += $(CLI_INCLUDES)
$(BUILD)/tests/test_safe_text: UNIT_CLI_OBJS := $(SAFE_TEXT_OBJS)
$(BUILD)/tests/test_safe_text: $(SAFE_TEXT_OBJS)

# The allocation-failure loop of the results store and the kiosk's input handling takes the CLI
# (but its main), SQLite and readline, and wraps the allocation functions its files call.
ALLOC_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup
$(BUILD)/obj/tests/unit/test_cli_alloc_failure.o: BASE_CPPFLAGS += $(CLI_INCLUDES)
$(BUILD)/tests/test_cli_alloc_failure: $(BUILD)/obj/tests/unit/test_cli_alloc_failure.o \
		$(UNIT_HELPER_OBJS) $(filter-out %/main.o,$(CLI_ALL_OBJS)) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) $(ALLOC_WRAP) -o $@ $^ $(CMOCKA_LIBS) $(CJSON_LIBS) \
		$(CLI_LIBS) -lm $(LDLIBS)

# The fuzz targets see engine internals and the embedded data; replayed, they are tests.
$(BUILD)/obj/fuzz/%.o: fuzz/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) -Iengine $(CLI_INCLUDES) -DCQ_SOURCE_DIR='"$(CURDIR)"' $(CJSON_CFLAGS) \
		$(SQLITE_CFLAGS) \
		$(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

# The batch target also takes the two files that score and write one line of `batch`; it needs
# its own rule, since the library must come after them on the command line.
FUZZ_BATCH_CLI := cli/batch/batch_line.c cli/batch/batch_json.c cli/util/json_write.c \
	cli/util/safe_text.c
$(BUILD)/tests/test_fuzz_batch: $(BUILD)/obj/fuzz/fuzz_batch.o $(BUILD)/obj/fuzz/fuzz_common.o \
		$(BUILD)/obj/fuzz/replay.o $(FUZZ_BATCH_CLI:%.c=$(BUILD)/obj/%.o) \
		$(BUILD)/obj/gen/embedded_data.o $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(CJSON_LIBS) -lm $(LDLIBS)

# The CLI's objects but main.o, as an archive: a test or fuzz target that needs a part of the CLI
# links it, and the linker takes only the objects that part uses.
CLI_LIB := $(BUILD)/libcli.a
CLI_LIBS := $(READLINE_LIBS) $(SQLITE_LIBS) $(SERVE_LIBS) $(QR_LIBS) $(PG_LIBS)
$(CLI_LIB): $(filter-out $(BUILD)/obj/cli/main.o,$(CLI_ALL_OBJS))
	@rm -f $@
	$(AR) rcs $@ $^

# The kiosk, store and serve targets run whole commands (cmd_kiosk, cmd_stats, cmd_export) or
# the web server's request handling, so they take them from the CLI archive.
FUZZ_CLI_TARGETS := kiosk store $(filter serve,$(FUZZ_TARGETS))
$(FUZZ_CLI_TARGETS:%=$(BUILD)/tests/test_fuzz_%): $(BUILD)/tests/test_fuzz_%: \
		$(BUILD)/obj/fuzz/fuzz_%.o $(BUILD)/obj/fuzz/fuzz_common.o $(BUILD)/obj/fuzz/replay.o \
		$(BUILD)/obj/gen/embedded_data.o $(CLI_LIB) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(CJSON_LIBS) $(CLI_LIBS) -lm $(LDLIBS)

# Objects that pattern rules chain to would otherwise be deleted as intermediate files.
.SECONDARY: $(FUZZ_SRCS:%.c=$(BUILD)/obj/%.o) $(FUZZ_SRCS:%.c=$(FUZZ_BUILD)/obj/%.o)

$(BUILD)/tests/test_fuzz_%: $(BUILD)/obj/fuzz/fuzz_%.o $(BUILD)/obj/fuzz/fuzz_common.o \
		$(BUILD)/obj/fuzz/replay.o $(BUILD)/obj/gen/embedded_data.o $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(CJSON_LIBS) -lm $(LDLIBS)

$(BUILD)/obj/tests/io/%.o: tests/io/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CPPFLAGS) $(CLI_INCLUDES) $(CMOCKA_CFLAGS) $(BASE_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/tests/test_torn_save: $(BUILD)/obj/tests/io/test_torn_save.o $(BUILD)/obj/cli/util/atomic_file.o
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LDLIBS)

$(BUILD)/tests/save_file: $(BUILD)/obj/tests/io/save_file.o $(BUILD)/obj/cli/util/atomic_file.o
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Preloaded into sanitized programs as well, so the shim itself is never sanitized.
$(BUILD)/tests/fault_shim.so: tests/io/fault_shim.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) -D_GNU_SOURCE $(WARNINGS) -O2 -g -fPIC -shared -o $@ $< -ldl

# Never sanitized: it only ever runs under valgrind.
$(BUILD)/tests/word_runs: tests/sources/word_runs.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)

$(BUILD)/tests/pselect_after_signal: tests/valgrind/pselect_after_signal.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) -D_POSIX_C_SOURCE=200809L $(WARNINGS) -O2 -g -o $@ $<

# ---- coverage (gcc --coverage, gcov) -----------------------------------------------------------

# make coverage: every suite built with --coverage in build/cov, then the branch coverage of
# engine/ per file (scripts/coverage.sh; annotated sources in build/cov/gcov/). COVERAGE_MIN=N
# fails the target below N percent.
COVERAGE_MIN ?= 0
coverage:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build/cov CC=gcc SANITIZE= CFLAGS='-O0 -g --coverage' \
		LDFLAGS=--coverage tests
	@find build/cov -name '*.gcda' -delete
	@status=0; CQ_BUILD=build/cov CAREERQUIZ='$(abspath build/cov/careerquiz)' tests/run.sh \
		>build/cov/tests.log 2>&1 || status=1; \
	grep -A3 '  FAIL' build/cov/tests.log || true; tail -n 1 build/cov/tests.log; \
	sh scripts/coverage.sh build/cov $(COVERAGE_MIN) && exit $$status

# ---- fuzzing (clang, libFuzzer, ASan + UBSan) -------------------------------------------------

# make fuzz builds build/fuzz/fuzz_TARGET; make fuzz-run SECONDS=N runs each for N seconds,
# FUZZ_JOBS=N of them at a time.
FUZZ_CC ?= clang
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_SECONDS := $(or $(SECONDS),60)
FUZZ_JOBS ?= 1
FUZZ_LIB_OBJS := $(ENGINE_SRCS:%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_BUILD)/obj/fuzz/fuzz_common.o \
	$(FUZZ_BUILD)/obj/gen/embedded_data.o $(FUZZ_BUILD)/obj/gen/builtin_model_data.o

fuzz: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

fuzz-run: fuzz
	FUZZ_JOBS='$(FUZZ_JOBS)' fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

$(FUZZ_BUILD)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(BASE_CPPFLAGS) -Iengine $(CLI_INCLUDES) $(CJSON_CFLAGS) $(READLINE_CFLAGS) \
		$(SQLITE_CFLAGS) $(SERVE_CFLAGS) $(QR_CFLAGS) $(PG_CFLAGS) $(WARNINGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		$(DEPFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(BASE_CPPFLAGS) -Iengine $(CLI_INCLUDES) $(CJSON_CFLAGS) $(WARNINGS) $(FUZZ_FLAGS) \
		$(DEPFLAGS) -c -o $@ $<

# The CLI archive again, built for libFuzzer (the kiosk, store and serve targets).
FUZZ_CLI_LIB := $(FUZZ_BUILD)/libcli.a
$(FUZZ_CLI_LIB): $(patsubst $(BUILD)/obj/%,$(FUZZ_BUILD)/obj/%,\
		$(filter-out $(BUILD)/obj/cli/main.o,$(CLI_ALL_OBJS)))
	@rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_CLI_TARGETS:%=$(FUZZ_BUILD)/fuzz_%): $(FUZZ_BUILD)/fuzz_%: \
		$(FUZZ_BUILD)/obj/fuzz/fuzz_%.o $(FUZZ_CLI_LIB) $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $(FUZZ_BUILD)/obj/fuzz/fuzz_$*.o \
		$(FUZZ_CLI_LIB) $(FUZZ_LIB_OBJS) $(CJSON_LIBS) $(CLI_LIBS) -lm

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/fuzz/fuzz_%.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(CJSON_LIBS) -lm

$(FUZZ_BUILD)/fuzz_batch: $(FUZZ_BUILD)/obj/fuzz/fuzz_batch.o \
		$(FUZZ_BATCH_CLI:%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(CJSON_LIBS) -lm


# ---- embedded default data -------------------------------------------------------------------

# A host tool (never sanitized: it only runs at build time) turns the data files into C.
$(GEN_TOOL): cli/gen_embedded.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(HOSTCC) -D_POSIX_C_SOURCE=200809L -Iengine/include $(WARNINGS) -O2 $(DEPFLAGS) -o $@ $<

# The list of data files, rewritten only when a file is added or removed.
$(BUILD)/gen/data.list: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' 'bank: $(BANK_FILES)' 'profiles: $(PROFILE_FILES)' \
		'assets: $(SERVE_ASSETS)' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(GEN_DATA): $(GEN_TOOL) $(BANK_FILES) $(PROFILE_FILES) $(BUILD)/gen/data.list
	@mkdir -p $(@D)
	$(GEN_TOOL) -o $@ --bank $(BANK_FILES) --profiles $(PROFILE_FILES)

# The model of the shipped data: a host tool built from the engine loads questions/ and profiles/
# as --data . would (a bad file stops the build with the engine's message) and writes the loaded
# model as C (engine/tools/gen_builtin_model.c), so cq_model_load_default parses nothing.
HOST_ENGINE_OBJS := $(filter-out %/builtin_model.o,$(ENGINE_SRCS:%.c=$(BUILD)/host/%.o))

$(BUILD)/host/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(HOSTCC) -D_POSIX_C_SOURCE=200809L -Iengine/include -Iengine $(CJSON_CFLAGS) $(WARNINGS) -O1 \
		$(DEPFLAGS) -c -o $@ $<

$(GEN_MODEL_TOOL): $(BUILD)/host/engine/tools/gen_builtin_model.o $(HOST_ENGINE_OBJS)
	$(HOSTCC) -o $@ $^ $(CJSON_LIBS) -lm

$(GEN_MODEL): $(GEN_MODEL_TOOL) $(BANK_FILES) $(PROFILE_FILES) $(BUILD)/gen/data.list
	@mkdir -p $(@D)
	$(GEN_MODEL_TOOL) -o $@ .

# The web server's stylesheet and script (cli/serve/assets/), the same way.
$(GEN_ASSETS): $(GEN_TOOL) $(SERVE_ASSETS) $(BUILD)/gen/data.list
	@mkdir -p $(@D)
	$(GEN_TOOL) -o $@ --include serve_assets.h --group serve_assets $(SERVE_ASSETS)

# ---- install -----------------------------------------------------------------------------------

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/careerquiz/questions $(DESTDIR)$(DATADIR)/careerquiz/profiles
	$(INSTALL) -m 0755 $(CLI_BIN) $(DESTDIR)$(BINDIR)/careerquiz
ifneq ($(strip $(MODULES)),)
	$(INSTALL) -d $(DESTDIR)$(LIBDIR)/careerquiz
	$(INSTALL) -m 0644 $(MODULES) $(DESTDIR)$(LIBDIR)/careerquiz/
endif
	$(INSTALL) -m 0644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/libcareerquiz.a
	$(INSTALL) -m 0755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/libcareerquiz.so.$(VERSION)
	ln -sf libcareerquiz.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcareerquiz.so
	$(INSTALL) -m 0644 $(PUBLIC_HEADER) $(DESTDIR)$(INCLUDEDIR)/careerquiz.h
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
	rm -f $(DESTDIR)$(LIBDIR)/careerquiz/careerquiz-serve.so \
		$(DESTDIR)$(LIBDIR)/careerquiz/careerquiz-pg.so
	rmdir $(DESTDIR)$(DATADIR)/careerquiz/questions $(DESTDIR)$(DATADIR)/careerquiz/profiles \
		$(DESTDIR)$(DATADIR)/careerquiz $(DESTDIR)$(LIBDIR)/careerquiz 2>/dev/null || true
ifneq ($(DESTDIR),)
	cd '$(DESTDIR)' && rmdir -p --ignore-fail-on-non-empty $(patsubst /%,%,$(INSTALL_DIRS) \
		$(DATADIR)) 2>/dev/null || true
endif

# ---- housekeeping ------------------------------------------------------------------------------

# Every C file of the repository; .ci/run checks them with clang-format --dry-run -Werror.
FORMATTED = $(wildcard engine/*.[ch] engine/include/*.h engine/tools/*.c cli/*.[ch] cli/*/*.[ch] \
	tests/unit/*.[ch] tests/io/*.[ch] tests/sources/*.[ch] tests/valgrind/*.c fuzz/*.[ch] \
	bench/*.c)

fmt:
	$(CLANG_FORMAT) -i $(FORMATTED)

clean:
	rm -rf build $(BUILD)

FORCE:

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj/*/*/*.d $(BUILD)/obj/*/*/*/*.d \
	$(BUILD)/pic/*/*.d $(BUILD)/pic/*/*/*.d $(BUILD)/host/*/*.d $(BUILD)/host/*/*/*.d $(BUILD)/*.d \
	$(FUZZ_BUILD)/obj/*/*.d $(FUZZ_BUILD)/obj/*/*/*.d $(FUZZ_BUILD)/obj/*/*/*/*.d)
