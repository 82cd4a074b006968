# libtrace. `make` builds build/libtrace.so and build/libtrace-report; `make test` runs
# every test; `make bench` the benchmarks; `make install PREFIX=...`.
# BUILD=dir puts every output elsewhere (parallel builds, a clang build beside gcc's).

CC ?= cc
BUILD ?= build
# A build directory may carry its own settings (make asan writes one): compiler, sanitizers.
-include $(BUILD)/config.mk
PREFIX ?= /usr/local
PYTHON ?= python3

WARN = -Wall -Wextra -Werror
CFLAGS ?= -O2 -g
BASE_CFLAGS = $(WARN) -std=gnu11 -D_GNU_SOURCE -Iinclude -Ilib -I$(BUILD)/gen -MMD -MP
# SAN_CFLAGS: sanitizers for the report tool and the unit tests (make asan sets them);
# never for the shim, which is preloaded into programs built without them.
SAN_CFLAGS ?=
REPORT_CFLAGS = $(BASE_CFLAGS) -Ireport $(SAN_CFLAGS)
# The shim runs in signal handlers and in threads without TLS: no stack protector (it reads
# %fs), no unwinding tables needed beyond -g, hidden by default, PIC. Never fortified: it
# defines libc functions (read, recv, getcwd...) that fortify would inline over.
SHIM_CFLAGS = $(BASE_CFLAGS) -U_FORTIFY_SOURCE -fPIC -fvisibility=hidden -fno-stack-protector \
	-fno-omit-frame-pointer -ftls-model=initial-exec -mgeneral-regs-only
SHIM_LDFLAGS = -shared -Wl,--no-undefined -Wl,--version-script=preload/libtrace.map \
	-Wl,-z,now -Wl,-z,noexecstack

GEN = $(BUILD)/gen/lt_sysent_gen.h
# lib/: what the shim and the report share, freestanding (no malloc, stdio, locks); built
# twice, once with the shim's flags and once with the report's.
SHARED_SRCS = $(wildcard lib/*.c)
# report/: the report tool; its main is kept apart so unit tests can link the rest.
REPORT_SRCS = $(filter-out report/report_main.c,$(wildcard report/*.c)) $(SHARED_SRCS)
SHIM_SRCS = $(wildcard preload/*.c) $(wildcard preload/*.S)
# tests/support/: code only tests and benchmarks link (a log writer); never installed.
TEST_SUPPORT_SRCS = $(wildcard tests/support/*.c)

SHIM_OBJS = $(patsubst %,$(BUILD)/shim/%.o,$(SHIM_SRCS) $(SHARED_SRCS))
LIB_OBJS = $(patsubst %,$(BUILD)/obj/%.o,$(REPORT_SRCS))
TEST_SUPPORT_OBJS = $(patsubst %,$(BUILD)/obj/%.o,$(TEST_SUPPORT_SRCS))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
E2E_SRCS = $(wildcard tests/e2e/*.c)
E2E_BINS = $(patsubst tests/e2e/%.c,$(BUILD)/e2e/%,$(E2E_SRCS))

all: $(BUILD)/libtrace.so $(BUILD)/libtrace-report

$(GEN): lib/syscalls.tbl scripts/gen-syscalls.py
	@mkdir -p $(dir $@)
	$(PYTHON) scripts/gen-syscalls.py lib/syscalls.tbl $@-t
	mv $@-t $@

$(BUILD)/shim/%.c.o: %.c $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SHIM_CFLAGS) -c $< -o $@

$(BUILD)/shim/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SHIM_CFLAGS) -c $< -o $@

$(BUILD)/obj/%.c.o: %.c $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(REPORT_CFLAGS) -c $< -o $@

$(BUILD)/libtrace.so: $(SHIM_OBJS) preload/libtrace.map
	$(CC) $(CFLAGS) $(SHIM_LDFLAGS) -o $@-t $(SHIM_OBJS) -ldl
	mv $@-t $@

$(BUILD)/libtrace-report: $(BUILD)/obj/report/report_main.c.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $(SAN_CFLAGS) -o $@-t $^ -lz -lm
	mv $@-t $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) $(TEST_SUPPORT_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(REPORT_CFLAGS) -Itests/support -o $@-t $< $(LIB_OBJS) $(TEST_SUPPORT_OBJS) -lz -lm
	mv $@-t $@

# End-to-end test programs: plain C programs, built without the shim.
$(BUILD)/e2e/%: tests/e2e/%.c include/libtrace.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) -D_GNU_SOURCE -Iinclude -o $@-t $< -lpthread
	mv $@-t $@

test-progs: all $(UNIT_BINS) $(E2E_BINS)

test: test-progs
	BUILD=$(abspath $(BUILD)) CC=$(CC) sh tests/run.sh

# make asan: the report tool and the unit tests under ASan and UBSan, in $(ASAN_BUILD)
# (with $(CC): gcc and clang both have them); then `BUILD=build-asan make test` runs the
# whole suite with them: $(ASAN_BUILD)/config.mk keeps the compiler and the flags.
ASAN_BUILD ?= build-asan
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
asan:
	@mkdir -p $(ASAN_BUILD)
	printf 'CC = %s\nSAN_CFLAGS = %s\n' '$(CC)' '$(SANITIZE)' >$(ASAN_BUILD)/config.mk
	$(MAKE) BUILD=$(ASAN_BUILD) test-progs

# make fuzz: libFuzzer over the reader (binary logs), the strace text parser and every
# output (tests/fuzz/fuzz_report.c) for FUZZ_SECONDS; crashes land in tests/fuzz/corpus/.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_BUILD ?= build-fuzz
FUZZ_SRCS = tests/fuzz/fuzz_report.c $(REPORT_SRCS)
$(FUZZ_BUILD)/fuzz_report: $(FUZZ_SRCS) $(GEN) $(wildcard report/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -O1 -g $(SANITIZE) -fsanitize=fuzzer $(filter-out -MMD -MP,$(REPORT_CFLAGS)) \
		-o $@-t $(FUZZ_SRCS) -lz -lm
	mv $@-t $@
fuzz: $(FUZZ_BUILD)/fuzz_report
	sh tests/fuzz/run.sh $(FUZZ_BUILD)/fuzz_report $(FUZZ_SECONDS)
.PHONY: asan fuzz

bench: all $(E2E_BINS)
	BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh

# Installed names collide with nothing: the shim in PREFIX/lib/libtrace/ (off the linker's
# path: -ltrace and lib/libtrace.so are WAND's libtrace), the header in
# PREFIX/include/libtrace/ (<libtrace.h> is WAND's), pkg-config libtrace-shim. The shim
# finds libtrace-report next to itself: a link there to bin/.
VERSION = 0.1
BINDIR = $(PREFIX)/bin
SHIMDIR = $(PREFIX)/lib/libtrace
INCDIR = $(PREFIX)/include/libtrace
PCDIR = $(PREFIX)/lib/pkgconfig
MANDIR = $(PREFIX)/share/man
COMPDIR = $(PREFIX)/share/bash-completion/completions
INSTALLED = $(BINDIR)/libtrace $(BINDIR)/libtrace-report $(SHIMDIR)/libtrace.so \
	$(SHIMDIR)/libtrace-report $(INCDIR)/libtrace.h $(PCDIR)/libtrace-shim.pc \
	$(MANDIR)/man1/libtrace.1 $(MANDIR)/man1/libtrace-report.1 $(MANDIR)/man3/libtrace.3 \
	$(COMPDIR)/libtrace $(COMPDIR)/libtrace-report

install: all install-python
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHIMDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(PCDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(COMPDIR)
	install -m 0755 $(BUILD)/libtrace-report $(DESTDIR)$(BINDIR)/libtrace-report
	install -m 0755 scripts/libtrace $(DESTDIR)$(BINDIR)/libtrace
	install -m 0755 $(BUILD)/libtrace.so $(DESTDIR)$(SHIMDIR)/libtrace.so
	ln -sf ../../bin/libtrace-report $(DESTDIR)$(SHIMDIR)/libtrace-report
	install -m 0644 include/libtrace.h $(DESTDIR)$(INCDIR)/libtrace.h
	sed 's|@PREFIX@|$(PREFIX)|; s|@VERSION@|$(VERSION)|' scripts/libtrace-shim.pc.in \
		>$(DESTDIR)$(PCDIR)/libtrace-shim.pc
	install -m 0644 docs/man/libtrace.1 docs/man/libtrace-report.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 docs/man/libtrace.3 $(DESTDIR)$(MANDIR)/man3/
	install -m 0644 scripts/completion/libtrace.bash $(DESTDIR)$(COMPDIR)/libtrace
	ln -sf libtrace $(DESTDIR)$(COMPDIR)/libtrace-report

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rm -rf $(DESTDIR)$(PYTHONDIR)/libtrace
	-rmdir $(DESTDIR)$(SHIMDIR) $(DESTDIR)$(INCDIR) 2>/dev/null

# The Python package (python/libtrace) into the prefix's site directory, with the syscall
# table it names arguments from; it finds PREFIX/lib/libtrace.so from there. PYTHONDIR=...
# overrides (Debian's python3 reads /usr/local/lib/python3.N/dist-packages, not site-packages).
PYTHONDIR = $(shell $(PYTHON) -c 'import os, sys, sysconfig as s; p = sys.argv[1]; \
	local = "posix_local" in s.get_scheme_names() and os.path.abspath(p) == "/usr/local"; \
	print(s.get_path("purelib", "posix_local" if local else "posix_prefix", \
	vars={"base": "/usr" if local else p, "platbase": "/usr" if local else p}))' $(PREFIX))

install-python:
	install -d $(DESTDIR)$(PYTHONDIR)/libtrace
	install -m 0644 python/libtrace/*.py lib/syscalls.tbl $(DESTDIR)$(PYTHONDIR)/libtrace/

clean:
	rm -rf $(BUILD)

.PHONY: all test test-progs bench install install-python uninstall clean
.DELETE_ON_ERROR:
.SECONDARY: $(TEST_SUPPORT_OBJS)
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
