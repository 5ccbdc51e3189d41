#!/usr/bin/env bash
# Fuzzes every reader, one after another, for the duration in its @FuzzTest (10 minutes each).
# Not part of CI: mvn verify only replays the seed corpora. Run from a clean checkout:
#   bash scripts/fuzz-readers.sh [target ...]      (default: every target below)
# A target is module:Class#method. New corpus entries go to <module>/.cifuzz-corpus/ (ignored
# by git); a finding is saved next to the seeds in src/test/resources and fails its target.
# The modules it needs are built from this checkout (-am), not taken from ~/.m2.
# Prints one line per target: status, executions and corpus size.
set -u
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#lightgcn
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#movielens
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#pairs
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#social
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#textTsv
    recsys-core:io.recsys4j.core.io.ReaderFuzzTest#movieLensMovies
    recsys-eval:io.recsys4j.eval.RunFileFuzzTest#run
    recsys-eval:io.recsys4j.eval.RunFileFuzzTest#truth
    recsys-gnn:io.recsys4j.gnn.ModelFileFuzzTest#body
    recsys-gnn:io.recsys4j.gnn.ModelFileFuzzTest#rawFile
    recsys-text:io.recsys4j.text.VectorCacheFuzzTest#cacheFile
  )
fi
mkdir -p target/fuzz
status=0
for t in "${targets[@]}"; do
  module=${t%%:*}
  test=${t#*:}
  log="target/fuzz/${test##*.}.log"
  start=$(date +%s)
  if JAZZER_FUZZ=1 mvn -B -ntp -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
    result=clean
  else
    result=FINDING
    status=1
  fi
  class=${test%%#*}
  method=${test#*#}
  corpus=$(find "$module/.cifuzz-corpus/${class}/${method}" -type f 2>/dev/null | wc -l)
  seeds=$(find "$module/src/test/resources/${class//.//}Inputs/${method}" -type f 2>/dev/null | wc -l)
  execs=$(grep -a -o '^#[0-9][0-9]*' "$log" | tail -1)
  echo "$result $t: $(( $(date +%s) - start )) s, ${execs:-#?} executions, corpus $corpus generated + $seeds seeds (log $log)"
done
exit $status
