#!/bin/bash
# Paired forks: runs MutexBenchmark once per (jar, lock) pair, one JMH fork each, round after round,
# so that a machine whose speed drifts (a shared VM) slows every pair alike; then prints each pair's
# scores (in round order) and their mean. Used for the FutexMutex/ReentrantLock ratio in
# chapter04-jmh.txt and chapter04-jmh-tuning.txt.
#
#   docs/results/paired-forks.sh ROUNDS JAR:LOCK [JAR:LOCK...]
#   e.g. docs/results/paired-forks.sh 5 target/benchmarks.jar:FutexMutex target/benchmarks.jar:ReentrantLock
#
# JAVA (default: java on the PATH) runs the jars; copy a jar elsewhere before rebuilding to compare builds.
# Progress goes to stderr, the summary to stdout.
set -euo pipefail
java=${JAVA:-java}
rounds=$1
shift
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq "$rounds"); do
    for pair in "$@"; do
        jar=${pair%%:*}
        lock=${pair#*:}
        output=$("$java" --enable-native-access=ALL-UNNAMED -jar "$jar" '^org.syncbook.bench.MutexBenchmark\.' \
            -p lock="$lock" -f 1 -wi 3 -w 1s -i 5 -r 1s 2>&1) || true
        score=$(awk '/^MutexBenchmark.lockUnlock /{print $(NF-3)}' <<<"$output")
        if [ -z "$score" ]; then
            echo "no score for $pair in round $round; the end of JMH's output:" >&2
            tail -n 20 <<<"$output" >&2
            exit 1
        fi
        echo "round $round/$rounds  $pair  $score ns" >&2
        echo "$pair $score" >>"$results"
    done
done
awk '{ if (!($1 in n)) order[++pairs] = $1; scores[$1] = scores[$1] " " $2; sum[$1] += $2; n[$1]++ }
     END { for (i = 1; i <= pairs; i++) { p = order[i]; printf "%-50s%s   mean %.2f ns\n", p, scores[p], sum[p] / n[p] } }' "$results"
