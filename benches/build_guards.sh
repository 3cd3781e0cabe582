#!/usr/bin/env bash
# The run-time guards of a build-time change: two release binaries of the same source, built
# with different settings (benches/build_time.sh leaves one per commit), timed alternately.
#
#   benches/build_guards.sh BEFORE_BIN AFTER_BIN [PAIRS]
#
# Three workloads, PAIRS times each (default 7), before and after alternating; each workload
# starts with the 1-minute load average under 0.5 (it waits up to WAIT_FOR_IDLE seconds,
# default 300, then stops: no figure from a busy machine), and the load before each pair is
# printed (the runs themselves raise it; nothing else may run):
#   default  `run --force` on pipelines/ccpcj-kidnapping.yaml (the default report)
#   synth    `run --force` on a 10-million-row synthetic UN-CTS csv (the report's queries)
#   ingest   `ingest` of that csv (csv → Parquet)
# (WORKLOADS="synth ingest" runs some of them.)
# The csv (1.85 GB) is generated once under WORK (default /tmp/kt-guards) by the before
# binary. Prints, per workload, the median and fastest of each binary and the ratio of the
# medians (after / before): above 1, the after build is slower.
set -euo pipefail
BEFORE_BIN=$(realpath "$1") AFTER_BIN=$(realpath "$2")
PAIRS=${3:-7}
ROWS=${ROWS:-10000000}
WORK=${WORK:-/tmp/kt-guards}
WAIT_FOR_IDLE=${WAIT_FOR_IDLE:-300}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$WORK"

csv=$WORK/cts-$ROWS.csv
if [[ ! -s $csv ]]; then
    "$BEFORE_BIN" synth --rows "$ROWS" --out "$csv" --seed 1 >&2
fi
pipeline=$WORK/synth.yaml
"$root/benches/synth_pipeline.sh" "$csv" "guards-$ROWS" "kidnap-trends synth --rows $ROWS --seed 1" "$WORK/unused" >"$pipeline"

quiet() {
    local waited=0
    while awk '{exit !($1 >= 0.5)}' /proc/loadavg; do
        if ((waited >= WAIT_FOR_IDLE)); then
            echo "busy: load average $(cut -d' ' -f1 /proc/loadavg) after ${WAIT_FOR_IDLE} s; stopped" >&2
            exit 1
        fi
        sleep 5
        waited=$((waited + 5))
    done
}
seconds() { # command… → wall seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
work() { # workload side bin
    case $1 in
    default) (cd "$root" && seconds "$3" -q run --force pipelines/ccpcj-kidnapping.yaml --out "$WORK/default-$2") ;;
    synth) seconds "$3" -q run --force "$pipeline" --out "$WORK/synth-$2" ;;
    ingest) seconds "$3" -q ingest "$pipeline" --out "$WORK/ingest-$2" ;;
    esac
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
fastest() { printf '%s\n' "$@" | sort -n | head -n1; }

echo "before: $BEFORE_BIN"
echo "after:  $AFTER_BIN"
echo
echo "| workload | before median | after median | after / before | before fastest | after fastest | loads |"
echo "|---|---:|---:|---:|---:|---:|---|"
for w in ${WORKLOADS:-default synth ingest}; do
    # One untimed run each: outputs exist, inputs in the page cache.
    work "$w" before "$BEFORE_BIN" >/dev/null
    work "$w" after "$AFTER_BIN" >/dev/null
    b=() a=() loads=()
    quiet
    for ((i = 0; i < PAIRS; i++)); do
        loads+=("$(cut -d' ' -f1 /proc/loadavg)")
        # Alternate which side goes first, so neither always follows the other.
        if ((i % 2 == 0)); then
            b+=("$(work "$w" before "$BEFORE_BIN")")
            a+=("$(work "$w" after "$AFTER_BIN")")
        else
            a+=("$(work "$w" after "$AFTER_BIN")")
            b+=("$(work "$w" before "$BEFORE_BIN")")
        fi
    done
    mb=$(median "${b[@]}") ma=$(median "${a[@]}")
    printf '| %s | %.3f s | %.3f s | %.3f | %.3f s | %.3f s | %s |\n' "$w" "$mb" "$ma" \
        "$(echo "scale=4; $ma / $mb" | bc)" "$(fastest "${b[@]}")" "$(fastest "${a[@]}")" "${loads[*]}"
done
