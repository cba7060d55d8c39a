#!/usr/bin/env bash
# NLP cascade benchmark: screen, Lingua, CoreNLP deep stage and the whole cascade, 1 and 2 threads,
# on the demo corpus and the skewed RealPosts sample.
# Usage: bench/run-cascade.sh [ROUNDS=2] [gate|harm|encoder]   (Markdown rows on stdout; "gate": shares only;
# "harm": the harm grammar; "encoder": the English encoder stage, its gate and throughput)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -o -B -q -DskipTests -pl bench -am package
exec java -Xmx2g -XX:+UseParallelGC -cp "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.tocsin.bench.nlp.CascadeBenchmark "${1:-2}" "${2:-all}"
