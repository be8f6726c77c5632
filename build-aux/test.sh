#!/usr/bin/env bash
# Set up, build and run the whole Bulwark test suite headless: first the unit tests in an
# AddressSanitizer + UndefinedBehaviorSanitizer build, then the fuzz targets (libFuzzer, clang),
# then every test in the normal build (the window ones under Xvfb). Meson's summary of the normal build is the last thing printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-asan -j 2
meson test -C build-asan --suite unit --num-processes 2 --print-errorlogs

# Every file reader under libFuzzer, for a fixed number of runs each.
[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzzing=true -Db_lundef=false
meson compile -C build-fuzz -j 2
meson test -C build-fuzz --suite fuzz --print-errorlogs
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

[ -f build/build.ninja ] || meson setup build
meson compile -C build -j 2
xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C build --num-processes 2 --print-errorlogs
