#!/usr/bin/env bash
# Grades assignment (c), Boltzmann Q-learning with a per-episode schedule on frozen lake
# (STATEMENT.md):
#   assignments/c-frozen-lake/grade.sh SUBMISSION...
# SUBMISSION: the folder you worked in (it holds LakeCooling.java), or the file. Runs
# frozen-lake.yaml with it, reads V*(start) from `kelvin solve --json`, prints one line per
# criterion with the reason for each lost point, then "score: X/10"; exit 0 whatever the score,
# 2 on bad usage or a missing file. Runs Kelvin through the clone's ./kelvin, or $KELVIN when set.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/grading.sh"

check_paths "$@"
schedule=$(find_submitted LakeCooling.java "$@")
KELVIN_BIN=$(kelvin_launcher)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
config="$here/frozen-lake.yaml"

if ! run_kelvin "$work/run" run "$config" --plugin "$schedule" --out "$work/lake" --quiet --no-plots; then
    reason="kelvin run failed: $(kelvin_error "$work/run")"
    criterion 0 1 "frozen-lake.yaml runs with lake-cooling" "$reason"
    criterion 0 2 "lake-cooling cools over the episodes" "$reason"
    criterion 0 4 "the greedy policy's value at episode 2000 is at least 80% of V*(start)" "$reason"
    criterion 0 3 "lake-cooling's regret is below fixed T = 0.1's" "$reason"
    finish
fi
criterion 1 1 "frozen-lake.yaml runs with lake-cooling"

read -r first last < <(curve_ends "$work/lake/curves.csv" lake-cooling temperature)
if holds "$last < $first"; then
    criterion 2 2 "lake-cooling cools over the episodes (T = $first at episode 1, $last at episode 2000)"
else
    criterion 0 2 "lake-cooling cools over the episodes" \
        "T = $first at episode 1 and $last at episode 2000 (is per: episode declared and t used?)"
fi

run_kelvin "$work/solve" solve "$config" --json || die_usage "kelvin solve failed: $(kelvin_error "$work/solve")"
optimal=$(json_number "$(cat "$work/solve.out")" start_value)
value=$(summary_field "$work/lake/summary.csv" lake-cooling greedy-value mean)
stderr=$(summary_field "$work/lake/summary.csv" lake-cooling greedy-value stderr)
runs=$(summary_field "$work/lake/summary.csv" lake-cooling greedy-value n)
said=$(awk -v v="$value" -v s="$stderr" -v o="$optimal" -v n="$runs" \
    'BEGIN { printf "mean %.4f (standard error %.4f) over %d runs, %.0f%% of V*(start) = %.4f", v, s, n, 100 * v / o, o }')
if holds "$value >= 0.8 * $optimal"; then
    criterion 4 4 "the greedy policy's value at episode 2000 is at least 80% of V*(start): $said"
elif holds "$value >= 0.7 * $optimal"; then
    criterion 2 4 "the greedy policy's value at episode 2000 is at least 80% of V*(start)" \
        "$said; at least 70% earns 2 of the 4 points"
else
    criterion 0 4 "the greedy policy's value at episode 2000 is at least 80% of V*(start)" \
        "$said; below 70% earns none"
fi

grade_beats 3 "lake-cooling's regret is below fixed T = 0.1's" "$work/compare" "$work/lake" fixed-0.1 lake-cooling \
    "episode 2000"

finish
