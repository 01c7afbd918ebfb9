#!/usr/bin/env bash
# Benchmarks telec against the reference Python runner (../shared/bench/seed_runner.py), side by side:
# generates the workloads with ../shared/bench/gen_workload.py, runs reference and telec alternately RUNS
# times per workload, and prints medians and ratios; also peak RSS (/usr/bin/time, when installed) and the
# bytes telec wrote to its state files (TELEC_STATS=1). Results also go to bench/out/results.md.
#   usage: bench/compare.sh [RUNS]      (default 5; env PYTHON overrides the reference's interpreter)
#   HOMES=fresh (default): every timed run gets a new home, and nothing is deleted until all timings are
#     done: ext4 makes every mkdir scan recently deleted inodes (a window of minutes), which would tax both
#     runners' 1,000s of mkdirs with a cost of the benchmark's own deletions. HOMES=reuse: one home per
#     runner, deleted and re-created before each run (how round 2 measured).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared/bench"
runs="${1:-5}"
results="$root/bench/out"
homes="${HOMES:-fresh}"
# This run's workloads and homes; earlier runs' are deleted only at the end (see HOMES above).
out="$results/scratch.$$"
mkdir -p "$out/w" "$out/h"
# The interpreter itself, not a version manager's shim in front of it: the reference at its fastest.
py="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"
# The no-op is also timed through `python3` as the PATH finds it (a pyenv shim costs ~60 ms per start):
# that is how a user starts the reference, and the issue's own figure.
shim="$(command -v python3)"
telec="$root/telec"

load0="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
"$telec" --version >/dev/null # builds the jars and the AOT cache first, outside the timings
for n in 100 1000 5000; do
  top[$n]="$("$py" "$shared/gen_workload.py" "$out/w/$n" "$n")"
done

now() { date +%s%N; }
# runs a command, prints its wall time in ms
timed() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(now); echo $(( (t1 - t0) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ref_cmd() { # workload-name home
  local n="$1" home="$2"; shift 2
  HOME_DIR="$home" "$py" "$shared/seed_runner.py" "$out/w/$n/py" "$home/state.json" 0.0.0 "${top[$n]}" "$@"
}
telec_cmd() { # n home [args]
  local n="$1" home="$2"; shift 2
  "$telec" migrate -q --home "$home" --migrations "$out/w/$n/telec" --from 0.0.0 --to "${top[$n]}" "$@"
}
fresh() { rm -rf "$1"; mkdir -p "$1"; }
k=0
# sets H to an empty home for the next run of runner $1
home_for() {
  if [ "$homes" = reuse ]; then H="$out/h/$1"; fresh "$H"; else k=$((k + 1)); H="$out/h/$1-$k"; mkdir -p "$H"; fi
}

# The no-op: both homes have all 100 steps applied, and each runner is asked for the full range again.
fresh "$out/h/ref-noop"; ref_cmd 100 "$out/h/ref-noop" >/dev/null
fresh "$out/h/telec-noop"; telec_cmd 100 "$out/h/telec-noop"

declare -A R T S
for ((i = 1; i <= runs; i++)); do
  R[noop]+=" $(timed ref_cmd 100 "$out/h/ref-noop")";            T[noop]+=" $(timed telec_cmd 100 "$out/h/telec-noop")"
  S[noop]+=" $(timed env PYTHON_CMD="$shim" bash -c 'HOME_DIR="$1" exec "$PYTHON_CMD" "$2" "$3" "$4" 0.0.0 "$5"' _ "$out/h/ref-noop" "$shared/seed_runner.py" "$out/w/100/py" "$out/h/ref-noop/state.json" "${top[100]}")"
  for n in 1000 5000; do
    home_for ref; R[apply$n]+=" $(timed ref_cmd "$n" "$H")"
    home_for telec; T[apply$n]+=" $(timed telec_cmd "$n" "$H")"
  done
  home_for ref; R[dry5000]+=" $(timed ref_cmd 5000 "$H" --dry-run)"
  home_for telec; T[dry5000]+=" $(timed telec_cmd 5000 "$H" --dry-run)"
  echo "run $i/$runs done" >&2
done

bytes() { # n: bytes telec writes to state files applying n steps from scratch
  home_for telec
  TELEC_STATS=1 telec_cmd "$1" "$H" 2>&1 | sed -n 's/^telec-stats: state-bytes-written=//p'
}
rss() { # peak RSS in KB of a command, or "n/a"
  if [ -x /usr/bin/time ]; then /usr/bin/time -f %M -o "$out/rss" "$@" >/dev/null 2>&1 && cat "$out/rss"; else echo n/a; fi
}
b1000=$(bytes 1000); b5000=$(bytes 5000)
rss_noop=$(rss "$telec" migrate -q --home "$out/h/telec-noop" --migrations "$out/w/100/telec" --from 0.0.0 --to "${top[100]}")
home_for telec
rss_5000=$(rss "$telec" migrate -q --home "$H" --migrations "$out/w/5000/telec" --from 0.0.0 --to "${top[5000]}")

{
  echo "Homes: $homes (see the script's header)"
  echo "Machine: $(nproc) cores, $(uname -sr), load average before: $load0, after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a); reference: $("$py" --version 2>&1) ($py); telec java: ${TELEC_JAVA:-launcher default}; runs: $runs (medians, ms)"
  echo
  echo "| workload | reference | telec | telec / reference | target |"
  echo "|---|---:|---:|---:|---|"
  declare -A target=([noop]="≤ 1.0" [apply1000]="≤ 0.3" [apply5000]="≤ 0.1" [dry5000]="≤ no-op + 1 s")
  for w in noop apply1000 apply5000 dry5000; do
    r=$(median ${R[$w]}); t=$(median ${T[$w]})
    echo "| $w | $r | $t | $(awk -v a="$t" -v b="$r" 'BEGIN {printf "%.2f", a / b}') | ${target[$w]} |"
  done
  s=$(median ${S[noop]}); t=$(median ${T[noop]})
  echo "| noop, reference through \`$shim\` | $s | $t | $(awk -v a="$t" -v b="$s" 'BEGIN {printf "%.2f", a / b}') | ≤ 1.0 |"
  t1=$(median ${T[apply1000]}); t5=$(median ${T[apply5000]})
  r1=$(median ${R[apply1000]}); r5=$(median ${R[apply5000]})
  echo
  echo "Growth t(5000)/t(1000): telec $(awk -v a="$t5" -v b="$t1" 'BEGIN {printf "%.2f", a / b}') (target ≤ 5.5), reference $(awk -v a="$r5" -v b="$r1" 'BEGIN {printf "%.2f", a / b}')"
  echo "State bytes written by telec: 1000 steps $b1000, 5000 steps $b5000 (ratio $(awk -v a="$b5000" -v b="$b1000" 'BEGIN {printf "%.2f", a / b}'); linear is 5)"
  echo "Peak RSS of telec: no-op ${rss_noop} KB, 5000 steps ${rss_5000} KB (ratio $(awk -v a="$rss_5000" -v b="$rss_noop" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'); target ≤ 1.5)"
  echo "Dry-run 5000 minus no-op: $(( $(median ${T[dry5000]}) - $(median ${T[noop]}) )) ms (target ≤ 1000)"
} | tee "$results/results.md"
rm -rf "$results"/scratch.*
