#!/usr/bin/env bash
# Every benchmark of the performance issue in one go (a few minutes on 2 idle cores), written as one
# markdown file: the whole-command table (bench/compare.sh) and the in-process one (bench/jmh.sh beside
# bench/timeit_reference.py, on the same 100-step workload).
#   usage: bench/run-all.sh [--reference PATH] [--telec PATH] [--runs N] [--out FILE]
#     --reference PATH  the reference runner (default: bench/seed_runner.py)
#     --telec PATH      the telec to time (default: ./telec of this checkout; an installed bin/telec works)
#     --runs N          compare.sh's runs (default 5)
#     --out FILE        default: bench/out/results.md
#   JAVA: the java for the in-process benchmark (default: java on PATH); PYTHON: the reference's interpreter
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference="$root/bench/seed_runner.py"
telec="$root/telec"
runs=5
report="$root/bench/out/results.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --reference) reference="$2"; shift 2 ;;
    --telec) telec="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) report="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
py="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"
java="${JAVA:-java}"
mkdir -p "$root/bench/out" "$(dirname "$report")"
work="$(mktemp -d "${TMPDIR:-/tmp}/telec-run-all.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

# The in-process benchmark's jar is built first, so that Maven does not run during any timing.
"$root/bench/jmh.sh" --build-only

"$root/bench/compare.sh" --reference "$reference" --telec "$telec" --runs "$runs" --out "$work/compare.md" >/dev/null

top="$("$py" "$root/bench/gen_workload.py" "$work/w" 100)"
JAVA="$java" "$root/bench/jmh.sh" --manifest "$work/w/telec" --to "$top" -f 1 -wi 5 -w 1s -i 5 -r 1s \
  -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1 || { cat "$work/jmh.log" >&2; exit 1; }
# Score and its error (99.9 %), microseconds per call
IFS=, read -r _ _ _ _ score error _ < <(sed -n 2p "$work/jmh.csv")
timeit="$("$py" "$root/bench/timeit_reference.py" "$reference" "$work/w" "$top" --number 200 --repeat 7)"
ref_us="$(sed -n 's/^median \([0-9.]*\) us.*/\1/p' <<<"$timeit")"

{
  cat "$work/compare.md"
  echo
  echo "In-process no-op, 100 steps applied (a library caller's \`migrate\` vs the reference's \`main\` called in-process):"
  echo
  echo "| | reference, \`timeit\` (µs per call) | telec, JMH (µs per call) | ratio |"
  echo "|---|---:|---:|---:|"
  printf '| no-op migrate | %s | %.1f ± %.1f | %s |\n' "$ref_us" "$score" "$error" \
    "$(awk -v a="$score" -v b="$ref_us" 'BEGIN {printf "%.2f", a / b}')"
  echo
  echo "Reference: $timeit. telec: JMH \`-f 1 -wi 5 -w 1s -i 5 -r 1s\`, average time, on $("$java" -version 2>&1 | head -1)."
  echo "Whole run: \`bench/run-all.sh --runs $runs\`, $(( $(date +%s) - start )) s."
} | tee "$report"
