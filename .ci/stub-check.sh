#!/usr/bin/env bash
# Proves, for every chapter with exercises, that each exercise test FAILS on the untouched stubs
# (and that the scorecard says "not done yet" for every exercise), and, where model solutions
# exist under .ci/solved/chapterNN, that a solved chapter grades n/n with -Dworkbook.strict=true.
#
# Runs against a scratch copy of the working tree, so the learner's solutions/ is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=/usr/bin/python3
mvn_flags=(-B -q)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

copy_tree() { # a fresh copy of the sources, without build output or git metadata
  rm -rf "$scratch/tree" && mkdir -p "$scratch/tree"
  tar -C "$root" --exclude=./target --exclude=./.git -cf - . | tar -C "$scratch/tree" -xf -
  # the stubs exactly as committed, whatever the local solutions/ holds
  git -C "$root" archive HEAD solutions 2>/dev/null | tar -C "$scratch/tree" -xf - || true
}

failures=0
for dir in exercises-tests/chapter[0-9][0-9]; do
  nn=${dir#exercises-tests/chapter}
  n=$((10#$nn))
  echo "stub-check: chapter $n: grading the untouched stubs (every test must fail)"
  copy_tree
  (cd "$scratch/tree" && mvn "${mvn_flags[@]}" test -Pchapter"$n" >"$scratch/ch$nn-stubs.log" 2>&1) || {
    echo "stub-check: chapter $n: 'mvn test -Pchapter$n' on the stubs did not finish cleanly:"; tail -40 "$scratch/ch$nn-stubs.log"; failures=$((failures + 1)); continue; }
  tail -n 12 "$scratch/ch$nn-stubs.log" | sed 's/^/    /'
  if ! "$python" - "$scratch/tree/target/grades/chapter$nn.json" <<'PY'
import json, sys
grades = json.load(open(sys.argv[1]))
problems = []
if grades["total"] == 0:
    problems.append("no exercises found")
for ex in grades["exercises"]:
    if ex["tests"] == 0:
        problems.append(f"exercise {ex['id']} has no test results")
    for r in ex["results"]:
        if r["status"] == "passed":
            problems.append(f"exercise {ex['id']}: test '{r['test']}' PASSES on the untouched stub")
    if ex["status"] != "not_done_yet":
        problems.append(f"exercise {ex['id']} is '{ex['status']}' on the stub, expected 'not_done_yet'")
for p in problems:
    print("stub-check:   " + p)
sys.exit(1 if problems else 0)
PY
  then failures=$((failures + 1)); fi

  if [ -d ".ci/solved/chapter$nn" ]; then
    echo "stub-check: chapter $n: grading the model solutions (every exercise must be done)"
    cp ".ci/solved/chapter$nn"/*.java "$scratch/tree/solutions/chapter$nn/"
    if (cd "$scratch/tree" && mvn "${mvn_flags[@]}" test -Pchapter"$n" -Dworkbook.strict=true >"$scratch/ch$nn-solved.log" 2>&1); then
      grep -E '^[0-9]+/[0-9]+ done' "$scratch/ch$nn-solved.log" | sed 's/^/    /'
    else
      echo "stub-check: chapter $n: the model solutions do not grade n/n:"; tail -40 "$scratch/ch$nn-solved.log"; failures=$((failures + 1))
    fi
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "stub-check: FAILED ($failures problem(s))"
  exit 1
fi
echo "stub-check: every exercise fails on its stub; every solved chapter grades n/n"
