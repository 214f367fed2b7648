#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan + UBSan) in build-fuzz/ and runs each for
# a bounded time. Fails on any crash, leak or timeout. Prints execs and cov/ft per target.
#   scripts/fuzz.sh [--seconds N] [--build-dir DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=30
build="$root/build-fuzz"
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --build-dir) build="$2"; shift 2 ;;
        *) echo "usage: $0 [--seconds N] [--build-dir DIR]" >&2; exit 2 ;;
    esac
done
targets=(cimxml envelope)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
for t in "${targets[@]}"; do
    work="$build/corpus/$t"; mkdir -p "$work" "$build/artifacts/$t"
    log="$build/$t.log"
    dict=()
    [ -f "$root/fuzz/dict/$t.dict" ] && dict=(-dict="$root/fuzz/dict/$t.dict")
    if nice -n 10 "$build/fuzz_$t" "$work" "$root/fuzz/corpus/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
        -artifact_prefix="$build/artifacts/$t/" -print_final_stats=1 >"$log" 2>&1; then
        status=ok
    else
        status=FAILED; failed=1; tail -n 40 "$log"
    fi
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    last=$(grep -E '#[0-9]+.*cov:' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo '?')
    echo "fuzz_$t: $status, execs $execs, $last"
done
exit $failed
