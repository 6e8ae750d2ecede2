#!/usr/bin/env bash
# Redraws the charts docs/TUTORIAL.md shows: runs TutorialTest, which runs every command of the
# tutorial in experiments/target/tutorial/clone, then copies each chart the page shows as
# tutorial/FOLDER/CHART.png from that run's results/FOLDER/plots/CHART.png. With --no-test it only
# copies, from the folder the last run of the test left.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [ "${1:-}" != --no-test ]; then
  mvn -B -q -pl experiments -am test -Dtest=TutorialTest -Dsurefire.failIfNoSpecifiedTests=false -DskipChecks
fi
run="experiments/target/tutorial/clone/results"
grep -o '](tutorial/[^/)]*/[^/)]*\.png)' docs/TUTORIAL.md | sed 's/^](tutorial\///; s/)$//' | sort -u |
  while IFS=/ read -r folder chart; do
    mkdir -p "docs/tutorial/$folder"
    cp "$run/$folder/plots/$chart" "docs/tutorial/$folder/$chart"
    echo "docs/tutorial/$folder/$chart"
  done
