# jixiao — build, run, test.
#
#   make run     install what is missing, build, audit the examples
#   make check   install what is missing, build, run every test (and again
#                under AddressSanitizer + UBSan; the fuzzers briefly if clang is there)
#   make fuzz    run the libFuzzer harnesses for longer (FUZZ_SECONDS each)
#   make bench   the speed benchmark of bench/ (see bench/README.md)

CC      ?= gcc
VERSION := 0.1.0
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CFLAGS  ?= -O2 -g
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
               -DJX_VERSION='"$(VERSION)"' -DJX_RULES_DIR='"$(CURDIR)/rules"'
PKGS    := libzip expat poppler-glib xlsxwriter cairo pangocairo
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS     = -lutf8proc $(shell pkg-config --libs $(PKGS) 2>/dev/null)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
GEN      := build/gen/builtin_rules.c

# Two build trees: plain and sanitized.
B   := build/plain
BS  := build/san

LIB_OBJ   = $(patsubst src/%.c,$(1)/obj/%.o,$(LIB_SRC)) $(1)/obj/gen/builtin_rules.o
CLI_OBJ   = $(patsubst src/%.c,$(1)/obj/%.o,$(CLI_SRC))

.PHONY: all deps run examples check test test-san fuzz fuzz-quick bench clean format lint
.DEFAULT_GOAL := all

all: deps build/jixiao

deps:
	@./scripts/deps.sh

build/jixiao: $(B)/jixiao
	@mkdir -p build && cp $< $@

$(GEN): rules/mof-2020.json scripts/embed.sh
	@mkdir -p $(dir $@)
	./scripts/embed.sh jx_builtin_mof_2020 $< > $@

# ---- object rules, one set per tree ----
$(B)/obj/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@
$(B)/obj/gen/builtin_rules.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@
$(BS)/obj/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) -O1 -g $(SAN) -c $< -o $@
$(BS)/obj/gen/builtin_rules.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) -O1 -g $(SAN) -c $< -o $@

$(B)/libjixiao.a: $(call LIB_OBJ,$(B))
	ar rcs $@ $^
$(BS)/libjixiao.a: $(call LIB_OBJ,$(BS))
	ar rcs $@ $^

$(B)/jixiao: $(call CLI_OBJ,$(B)) $(B)/libjixiao.a
	$(CC) $(CFLAGS) $^ -o $@ $(LDLIBS)
$(BS)/jixiao: $(call CLI_OBJ,$(BS)) $(BS)/libjixiao.a
	$(CC) $(SAN) $^ -o $@ $(LDLIBS)

# ---- tests ----
$(B)/tests/%: tests/unit/%.c tests/unit/testutil.h $(B)/libjixiao.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Isrc $< $(B)/libjixiao.a -o $@ $(LDLIBS) -lcmocka
$(BS)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BS)/libjixiao.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) -O1 -g $(SAN) -Isrc $< $(BS)/libjixiao.a -o $@ $(LDLIBS) -lcmocka

UNIT_BINS     = $(patsubst tests/unit/%.c,$(1)/tests/%,$(TEST_SRC))

test: deps $(call UNIT_BINS,$(B)) $(B)/jixiao
	@./tests/run.sh $(B) "plain build"

# fontconfig keeps its configuration for the life of the process (poppler, fonts not embedded);
# that is the only suppression. G_SLICE makes glib allocations visible to LeakSanitizer.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 G_SLICE=always-malloc

test-san: deps $(call UNIT_BINS,$(BS)) $(BS)/jixiao
	@$(SAN_ENV) ./tests/run.sh $(BS) "sanitized build (ASan+UBSan)"

# `make check`: everything, the last line of output is "N passed, N failed".
check: deps
	@$(MAKE) --no-print-directory build/jixiao $(call UNIT_BINS,$(B)) $(call UNIT_BINS,$(BS)) $(BS)/jixiao
	@rm -f build/results.txt
	@JX_RESULTS=$(CURDIR)/build/results.txt ./tests/run.sh $(B) "plain build" || true
	@JX_RESULTS=$(CURDIR)/build/results.txt $(SAN_ENV) ./tests/run.sh $(BS) "sanitized build (ASan+UBSan)" || true
	@JX_RESULTS=$(CURDIR)/build/results.txt ./fuzz/run.sh quick || true
	@./tests/summary.sh build/results.txt

# ---- fuzzing (clang + libFuzzer) ----
FUZZ_SECONDS ?= 60
fuzz: deps
	@JX_WITH_FUZZ=1 ./scripts/deps.sh
	@./fuzz/run.sh long $(FUZZ_SECONDS)

# ---- benchmark ----
bench: deps build/jixiao
	@./bench/run.sh
	@./bench/import.sh
	@./bench/report_pdf.sh
	@./bench/xlsx.sh

# The Word and Excel examples are written by examples/make_office.c (committed; this remakes them).
examples: deps
	$(CC) $(BASE_CFLAGS) -O1 examples/make_office.c -o build/make_office $(LDLIBS)
	./build/make_office examples

EXAMPLES = $(sort $(filter-out examples/README.md examples/make_office.c examples/%-overall.json examples/%-accounts.txt,$(wildcard examples/*)))

OUT = build/out

run: deps build/jixiao
	@echo "== jixiao audit $(EXAMPLES) (规则集 mof-2020) =="
	@./build/jixiao audit $(EXAMPLES); s=$$?; [ $$s -le 1 ] || exit $$s
	@echo; echo "== jixiao summary (部门汇总) =="
	@./build/jixiao summary $(EXAMPLES); s=$$?; [ $$s -le 1 ] || exit $$s
	@mkdir -p $(OUT)
	@for f in md html docx pdf; do ./build/jixiao report --format $$f -o $(OUT)/report.$$f $(EXAMPLES) || exit 2; done
	@./build/jixiao export --format xlsx -o $(OUT)/projects.xlsx $(EXAMPLES); s=$$?; [ $$s -le 1 ] || exit $$s
	@echo; echo "== jixiao overall examples/ningxiang-2022-overall.json (部门整体支出绩效自评) =="
	@./build/jixiao overall examples/ningxiang-2022-overall.json; s=$$?; [ $$s -le 1 ] || exit $$s
	@./build/jixiao overall --format pdf -o $(OUT)/overall.pdf examples/ningxiang-2022-overall.json; s=$$?; [ $$s -le 1 ] || exit $$s
	@if [ -f examples/datong-2024-accounts.txt ]; then \
	  echo; echo "== jixiao accounts examples/datong-2024-accounts.txt (部门决算公开) =="; \
	  ./build/jixiao accounts examples/datong-2024-accounts.txt; s=$$?; [ $$s -le 1 ] || exit $$s; \
	  ./build/jixiao accounts --format pdf -o $(OUT)/accounts.pdf examples/datong-2024-accounts.txt; s=$$?; [ $$s -le 1 ] || exit $$s; \
	fi
	@echo; echo "文档已写入 (documents written to) $(OUT)/:"; ls -1 $(OUT) | sed 's/^/  /'

format:
	clang-format -i src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h fuzz/*.c bench/*.c

lint:
	cppcheck --enable=warning,style,performance,portability --std=c11 --inline-suppr \
	  --suppress=missingIncludeSystem --error-exitcode=1 -q src

clean:
	rm -rf build
