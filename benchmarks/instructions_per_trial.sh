#!/usr/bin/env bash
# Instructions per trial of the engine under the quick compiler (C1, as the launcher runs it), counted by
# valgrind, so independent of the machine's load: dev.payback.bench.EngineRun at two trial counts (one worker,
# -Xbatch so that every compilation finishes before the code runs), the difference divided by the difference
# in trials (start-up and compilation cancel). Compare two builds by running this with each one's
# benchmarks.jar: JAR=path/to/benchmarks.jar benchmarks/instructions_per_trial.sh
# A JVM under valgrind now and then dies of a signal; a run is retried up to four times (its hs_err file goes to
# $TMPDIR, not the working folder).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$here/benchmarks/target/benchmarks.jar}"
small="${SMALL:-20480}"
large="${LARGE:-61440}"
scenario="${SCENARIO:-$here/scenarios/b_consumer_goods_multichannel.yaml}"

count() {
  for _ in 1 2 3 4; do
    log="$(mktemp)"
    if valgrind --tool=cachegrind --cache-sim=no --branch-sim=no --smc-check=all-non-file \
        --cachegrind-out-file=/dev/null java -XX:TieredStopAtLevel=1 -Xbatch -XX:+UseSerialGC -Xms600m -Xmx600m -XX:ErrorFile="${TMPDIR:-/tmp}/payback-valgrind-hs_err_%p.log" \
        -cp "$jar" dev.payback.bench.EngineRun "$1" "$scenario" >/dev/null 2>"$log" \
        && ! grep -q "Process terminating" "$log"; then
      grep -E "I\s+refs" "$log" | tr -d ',' | awk '{print $NF}'
      rm -f "$log"
      return 0
    fi
    rm -f "$log"
  done
  echo "valgrind failed four times at $1 trials" >&2
  exit 1
}

a="$(count "$small")"
b="$(count "$large")"
echo "instructions per trial: $(( (b - a) / (large - small) ))  ($small trials: $a, $large trials: $b)"
