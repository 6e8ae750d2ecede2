#!/usr/bin/env bash
# Grades assignment (b), your own UCB1 (STATEMENT.md):
#   assignments/b-bandit-agent/grade.sh SUBMISSION...
# SUBMISSION: the folder you worked in (it holds MyUcb1.java), or the file. Runs grading/*.yaml
# with it and grades it against the built-in ucb1 with `kelvin compare --equivalent`; prints one
# line per criterion with the reason for each lost point, then "score: X/10"; exit 0 whatever the
# score, 2 on bad usage or a missing file. Runs Kelvin through the clone's ./kelvin, or $KELVIN.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/grading.sh"

check_paths "$@"
agent=$(find_submitted MyUcb1.java "$@")
KELVIN_BIN=$(kelvin_launcher)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A submission that borrows Kelvin's own agents (or the registry that builds them) is not from scratch;
# the interfaces BanditAgent and BanditLearner are what a plug-in implements.
borrowed=$(grep -noE 'kelvin\.(agents\.bandit\.[A-Za-z0-9_*]+|experiments\.[A-Za-z0-9_.]+)' "$agent" \
    | grep -vE ':kelvin\.agents\.bandit\.(BanditAgent|BanditLearner)$' | head -n 1 || true)
if [[ -z $borrowed ]]; then
    criterion 1 1 "MyUcb1.java is written from scratch (uses none of Kelvin's agents)"
else
    criterion 0 1 "MyUcb1.java is written from scratch" "line ${borrowed%%:*} uses ${borrowed#*:}"
fi

# grade_equivalence NAME FOLDER "METRIC..." COMPARE_OPTION...: 2 points per metric, from the lines of
# kelvin compare FOLDER:ucb1 FOLDER:my-ucb1 --equivalent --json; a failure's reason is compare's own.
grade_equivalence() {
    local name=$1 folder=$2 metrics=$3
    shift 3
    local status=0 metric line verdict
    run_kelvin "$work/$name-compare" compare "$folder:ucb1" "$folder:my-ucb1" --equivalent --json "$@" \
        || status=$?
    for metric in $metrics; do
        local what="$name: my-ucb1's $metric is equivalent to the built-in ucb1's"
        if ((status > 1)); then
            criterion 0 2 "$what" "kelvin compare failed: $(kelvin_error "$work/$name-compare")"
            continue
        fi
        line=$(grep -F "\"metric\":\"$metric\"" "$work/$name-compare.out" | head -n 1 || true)
        verdict=$(awk -v s="$line" 'BEGIN { sub(/.*"verdict":"/, "", s); sub(/".*/, "", s); print s }')
        if [[ -z $line ]]; then
            criterion 0 2 "$what" "kelvin compare did not compare it"
        elif [[ $verdict == equivalent ]]; then
            criterion 2 2 "$what (kelvin compare --equivalent $*)"
        else
            criterion 0 2 "$what" "$(awk -v s="$line" 'BEGIN { sub(/.*"reason":"/, "", s); sub(/"}$/, "", s); print s }')"
        fi
    done
}

if run_kelvin "$work/testbed-run" run "$here/grading/testbed.yaml" --plugin "$agent" \
        --out "$work/testbed" --quiet --no-plots; then
    criterion 1 1 "grading/testbed.yaml runs with my-ucb1"
    grade_equivalence testbed "$work/testbed" "regret optimal-action" --margin 4se
else
    reason="kelvin run failed: $(kelvin_error "$work/testbed-run")"
    criterion 0 1 "grading/testbed.yaml runs with my-ucb1" "$reason"
    for metric in regret optimal-action; do
        criterion 0 2 "testbed: my-ucb1's $metric is equivalent to the built-in ucb1's" "$reason"
    done
fi

if run_kelvin "$work/bernoulli-run" run "$here/grading/bernoulli.yaml" --plugin "$agent" \
        --out "$work/bernoulli" --quiet --no-plots; then
    criterion 1 1 "grading/bernoulli.yaml runs with my-ucb1 (Bernoulli arms, frequent ties)"
    grade_equivalence bernoulli "$work/bernoulli" regret --metric regret --margin 4se
else
    reason="kelvin run failed: $(kelvin_error "$work/bernoulli-run")"
    criterion 0 1 "grading/bernoulli.yaml runs with my-ucb1" "$reason"
    criterion 0 2 "bernoulli: my-ucb1's regret is equivalent to the built-in ucb1's" "$reason"
fi

finish
