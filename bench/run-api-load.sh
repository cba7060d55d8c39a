#!/usr/bin/env bash
# API load test: search and ingest together against a real node on loopback, bounded in time,
# with capture-to-alert latency through a loopback webhook.
# Usage: bench/run-api-load.sh [seconds=60] [searchers=16] [ingesters=2] [preload=3000]  -> bench/results/api-load-DATE.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -o -DskipTests -pl bench -am package
exec nice -n 10 java -Xmx1500m -cp "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.tocsin.bench.api.ApiLoadBenchmark "${1:-60}" "${2:-16}" "${3:-2}" 50 "${4:-3000}" bench/results
