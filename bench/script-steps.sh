#!/usr/bin/env bash
# Times the same N Python steps in the reference runner's format (each creates one directory under
# Path.home() / ".teleclaude") run by the reference runner and by telec, confined by bubblewrap and not,
# each on a fresh home, and prints medians and ratios.
#
#   usage: bench/script-steps.sh [N] [RUNS]     N steps (default 100), RUNS timed runs each (default 3)
#   PYTHON: the reference's interpreter (default python3)
#
#   reference: HOME=X python3 bench/seed_runner.py W X/.teleclaude/state.json 0.0.0 TOP  (X/.teleclaude is the home)
#   telec:     telec migrate -q --home H --migrations W            (telec.yaml: sandbox: auto, or off)
# telec runs each call (check, migrate, check) as a process of its own: 3 Python starts a step, to the
# reference's one import; the figures say what that costs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100}"
runs="${2:-3}"
python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/telec-script-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for mode in auto off; do
  tree="$work/tree-$mode"
  mkdir -p "$tree"
  printf 'app: bench\nhome: ~/.teleclaude\nsandbox: %s\n' "$mode" > "$tree/telec.yaml"
done
top=""
for i in $(seq 0 $((n - 1))); do
  version="1.$((i / 100)).0"
  nnn="$(printf '%03d' $((i % 100 + 1)))"
  top="$version"
  for mode in auto off; do
    mkdir -p "$work/tree-$mode/v$version"
    cat > "$work/tree-$mode/v$version/${nnn}_step.py" <<PY
from pathlib import Path
TARGET = Path.home() / ".teleclaude" / "done" / "${version}_${nnn}"
def check():
    return TARGET.exists()
def migrate():
    TARGET.mkdir(parents=True, exist_ok=True)
    return True
PY
  done
done
"$root/telec" --version >/dev/null 2>&1 || true # builds the jars once, outside the timings

ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times
for r in $(seq 1 "$runs"); do
  x="$work/ref-$r"; mkdir -p "$x/.teleclaude"
  t0=$(date +%s%N); HOME="$x" "$python" "$root/bench/seed_runner.py" "$work/tree-off" "$x/.teleclaude/state.json" 0.0.0 "$top" >/dev/null; t1=$(date +%s%N)
  times[reference]+="$(ms "$t0" "$t1") "
  for mode in auto off; do
    h="$work/telec-$mode-$r/.teleclaude"; mkdir -p "$h"
    t0=$(date +%s%N); "$root/telec" migrate -q --home "$h" --migrations "$work/tree-$mode" >/dev/null; t1=$(date +%s%N)
    times[$mode]+="$(ms "$t0" "$t1") "
    [ "$(ls "$h/done" | wc -l)" -eq "$n" ] || { echo "telec ($mode) did not apply $n steps" >&2; exit 1; }
  done
done
ref=$(echo "${times[reference]}" | tr ' ' '\n' | grep . | median)
echo "| $n Python steps, apply on a fresh home | median of $runs | ratio to the reference |"
echo "|---|---|---|"
echo "| reference runner (seed_runner.py) | ${ref} ms | 1.00x |"
for mode in auto off; do
  m=$(echo "${times[$mode]}" | tr ' ' '\n' | grep . | median)
  label=$([ "$mode" = auto ] && echo "telec, confined (bwrap)" || echo "telec, sandbox: off")
  echo "| $label | ${m} ms | $(awk -v a="$m" -v b="$ref" 'BEGIN {printf "%.2fx", a / b}') |"
done
