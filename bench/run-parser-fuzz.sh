#!/usr/bin/env bash
# Long fuzzing run of every platform parser and the Post JSON reader: ITERATIONS mutations of each
# real fixture, plus random bytes and nesting bombs; only the parser's PostFormatException may
# escape and no input may take longer than tests.maxMillis. The default test run does a few
# hundred cases per parser; this runs the @Tag("slow") ParserFuzzTest.longRun as well.
# Usage: bench/run-parser-fuzz.sh [ITERATIONS=2000] [SEED]   (a failure prints its seed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
args=(-B -q -pl crawler -am test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
  -Dtocsin.test.excludedGroups=none -Dtests.longIterations="${1:-2000}")
if [ -n "${2:-}" ]; then
  args+=(-Dtests.seed="$2")
fi
exec mvn "${args[@]}"
