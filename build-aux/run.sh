#!/usr/bin/env bash
# Set up, build and start Bulwark on the bundled sample project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build -j 2
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
# Not installed: the About window finds the application's icon in the source tree.
export BW_ICON_DIR="$PWD/data/icons"
exec build/src/bulwark data/samples/reference-architecture.bulwark "$@"
