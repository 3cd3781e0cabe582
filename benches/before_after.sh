#!/usr/bin/env bash
# Two builds of kidnap-trends on the default report, alternating, on a quiet machine: the cost
# of a change (lineage, a new writer) measured in the same run.
#
#   benches/before_after.sh BEFORE_BIN BEFORE_REPO AFTER_BIN AFTER_REPO [REPEATS]
#
# Each binary runs `run --force` on its own checkout's default pipeline, into an output folder
# of its own under WORK (default /tmp/kt-before-after), REPEATS times (default 5), the two
# alternating. A pair is run only when the 1-minute load average is under 0.5 (it waits up to
# WAIT_FOR_IDLE seconds, default 120, then prints "busy" instead of a time). Prints the median
# and fastest wall time of each, their ratio, and the stages of the last run of each
# (`last-run.json`).
set -euo pipefail
BEFORE_BIN=$1 BEFORE_REPO=$2 AFTER_BIN=$3 AFTER_REPO=$4
REPEATS=${5:-5}
WORK=${WORK:-/tmp/kt-before-after}
WAIT_FOR_IDLE=${WAIT_FOR_IDLE:-120}
mkdir -p "$WORK"

quiet() {
    local waited=0
    while awk '{exit !($1 >= 0.5)}' /proc/loadavg; do
        ((waited >= WAIT_FOR_IDLE)) && return 1
        sleep 5
        waited=$((waited + 5))
    done
}
run() { # bin repo out → seconds
    local start end
    start=$(date +%s.%N)
    (cd "$2" && "$1" -q run --force --out "$3" >/dev/null)
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
fastest() { printf '%s\n' "$@" | sort -n | head -n1; }

# One untimed run each: the outputs exist, the files are in the page cache.
run "$BEFORE_BIN" "$BEFORE_REPO" "$WORK/before" >/dev/null
run "$AFTER_BIN" "$AFTER_REPO" "$WORK/after" >/dev/null
before=() after=() loads=()
for ((i = 0; i < REPEATS; i++)); do
    if ! quiet; then
        echo "busy: load average $(cut -d' ' -f1 /proc/loadavg) after ${WAIT_FOR_IDLE} s; no ratio" >&2
        exit 1
    fi
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    before+=("$(run "$BEFORE_BIN" "$BEFORE_REPO" "$WORK/before")")
    after+=("$(run "$AFTER_BIN" "$AFTER_REPO" "$WORK/after")")
done
mb=$(median "${before[@]}") ma=$(median "${after[@]}")
echo "| | median | fastest | runs |"
echo "|---|---:|---:|---|"
echo "| before | $(printf %.3f "$mb") s | $(printf %.3f "$(fastest "${before[@]}")") s | ${before[*]} |"
echo "| after | $(printf %.3f "$ma") s | $(printf %.3f "$(fastest "${after[@]}")") s | ${after[*]} |"
echo
echo "after / before: $(echo "scale=3; $ma / $mb" | bc); load average before each pair: ${loads[*]}"
for side in before after; do
    echo
    echo "stages ($side, last run):"
    python3 - "$WORK/$side/.kidnap-trends/last-run.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["stages"]:
    print("  %-16s %8.0f ms" % (s["stage"], s["seconds"] * 1000))
print("  %-16s %8.0f ms" % ("total", d["total_seconds"] * 1000))
PY
done
