#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan + UBSan) in build-fuzz/ and runs each for
# a bounded time, one after the other. Fails on any crash, leak or timeout. Prints execs and
# cov/ft per target.
#   scripts/fuzz.sh [--seconds N] [--build-dir DIR] [--target T]...
#   scripts/fuzz.sh --coverage [--build-dir DIR] [--target T]...
# --coverage builds the targets once more with source-based coverage (DIR-cov), replays the
# corpora the runs left in DIR/corpus and the seeds, and prints llvm-cov's line coverage of the
# engine files each target is for.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=36
build="$root/build-fuzz"
coverage=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --build-dir) build="$2"; shift 2 ;;
        --target) targets+=("$2"); shift 2 ;;
        --coverage) coverage=1; shift ;;
        *) echo "usage: $0 [--seconds N] [--build-dir DIR] [--target T]... [--coverage]" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(cimxml envelope http requests nbd)

# The engine files a target is for (its line coverage is reported on these).
files_of() {
    case "$1" in
        cimxml) echo engine/cim/cimxml.cpp ;;
        envelope) echo engine/wsman/envelopedom.cpp engine/wsman/envelopereader.cpp \
            engine/wsman/envelopevalues.cpp ;;
        http) echo engine/wsman/httprequestparser.cpp ;;
        requests) echo engine/requests/*.cpp ;;
        nbd) echo engine/remote/nbdprotocol.cpp ;;
    esac
}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

if [ $coverage = 1 ]; then
    cov="$build-cov"
    cmake -S "$root/fuzz" -B "$cov" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DRD_FUZZ_COVERAGE=ON \
        "${launcher[@]}" >/dev/null
    cmake --build "$cov" -j2 --target "${targets[@]/#/fuzz_}"
    printf '%-14s %8s %8s\n' target lines covered
    for t in "${targets[@]}"; do
        rm -f "$cov/$t".*.profraw
        corpora=("$root/fuzz/corpus/$t")
        [ -d "$build/corpus/$t" ] && corpora+=("$build/corpus/$t")
        LLVM_PROFILE_FILE="$cov/$t.%p.profraw" "$cov/fuzz_$t" -runs=0 "${corpora[@]}" \
            >"$cov/$t.replay.log" 2>&1
        llvm-profdata-14 merge -sparse "$cov/$t".*.profraw -o "$cov/$t.profdata"
        # The mapping names files as the compiler saw them (build-dir/../engine/...): compare
        # real paths.
        read -r -a f <<<"$(llvm-cov-14 export -summary-only "$cov/fuzz_$t" \
            -instr-profile="$cov/$t.profdata" | python3 -c '
import json, os, sys
wanted = {os.path.realpath(p) for p in sys.argv[1:]}
lines = covered = 0
for f in json.load(sys.stdin)["data"][0]["files"]:
    if os.path.realpath(f["filename"]) in wanted:
        lines += f["summary"]["lines"]["count"]
        covered += f["summary"]["lines"]["covered"]
print(lines, "%.1f%%" % (100.0 * covered / lines if lines else 0))
' $(cd "$root" && files_of "$t" | tr ' ' '\n' | sed "s|^|$root/|"))"
        printf '%-14s %8s %8s\n' "fuzz_$t" "${f[0]}" "${f[1]}"
    done
    exit 0
fi

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
