#!/usr/bin/env bash
# Ingest benchmark: N real posts through ledger, scorer and index, next to raw Lucene.
# Usage: bench/run-ingest.sh [N=100000]   -> bench/results/ingest-DATE.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -DskipTests -pl bench -am package
exec java -Xmx3g -XX:+UseParallelGC -XX:FlightRecorderOptions:stackdepth=256 -cp "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.tocsin.bench.ingest.IngestBenchmark "${1:-100000}" bench/results
