# Shared by the assignments' grade.sh scripts (sourced, not run): finding Kelvin and the submitted
# files, running Kelvin, reading its result files with awk, and printing the criteria and the score.
# Needs only bash and awk, like the rest of the graders.

GRADE_EARNED=0
GRADE_POSSIBLE=0

# die_usage MESSAGE: one line on stderr, exit 2 (bad usage or a missing file).
die_usage() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}

# kelvin_launcher: $KELVIN when set, else the clone's ./kelvin (two folders above the grader).
kelvin_launcher() {
    if [[ -n ${KELVIN:-} ]]; then
        echo "$KELVIN"
    else
        local root
        root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
        echo "$root/kelvin"
    fi
}

# check_paths PATH...: exit 2 unless at least one path is given and each exists.
check_paths() {
    (($# > 0)) || die_usage "usage: $(basename "$0") SUBMISSION... (the folder you worked in, or its files)"
    local p
    for p in "$@"; do
        [[ -e $p ]] || die_usage "no such file or folder: $p"
    done
}

# find_submitted NAME PATH...: the path of the file called NAME among the PATHs (files, or folders
# searched through); exit 2 when there is none.
find_submitted() {
    local name=$1 p found
    shift
    for p in "$@"; do
        if [[ -f $p && $(basename "$p") == "$name" ]]; then
            echo "$p"
            return
        fi
        if [[ -d $p ]]; then
            found=$(find "$p" -type f -name "$name" | sort | head -n 1)
            if [[ -n $found ]]; then
                echo "$found"
                return
            fi
        fi
    done
    die_usage "no $name among $* (hand in the folder that holds it, or the file itself)"
}

# run_kelvin LOG ARGS...: runs Kelvin with ARGS, stdout to LOG.out and stderr to LOG.err; returns
# Kelvin's exit status.
run_kelvin() {
    local log=$1
    shift
    local status=0
    "$KELVIN_BIN" "$@" >"$log.out" 2>"$log.err" || status=$?
    return "$status"
}

# kelvin_error LOG: the first line Kelvin wrote on stderr, without the launcher's build messages.
kelvin_error() {
    local line
    line=$(grep -v '^kelvin: ' "$1.err" | grep -v '^[[:space:]]*$' | head -n 1 || true)
    echo "${line:-no message (exit status only)}"
}

# criterion EARNED POSSIBLE TEXT [REASON]: one line of the grade; REASON says why points were lost.
criterion() {
    local earned=$1 possible=$2 text=$3 reason=${4:-}
    GRADE_EARNED=$((GRADE_EARNED + earned))
    GRADE_POSSIBLE=$((GRADE_POSSIBLE + possible))
    if ((earned == possible)); then
        printf '[%d/%d] %s\n' "$earned" "$possible" "$text"
    else
        printf '[%d/%d] %s: lost %d: %s\n' "$earned" "$possible" "$text" $((possible - earned)) "$reason"
    fi
}

# finish: the score line; exit 0 whatever the score.
finish() {
    echo "score: $GRADE_EARNED/$GRADE_POSSIBLE"
    exit 0
}

# compare_regret LOG FOLDER A B: "n difference low high" of B - A in regret at the last checkpoint,
# with its 95% interval, from `kelvin compare FOLDER:A FOLDER:B --metric regret --json`: a paired t
# test, since both variants ran in one folder (run r of both met the same environment draws).
# Returns kelvin compare's exit status.
compare_regret() {
    local log=$1 folder=$2 a=$3 b=$4
    run_kelvin "$log" compare "$folder:$a" "$folder:$b" --metric regret --json || return
    local line
    line=$(head -n 1 "$log.out")
    awk -v n="$(json_number "$line" n_a)" -v d="$(json_number "$line" difference)" \
        -v low="$(json_number "$line" ci95_low)" -v high="$(json_number "$line" ci95_high)" \
        'BEGIN { printf "%d %.4g %.4g %.4g\n", n, d, low, high }'
}

# grade_beats POINTS WHAT LOG FOLDER A B AT: the criterion WHAT, that B's regret at the checkpoint
# AT (words for the reason) is below A's: met when the 95% interval of B - A lies below 0.
grade_beats() {
    local points=$1 what=$2 log=$3 folder=$4 a=$5 b=$6 at=$7 paired n diff low high said
    if ! paired=$(compare_regret "$log" "$folder" "$a" "$b"); then
        criterion 0 "$points" "$what" "kelvin compare failed: $(kelvin_error "$log")"
        return
    fi
    read -r n diff low high <<<"$paired"
    said="regret at $at of $b minus $a's, paired over $n runs: $diff, 95% interval [$low, $high]"
    if holds "$high < 0"; then
        criterion "$points" "$points" "$what ($said)"
    else
        criterion 0 "$points" "$what" "$said does not lie below 0"
    fi
}

# summary_field SUMMARY_CSV VARIANT METRIC FIELD: one number of summary.csv (mean, stderr, ...).
summary_field() {
    awk -F, -v v="$2" -v m="$3" -v f="$4" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) col = i; next }
        $1 == v && $2 == m { print $col; exit }' "$1"
}

# curve_ends CURVES_CSV VARIANT METRIC: "first last", the mean of METRIC at the first and the last
# checkpoint of curves.csv.
curve_ends() {
    awk -F, -v v="$2" -v m="$3" '
        $1 == v && $2 == m { if (!seen) { first = $4; seen = 1 } last = $4 }
        END { printf "%.6g %.6g\n", first, last }' "$1"
}

# json_number LINE KEY: the number (or null) that KEY holds in a one-line JSON object.
json_number() {
    awk -v key="\"$2\":" '{
        i = index($0, key)
        if (i == 0) exit
        rest = substr($0, i + length(key))
        match(rest, /^[^,}]*/)
        print substr(rest, 1, RLENGTH)
    }' <<<"$1"
}

# holds EXPRESSION: exit status 0 when the awk EXPRESSION (numbers written in) is true.
holds() {
    awk "BEGIN { exit !($1) }"
}
