#!/usr/bin/env bash
# Search benchmark: N generated posts in Tocsin's index and in plain Lucene, p50/p95/p99 of wall
# and query-thread CPU time per query class, one query thread.
# Usage: bench/run-index.sh [N=1000000] [REPORT=bench/results/index-DATE.md] [KEEP]
#   KEEP: a directory for both indexes; a later run with the same KEEP and N reuses them instead of
#   indexing again (about 100 s per million posts on an idle machine, far more on a loaded one).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-1000000}"
REPORT="${2:-bench/results/index-$(date -u +%F).md}"
mvn -B -q -o -DskipTests -pl index -am test-compile
CP_FILE="$(mktemp)"
mvn -B -q -o -pl index dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
# the modules' own classes, not the tocsin jars of ~/.m2 (they may be stale)
LIBS="$(tr ':' '\n' < "$CP_FILE" | grep -v '/org/tocsin/' | paste -sd:)"
rm -f "$CP_FILE"
CP="index/target/test-classes:index/target/classes:core/target/classes:testkit/target/classes:$LIBS"
exec java -Xmx4g -XX:+UseParallelGC -cp "$CP" org.tocsin.index.bench.IndexBenchmark \
  node/src/main/resources/org/tocsin/node/demo/posts.jsonl.gz "$REPORT" "$N" ${3:+"$3"}
