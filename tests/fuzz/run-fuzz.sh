#!/usr/bin/env bash
# run-fuzz.sh TARGET RUNS SEED_DIR...: runs a libFuzzer target for a fixed number of runs from
# its seeds; new inputs go to a scratch corpus, never into the source tree. Fails on a crash,
# leaving the crashing input beside the build for a regression fixture.
set -euo pipefail
target=$1; runs=$2; shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# libFuzzer's own exit code for a crash is 77, which meson reads as a skip: make it a failure.
"$target" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -artifact_prefix="$(pwd)/$(basename "$target")-" "$scratch" "$@"
