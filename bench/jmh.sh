#!/usr/bin/env bash
# The in-process benchmark (JMH): a library caller's no-op migrate on a home with every step applied.
#   usage: bench/jmh.sh [--build-only] [--manifest DIR --to V] [JMH options ...]
#     --build-only    build the benchmarks (when needed) and stop
#     --manifest DIR  a declarative manifest, e.g. gen_workload.py's OUT/telec (default: 100 steps made the same way)
#     --to V          its newest version (what gen_workload.py printed; default 1.0.0)
#     JMH options     passed on (default: -f 1 -wi 5 -w 1s -i 5 -r 1s); e.g. -rf csv -rff FILE for a result file
#   JAVA: the java to run it on (default: java on PATH)
# Builds the benchmark first when it is missing or older than the sources, with the root pom's bench profile:
#   mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/bench/jmh/target"
params=()
build_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --manifest) params+=(-p "manifest=$(cd "$2" && pwd)"); shift 2 ;;
    --to) params+=(-p "to=$2"); shift 2 ;;
    --build-only) build_only=1; shift ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || set -- -f 1 -wi 5 -w 1s -i 5 -r 1s
if [ ! -s "$target/classpath.txt" ] || [ -n "$(find "$root"/pom.xml "$root"/*/src/main "$root/bench/jmh" -path "$target" -prune -o -newer "$target/classpath.txt" -print -quit)" ]; then
  echo "jmh.sh: building the benchmarks with Maven..." >&2
  (cd "$root" && mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests) >&2
  touch "$target/classpath.txt"
fi
[ "$build_only" = 0 ] || exit 0
exec "${JAVA:-java}" -cp "$target/classes:$(cat "$target/classpath.txt")" org.openjdk.jmh.Main NoOpMigrateBenchmark "${params[@]}" "$@"
