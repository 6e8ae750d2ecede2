#!/usr/bin/env bash
# Grades assignment (a), temperature schedules on the testbed (STATEMENT.md):
#   assignments/a-schedules/grade.sh SUBMISSION...
# SUBMISSION: the folder you worked in (it holds PowerCooling.java, MyCooling.java and ANSWERS.md),
# or those files. Prints one line per criterion, with the reason for each lost point, then
# "score: X/10"; exit 0 whatever the score, 2 on bad usage or a missing file. Runs Kelvin through
# the clone's ./kelvin, or $KELVIN when set.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/grading.sh"

check_paths "$@"
power=$(find_submitted PowerCooling.java "$@")
mine=$(find_submitted MyCooling.java "$@")
answers=$(find_submitted ANSWERS.md "$@")
KELVIN_BIN=$(kelvin_launcher)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Part 1: power-cooling's values, then its regret against fixed T = 1.
if run_kelvin "$work/schedule" schedule "$here/grading/power-cooling.yaml" --plugin "$power" \
        --at 0,1,9,99,999 --json; then
    wrong=$(awk '
        /"variant":"power-cooling/ {
            v = $0; sub(/.*"variant":"/, "", v); sub(/".*/, "", v)
            t = $0; sub(/.*"t":/, "", t); sub(/,.*/, "", t)
            got = $0; sub(/.*"temperature":/, "", got); sub(/}.*/, "", got)
            seen++
            initial = v == "power-cooling" ? 1 : 2
            power = v == "power-cooling" ? 0.5 : 1
            due = initial / (1 + t) ^ power
            diff = got - due
            if (diff < 0) diff = -diff
            if (!(diff <= 1e-9 * due)) {
                bad++
                if (bad == 1) {
                    first = sprintf("t = %d with initial %g, power %g gives %s where %.6g is due", \
                        t, initial, power, got, due)
                }
            }
        }
        END {
            if (seen != 10) printf "kelvin schedule gave %d values of power-cooling where 10 were asked for", seen
            else if (bad) printf "%s%s", first, (bad > 1 ? sprintf(" (%d values of 10 are off)", bad) : "")
        }' \
        "$work/schedule.out")
    if [[ -z $wrong ]]; then
        criterion 3 3 "power-cooling follows T_t = initial / (1 + t)^power (t = 0, 1, 9, 99, 999; two settings)"
    else
        criterion 0 3 "power-cooling follows T_t = initial / (1 + t)^power" "$wrong"
    fi
    if run_kelvin "$work/power-run" run "$here/grading/power-cooling.yaml" --plugin "$power" \
            --out "$work/power" --quiet --no-plots; then
        grade_beats 2 "power-cooling beats fixed T = 1" "$work/power-compare" "$work/power" fixed-1 power-cooling \
            "step 1000"
    else
        criterion 0 2 "power-cooling beats fixed T = 1" "kelvin run failed: $(kelvin_error "$work/power-run")"
    fi
else
    reason="kelvin schedule failed: $(kelvin_error "$work/schedule")"
    criterion 0 3 "power-cooling follows T_t = initial / (1 + t)^power" "$reason"
    criterion 0 2 "power-cooling beats fixed T = 1" "$reason"
fi

# Part 2: my-cooling, with its own defaults, against fixed T = 0.2.
if run_kelvin "$work/mine-run" run "$here/grading/my-cooling.yaml" --plugin "$mine" \
        --out "$work/mine" --quiet --no-plots; then
    read -r first last < <(curve_ends "$work/mine/curves.csv" my-cooling temperature)
    if holds "$last < $first"; then
        criterion 1 1 "my-cooling cools (T = $first at step 1, $last at step 1000)"
    else
        criterion 0 1 "my-cooling cools" "T = $first at step 1 and $last at step 1000"
    fi
    grade_beats 3 "my-cooling beats fixed T = 0.2" "$work/mine-compare" "$work/mine" fixed-0.2 my-cooling "step 1000"
else
    reason="kelvin run failed: $(kelvin_error "$work/mine-run")"
    criterion 0 1 "my-cooling cools" "$reason"
    criterion 0 3 "my-cooling beats fixed T = 0.2" "$reason"
fi

# The explanations are marked by hand; this only checks that each question has an answer.
unanswered=$(awk '
    /^## Question/ { if (q != "" && !said) missing = missing " " q; q = $3; said = 0; next }
    q != "" && NF > 0 && $0 !~ /^\(your answer\)$/ { said = 1 }
    END { if (q != "" && !said) missing = missing " " q; print (q == "" ? "none" : missing) }' "$answers")
if [[ -z ${unanswered// /} ]]; then
    criterion 1 1 "ANSWERS.md answers questions 1 to 3 (their content is marked by hand)"
elif [[ $unanswered == none ]]; then
    criterion 0 1 "ANSWERS.md answers questions 1 to 3" "no '## Question N' headings in $answers"
else
    criterion 0 1 "ANSWERS.md answers questions 1 to 3" "no answer under question(s)${unanswered}"
fi

finish
