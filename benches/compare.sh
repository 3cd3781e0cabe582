#!/usr/bin/env bash
# kidnap-trends (release build) against DuckDB, in the same run, on synthetic UN-CTS files.
#
#   benches/compare.sh                      # sizes 10k and 1m, 5 repeats
#   SIZES="10k 1m 10m" REPEATS=3 benches/compare.sh
#   SIZES="1m 10m" STEPS=ingest benches/compare.sh   # only (a), csv → Parquet
#
# Builds nothing: it expects the release binary (KT_BIN) and, for the warehouse-only query row,
# the `warehouse_query` bench program built beside it (KT_QUERY_BIN; see benches/README.md).
# Creates benches/.venv with DuckDB, openpyxl and matplotlib (the Python peer of the default
# report, python_report_peer.py). Writes data and outputs under WORK (default /tmp/kt-bench;
# a 10m csv is 1.8 GB) and prints a markdown table: medians of REPEATS runs, the median of the
# runs' peak resident set sizes, and the ratio kidnap-trends / DuckDB of the median times.
# The two engines' runs alternate, so that both see the same machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
KT_BIN=${KT_BIN:-$HOME/.cache/kt-release/release/kidnap-trends}
KT_QUERY_BIN=${KT_QUERY_BIN:-}
SIZES=${SIZES:-10k 1m}
# Which rows: `ingest` (a), `query` (b, from the csv), `run` (c and b over the warehouse),
# `default` (the real default report against the Python peer).
STEPS=${STEPS:-ingest query run default}
step() { [[ " $STEPS " == *" $1 "* ]]; }
REPEATS=${REPEATS:-5}
DEFAULT_REPEATS=${DEFAULT_REPEATS:-5}
WORK=${WORK:-/tmp/kt-bench}
SEED=${SEED:-1}
VENV=$here/.venv
PY=$VENV/bin/python

if [[ ! -x $KT_BIN ]]; then
    echo "error: no release binary at $KT_BIN (build it: cargo build --release; or set KT_BIN)" >&2
    exit 2
fi
if [[ -z $KT_QUERY_BIN ]]; then
    # cargo puts bench programs in deps/ with a hash; take the newest.
    KT_QUERY_BIN=$(ls -t "$(dirname "$KT_BIN")"/deps/warehouse_query-* 2>/dev/null \
        | grep -v '\.d$' | head -n1 || true)
fi

mkdir -p "$WORK/logs"

# DuckDB, openpyxl and matplotlib, in a virtual environment of its own.
if [[ ! -x $PY ]]; then
    python3 -m venv "$VENV"
fi
if ! "$PY" -c 'import duckdb, openpyxl, matplotlib' 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check duckdb openpyxl matplotlib
fi

# GNU time for the peak resident set size.
TIME=/usr/bin/time
have_time() { [[ -x $TIME ]] && "$TIME" -f %M -o /dev/null true 2>/dev/null; }
if ! have_time && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "GNU time is missing: apt-get install time (for peak RSS)" >&2
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi
if have_time; then HAVE_TIME=1; else
    HAVE_TIME=0
    echo "no GNU time: peak RSS is not measured" >&2
fi

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {
    if (NR == 0) print "";
    else if (NR % 2) print v[(NR + 1) / 2];
    else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A RUN_MS=() RUN_KB=() RUN_ERR=()

# once LABEL COMMAND...: one timed run, added to RUN_MS[LABEL] (wall ms) and RUN_KB[LABEL] (peak
# RSS, KiB); on failure RUN_ERR[LABEL] says why and later runs of LABEL are skipped. Output goes
# to $WORK/logs/LABEL.{out,err}.
once() {
    local label=$1
    shift
    [[ -n ${RUN_ERR[$label]:-} ]] && return 0
    local t0 t1 code=0
    t0=$(date +%s%N)
    if ((HAVE_TIME)); then
        "$TIME" -f %M -o "$WORK/rss" "$@" >"$WORK/logs/$label.out" 2>"$WORK/logs/$label.err" \
            || code=$?
    else
        "$@" >"$WORK/logs/$label.out" 2>"$WORK/logs/$label.err" || code=$?
    fi
    t1=$(date +%s%N)
    if ((code != 0)); then
        RUN_ERR[$label]="exit $code: $(grep -v '^Command exited' "$WORK/logs/$label.err" | tail -n1)"
        echo "  $label FAILED (${RUN_ERR[$label]})" >&2
        return 0
    fi
    RUN_MS[$label]+="$(((t1 - t0) / 1000000)) "
    if ((HAVE_TIME)); then RUN_KB[$label]+="$(tail -n1 "$WORK/rss") "; fi
}

# result LABEL → M_MS (median ms), M_MIN (fastest ms), M_KB (median peak RSS), M_ERR.
result() {
    local label=$1
    M_ERR=${RUN_ERR[$label]:-} M_MS="" M_MIN="" M_KB=""
    [[ -n $M_ERR ]] && return 0
    if [[ -z ${RUN_MS[$label]:-} ]]; then
        M_ERR="busy"
        return 0
    fi
    # shellcheck disable=SC2086 # the runs are a space-separated list
    M_MS=$(median ${RUN_MS[$label]})
    # shellcheck disable=SC2086
    M_MIN=$(printf '%s\n' ${RUN_MS[$label]} | sort -n | head -n1)
    # shellcheck disable=SC2086
    if ((HAVE_TIME)); then M_KB=$(median ${RUN_KB[$label]}); fi
    echo "  $label: ${RUN_MS[$label]}ms" >&2
}

# A ratio taken on a busy machine is no result (DuckDB loses a core first): before each pair, wait
# up to WAIT_FOR_IDLE seconds (default 120) for the 1-minute load average to fall under
# LOAD_LIMIT (0.5); a pair that cannot start is not run, and its row says "busy".
LOAD_LIMIT=${LOAD_LIMIT:-0.5}
WAIT_FOR_IDLE=${WAIT_FOR_IDLE:-120}
quiet() {
    local waited=0
    while awk -v l="$LOAD_LIMIT" '{exit !($1 >= l)}' /proc/loadavg; do
        ((waited >= WAIT_FOR_IDLE)) && return 1
        sleep 5
        waited=$((waited + 5))
    done
}

# pair N K_LABEL K_COMMAND_ARRAY D_LABEL D_COMMAND_ARRAY: the two commands in turn, N times each
# (so that both see the same machine when other work comes and goes), into K_* and D_*; the
# load average before each pair in PAIR_LOADS, the pairs refused as busy in PAIR_BUSY.
pair() {
    local n=$1 kl=$2 dl=$4 i
    local -n kc=$3 dc=$5
    PAIR_LOADS="" PAIR_BUSY=0
    for ((i = 0; i < n; i++)); do
        if ! quiet; then
            PAIR_BUSY=$((PAIR_BUSY + 1))
            continue
        fi
        PAIR_LOADS+="$(cut -d' ' -f1 /proc/loadavg) "
        once "$kl" "${kc[@]}"
        once "$dl" "${dc[@]}"
    done
    result "$kl"
    keep_k
    result "$dl"
    keep_d
}

# single N LABEL COMMAND...: one command N times, into K_*.
single() {
    local n=$1 label=$2 i
    shift 2
    PAIR_LOADS="" PAIR_BUSY=0
    for ((i = 0; i < n; i++)); do once "$label" "$@"; done
    result "$label"
    keep_k
}

secs() { [[ -n $1 ]] && awk -v m="$1" -v f="$2" 'BEGIN {printf "%.2f s (%.2f)", m / 1000, f / 1000}' \
    || printf 'n/a'; }
mib() { [[ -n $1 ]] && awk -v k="$1" 'BEGIN {printf "%.0f MiB", k / 1024}' || printf 'n/a'; }
ratio() { [[ -n $1 && -n $2 && $2 != 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}' \
    || printf 'n/a'; }

ROWS=()
# row SIZE STEP  (uses K_* for kidnap-trends and D_* for DuckDB)
row() {
    local kt dk
    if [[ $K_ERR == busy ]]; then kt="busy"
    elif [[ -n $K_ERR ]]; then kt="failed ($K_ERR)"; else kt=$(secs "$K_MS" "$K_MIN"); fi
    if [[ $D_ERR == "no peer" ]]; then dk="—"
    elif [[ $D_ERR == busy ]]; then dk="busy"
    elif [[ -n $D_ERR ]]; then dk="failed ($D_ERR)"
    else dk=$(secs "$D_MS" "$D_MIN"); fi
    local r="n/a" loads="—"
    [[ -z $K_ERR && -z $D_ERR ]] && r=$(ratio "$K_MS" "$D_MS")
    if [[ $D_ERR != "no peer" ]]; then
        # shellcheck disable=SC2086 # a space-separated list
        [[ -n $PAIR_LOADS ]] && loads=$(printf '%s\n' $PAIR_LOADS | sort -n | sed -n '1p;$p' | paste -sd '-')
        # Fewer than five quiet pairs: no ratio.
        local quiet_pairs
        quiet_pairs=$(wc -w <<<"$PAIR_LOADS")
        if ((PAIR_BUSY > 0 && quiet_pairs < 5)); then r="busy ($PAIR_BUSY of $((PAIR_BUSY + quiet_pairs)) pairs refused)"; fi
    fi
    ROWS+=("| $1 | $(du -h "$WORK/$1/cts.csv" 2>/dev/null | cut -f1) | $2 | $kt | $(mib "$K_KB") | $dk | $(mib "$D_KB") | $r | $loads |")
}
keep_k() { K_MS=$M_MS K_MIN=$M_MIN K_KB=$M_KB K_ERR=$M_ERR; }
keep_d() { D_MS=$M_MS D_MIN=$M_MIN D_KB=$M_KB D_ERR=$M_ERR; }
none_k() { K_MS="" K_MIN="" K_KB="" K_ERR="not measured"; }

PAIR_LOADS="" PAIR_BUSY=0
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

m49=$root/data/country-codes-m49/country-codes.csv
population=$root/data/population-worldbank/population.csv
queries=$root/queries/ccpcj

for size in $SIZES; do
    dir=$WORK/$size
    mkdir -p "$dir"
    csv=$dir/cts.csv
    units=$dir/cts.units.csv
    stamp=$dir/.synth-$SEED-$("$KT_BIN" --version | tr ' ' '-')
    if [[ ! -e $stamp || ! -s $csv ]]; then
        echo "== $size: generating $csv" >&2
        rm -f "$dir"/.synth-*
        "$KT_BIN" synth --rows "$size" --out "$csv" --seed "$SEED" >&2
        touch "$stamp"
    else
        echo "== $size: reusing $csv (same seed and tool version)" >&2
    fi
    pipeline=$dir/bench.yaml
    "$here/synth_pipeline.sh" "$csv" "bench-$size" "kidnap-trends synth --rows $size --seed $SEED" "$dir/kt-run" >"$pipeline"
    ref=(--m49 "$m49" --population "$population" --units "$units")

    # (a) csv → Parquet warehouse.
    if step ingest; then
    k=("$KT_BIN" -q ingest "$pipeline" --out "$dir/kt-ingest")
    d=("$PY" "$here/duckdb_peer.py" ingest --csv "$csv" "${ref[@]}" --out "$dir/duckdb-ingest")
    pair "$REPEATS" "$size-kt-ingest" k "$size-duckdb-ingest" d
    row "$size" "(a) csv → Parquet warehouse"
    fi
    step query || step run || continue

XX
    k=("$KT_BIN" query "$pipeline" "$(cat "$queries/T2.sql")" --format csv)
    d=("$PY" "$here/duckdb_peer.py" query --csv-source --csv "$csv" "${ref[@]}"
        --queries "$queries" --sql "$queries/T2.sql" --out "$dir/T2-duckdb.csv")
    pair "$REPEATS" "$size-kt-query-csv" k "$size-duckdb-query-csv" d
    row "$size" "(b) T2 from the csv (\`query\`, no published output: it ingests first)"
    cp "$WORK/logs/$size-kt-query-csv.out" "$dir/T2-kt.csv" 2>/dev/null || true
    if [[ -s $dir/T2-kt.csv && -s $dir/T2-duckdb.csv ]]; then
        "$PY" "$here/duckdb_peer.py" same "$dir/T2-kt.csv" "$dir/T2-duckdb.csv" >&2 \
            || echo "  WARNING: T2 differs between the engines" >&2
    fi

    step run || continue
    # (c) the whole default report; it publishes $dir/kt-run, the pipeline's output.
    k=("$KT_BIN" -q run --force "$pipeline")
    d=("$PY" "$here/duckdb_peer.py" report --csv "$csv" "${ref[@]}" --queries "$queries"
        --out "$dir/duckdb-report")
    pair "$REPEATS" "$size-kt-run" k "$size-duckdb-report" d
    row "$size" "(c) whole report (DuckDB: tables only, no figures)"

    # (b) T2 over the Parquet warehouse: `query` with a current published output reads its
    # warehouse (after hashing the inputs to know it is current); `warehouse_query` is the same
    # code path given the warehouse folder, without the hashing.
    k=("$KT_BIN" query "$pipeline" "$(cat "$queries/T2.sql")" --format csv)
    d=("$PY" "$here/duckdb_peer.py" query --warehouse "$dir/kt-run/warehouse"
        --queries "$queries" --sql "$queries/T2.sql")
    pair "$REPEATS" "$size-kt-query-published" k "$size-duckdb-query-parquet" d
    row "$size" "(b) T2 over the Parquet warehouse (\`query\` on the published output)"
    if [[ -n $KT_QUERY_BIN && -x $KT_QUERY_BIN ]]; then
        single "$REPEATS" "$size-kt-query-parquet" "$KT_QUERY_BIN" "$pipeline" \
            "$dir/kt-run/warehouse" "$queries/T2.sql"
    else
        none_k
    fi
    row "$size" "(b) T2 over the Parquet warehouse (\`warehouse_query\`: no input hashing)"
done

# The real default report (xlsx source), release build, against the Python peer of the same
# report (openpyxl, DuckDB over the same SQL files, matplotlib; python_report_peer.py). The peer's
# column holds Python; the ratio is kidnap-trends / Python.
if step default; then
echo "== default report" >&2
k=("$KT_BIN" -q run --force "$root/pipelines/ccpcj-kidnapping.yaml" --out "$WORK/default/kt-run")
d=("$PY" "$here/python_report_peer.py" --root "$root" --out "$WORK/default/python-report")
mkdir -p "$WORK/default"
pair "$DEFAULT_REPEATS" "default-run" k "default-python" d
row "real" "default report (\`run --force pipelines/ccpcj-kidnapping.yaml\`, median of $DEFAULT_REPEATS; peer: Python, \`python_report_peer.py\`)"
fi

echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) memory, Linux $(uname -r)"
echo "- kidnap-trends: $("$KT_BIN" --version), release binary of $(date -u -r "$KT_BIN" '+%Y-%m-%d %H:%M UTC');" \
    "work tree now at git $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(
        git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' with local changes')"
echo "- rustc: $(rustc --version 2>/dev/null || echo '?'); DuckDB (Python) \
$("$PY" -c 'import duckdb; print(duckdb.__version__)'), openpyxl \
$("$PY" -c 'import openpyxl; print(openpyxl.__version__)'), matplotlib \
$("$PY" -c 'import matplotlib; print(matplotlib.__version__)'); $("$PY" --version)"
echo "- times: median of $REPEATS runs (default report: $DEFAULT_REPEATS), the fastest in brackets;" \
    "kidnap-trends and DuckDB runs alternate; peak RSS: median of the runs' maxima"
echo "- load average (1, 5, 15 min) at the start: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| size | csv file | step | kidnap-trends | peak RSS | DuckDB | peak RSS | time ratio kt/DuckDB | load before the pairs |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
