#!/usr/bin/env bash
# The first build as a new user meets it: `cargo run --release` from an empty target folder.
#
#   benches/build_time.sh COMMIT [LABEL]
#
# Clones this repository at COMMIT into WORK/LABEL (default /tmp/kt-build-time/COMMIT), with a
# target folder of its own that starts empty, then runs
#
#   /usr/bin/time -v cargo run --release --locked --timings
#
# which builds with the shipped [profile.release] and default features and then writes the
# default report. The crates are fetched first (`cargo fetch --locked`, not timed); no compiler
# wrapper (RUSTC_WRAPPER, sccache) and no CARGO_* or RUSTFLAGS setting reaches the build. The
# 1-minute load average is recorded before it starts (the machine must be quiet: under 0.5,
# nothing else running); it prints the wall time, the CPU-minutes (user + sys), the build's
# own wall time from cargo's timings report, the 12 longest crates, and leaves the built
# binary at WORK/LABEL/target/release/kidnap-trends (the guards' before/after binaries).
set -euo pipefail
COMMIT=$1
LABEL=${2:-$COMMIT}
WORK=${WORK:-/tmp/kt-build-time}
REPO=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
DIR=$WORK/$LABEL
if [[ -e $DIR ]]; then
    echo "$DIR exists: give another LABEL or remove it" >&2
    exit 2
fi
mkdir -p "$WORK"
git clone -q "$REPO" "$DIR"
git -C "$DIR" checkout -q "$COMMIT"
cd "$DIR"
# Not timed: the crates as a new user has them after the first download.
env -u RUSTC_WRAPPER cargo fetch --locked -q
if awk '{exit !($1 >= 0.5)}' /proc/loadavg; then
    echo "warning: the machine is not quiet (load $(cut -d' ' -f1 /proc/loadavg)); the figures are not comparable" >&2
fi
load=$(cut -d' ' -f1-3 /proc/loadavg)
env -u RUSTC_WRAPPER -u RUSTFLAGS -u CARGO_BUILD_RUSTFLAGS -u CARGO_TARGET_DIR \
    -u CARGO_INCREMENTAL -u CARGO_PROFILE_RELEASE_OPT_LEVEL -u CARGO_BUILD_JOBS \
    /usr/bin/time -v -o "$DIR.time" cargo run --release --locked --timings -q \
    >"$DIR.stdout" 2>"$DIR.stderr"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DIR.time")
user=$(awk -F': ' '/User time/ {print $2}' "$DIR.time")
sys=$(awk -F': ' '/System time/ {print $2}' "$DIR.time")
echo "commit $(git rev-parse --short HEAD) ($LABEL), load average before: $load"
echo "cargo run --release (build + default report): wall $wall, user $(echo "scale=1; $user / 60" | bc) min, sys $(echo "scale=1; $sys / 60" | bc) min, CPU $(echo "scale=1; ($user + $sys) / 60" | bc) min"
report=$(ls -t target/cargo-timings/cargo-timing-*.html | head -n1)
# The timings page holds its units as JSON: name, version, start and duration in seconds.
python3 - "$report" <<'EOF'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
end = max(u["start"] + u["duration"] for u in units)
print(f"build (cargo timings): {end / 60:.1f} min wall, {len(units)} units, "
      f"{sum(u['duration'] for u in units) / 60:.1f} unit-minutes")
for u in sorted(units, key=lambda u: -u["duration"])[:12]:
    print(f"  {u['name']:<28} {u['duration'] / 60:5.2f} min  {u.get('target', '').strip()}")
EOF
