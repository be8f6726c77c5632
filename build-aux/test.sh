#!/usr/bin/env bash
# Set up, build and run the whole Bulwark test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build -j 2
xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C build --num-processes 2 --print-errorlogs
