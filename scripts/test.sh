#!/usr/bin/env bash
# Sets everything up (see setup.sh), builds, and runs every test with ctest.
#   scripts/test.sh [--sanitize]   the second form builds with ASan+UBSan in build-sanitize/
#   scripts/test.sh --fuzz         runs each fuzz target of fuzz/ for a bounded time (scripts/fuzz.sh)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$here/build"
extra=()
if [ "${1:-}" = "--fuzz" ]; then
    "$here/scripts/setup.sh" --build-dir "$build_dir" # the packages (clang-14, libFuzzer)
    exec "$here/scripts/fuzz.sh" --seconds "${RD_FUZZ_SECONDS:-36}"
fi
if [ "${1:-}" = "--sanitize" ]; then
    build_dir="$here/build-sanitize"
    extra=(--sanitize)
fi
"$here/scripts/setup.sh" --build-dir "$build_dir" "${extra[@]}"
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" --timeout 600
