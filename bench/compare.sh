#!/usr/bin/env bash
# Times whole telec commands against the reference Python runner, side by side in one run, and prints a
# markdown table of medians and ratios for every command-line target of the performance issue.
#
#   usage: bench/compare.sh [--reference PATH] [--telec PATH] [--runs N] [--out FILE]
#     --reference PATH  the reference runner (default: bench/seed_runner.py, a copy of the shared one)
#     --generator PATH  the workload generator (default: bench/gen_workload.py)
#     --telec PATH      the telec to time (default: ./telec of this checkout; an installed bin/telec works)
#     --runs N          timed runs of each apply and dry-run (default 5); no-op and status get 3N
#     --out FILE        also write the table there (default: bench/out/compare.md)
#   PYTHON: the reference's interpreter (default: the real interpreter behind python3, not a pyenv shim)
#
# Workloads (gen_workload.py): N steps that each create one directory, as Python modules for the reference
# and declarative mkdir steps for telec. Both runners are always asked for the full range:
#   reference: HOME_DIR=H python seed_runner.py W/py H/state.json 0.0.0 TOP
#   telec:     telec migrate -q --home H --migrations W/telec --from 0.0.0 --to TOP
# Every apply gets a new, empty home, and nothing is deleted until all timings are done: ext4 makes every
# mkdir scan recently deleted inodes for minutes after a mass deletion, which would tax both runners.
# Wall times are `date +%s%N` around each command; peak RSS and CPU come from /usr/bin/time (Debian
# package `time`) in a separate pass (3 no-op runs, 1 of 5,000 steps), so that its fork is not in the wall times.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference="$root/bench/seed_runner.py"
generator="$root/bench/gen_workload.py"
telec="$root/telec"
runs=5
report="$root/bench/out/compare.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --reference) reference="$2"; shift 2 ;;
    --generator) generator="$2"; shift 2 ;;
    --telec) telec="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) report="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for f in "$reference" "$generator"; do
  [ -f "$f" ] || { echo "compare.sh: no such file: $f" >&2; exit 2; }
done
[ -x "$telec" ] || { echo "compare.sh: not an executable telec: $telec" >&2; exit 2; }
reference="$(cd "$(dirname "$reference")" && pwd)/$(basename "$reference")"
py="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"
# the reference as a user starts it: python3 as PATH finds it (a pyenv shim costs tens of ms per start)
shim="$(command -v python3)"

results="$root/bench/out"
mkdir -p "$results" "$(dirname "$report")"
out="$results/scratch.$$"
mkdir -p "$out/w" "$out/h"
trap 'rm -rf "$out"' EXIT

load0="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
"$telec" --version >/dev/null # a checkout's ./telec builds its jars and start-up cache here, outside the timings
declare -A top
for n in 100 1000 5000; do
  top[$n]="$("$py" "$generator" "$out/w/$n" "$n")"
done

now() { date +%s%N; }
# runs a command, prints its wall time in ms (with one decimal), or "failed"
timed() {
  local t0 t1
  t0=$(now); "$@" >/dev/null 2>&1 || { echo "compare.sh: failed: $*" >&2; echo failed; return; }; t1=$(now)
  awk -v d=$((t1 - t0)) 'BEGIN {printf "%.1f", d / 1e6}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}' && echo yes || echo no; }

ref_cmd() { # n home [args]
  local n="$1" home="$2"; shift 2
  HOME_DIR="$home" "$py" "$reference" "$out/w/$n/py" "$home/state.json" 0.0.0 "${top[$n]}" "$@"
}
shim_cmd() { # n home
  HOME_DIR="$2" "$shim" "$reference" "$out/w/$1/py" "$2/state.json" 0.0.0 "${top[$1]}"
}
telec_cmd() { # n home [args]
  local n="$1" home="$2"; shift 2
  "$telec" migrate -q --home "$home" --migrations "$out/w/$n/telec" --from 0.0.0 --to "${top[$n]}" "$@"
}
status_cmd() { # n home
  "$telec" status --home "$2" --migrations "$out/w/$1/telec" >/dev/null
}
k=0
new_home() { k=$((k + 1)); H="$out/h/$1-$k"; mkdir -p "$H"; } # sets H to a new, empty home

# The no-op: both homes have all 100 steps applied, and each runner is asked for the full range again.
mkdir -p "$out/h/ref-noop" "$out/h/telec-noop"
ref_cmd 100 "$out/h/ref-noop" >/dev/null
telec_cmd 100 "$out/h/telec-noop"

# Optional targets wait for the verbs and flags they need.
notices=()
has_status=0
if "$telec" status --help 2>/dev/null | grep -q 'Usage: telec status'; then
  if status_cmd 100 "$out/h/telec-noop" 2>/dev/null; then has_status=1
  else status_why="status failed"; notices+=("telec status exists but failed on the no-op home: its row is skipped"); fi
else
  status_why="no status verb"; notices+=("this telec has no \`status\` verb yet: its row is skipped")
fi
has_backup=0
if "$telec" migrate --help 2>/dev/null | grep -q -- '--no-backup'; then has_backup=1
else notices+=("this telec has no \`--no-backup\` flag yet: the backup row is skipped"); fi

declare -A R T
add() { # array key time: appends a timing, stops the benchmark when the command failed
  [ "$3" != failed ] || exit 1
  eval "$1[\$2]+=\" \$3\""
}
for ((i = 1; i <= 3 * runs; i++)); do
  add R noop "$(timed ref_cmd 100 "$out/h/ref-noop")"
  add T noop "$(timed telec_cmd 100 "$out/h/telec-noop")"
  add R shim "$(timed shim_cmd 100 "$out/h/ref-noop")"
  if [ "$has_status" = 1 ]; then add T status "$(timed status_cmd 100 "$out/h/telec-noop")"; fi
done
echo "no-op: $((3 * runs)) rounds done" >&2
for ((i = 1; i <= runs; i++)); do
  for n in 1000 5000; do
    new_home ref; add R "apply$n" "$(timed ref_cmd "$n" "$H")"
    new_home telec; add T "apply$n" "$(timed telec_cmd "$n" "$H")"
  done
  new_home telec; add T dry5000 "$(timed telec_cmd 5000 "$H" --dry-run)"
  if [ "$has_backup" = 1 ]; then new_home telec; add T nobackup5000 "$(timed telec_cmd 5000 "$H" --no-backup)"; fi
  echo "apply: run $i/$runs done" >&2
done

# Peak RSS (KB) and CPU (user+sys, s) of one whole command, medians of RUNS runs: "RSS CPU", or "n/a n/a".
#   usage ref|telec N HOME|fresh RUNS
usage() {
  if [ ! -x /usr/bin/time ]; then echo "n/a n/a"; return; fi
  local m=() c=() j h kb u s
  for ((j = 0; j < $4; j++)); do
    h="$3"; if [ "$h" = fresh ]; then new_home "rss-$1-$2"; h="$H"; fi
    if [ "$1" = ref ]; then
      /usr/bin/time -f '%M %U %S' -o "$out/usage" env HOME_DIR="$h" "$py" "$reference" "$out/w/$2/py" "$h/state.json" 0.0.0 "${top[$2]}" >/dev/null 2>&1
    else
      /usr/bin/time -f '%M %U %S' -o "$out/usage" "$telec" migrate -q --home "$h" --migrations "$out/w/$2/telec" --from 0.0.0 --to "${top[$2]}" >/dev/null 2>&1
    fi
    read -r kb u s <"$out/usage"
    m+=("$kb"); c+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  echo "$(median "${m[@]}" | sed 's/\.0$//') $(median "${c[@]}" | sed 's/\.0$//')"
}
read -r rss_tnoop cpu_tnoop <<<"$(usage telec 100 "$out/h/telec-noop" 3)"
read -r rss_rnoop cpu_rnoop <<<"$(usage ref 100 "$out/h/ref-noop" 3)"
read -r rss_t5000 cpu_t5000 <<<"$(usage telec 5000 fresh 1)"
read -r rss_r5000 cpu_r5000 <<<"$(usage ref 5000 fresh 1)"
java="${TELEC_JAVA:-as the launcher chooses}"
load1="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"

{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) cores, $(uname -sr), load average before: $load0, after: $load1."
  echo "Reference: \`$reference\` on $("$py" --version 2>&1) (\`$py\`). telec: \`$telec\` ($("$telec" --version 2>/dev/null | head -1)); java: $java."
  echo "Runs: no-op and status $((3 * runs)), apply and dry-run $runs (medians, wall ms). Command: \`bench/compare.sh --runs $runs\`."
  echo
  echo "| target | reference (ms) | telec (ms) | ratio | target | met |"
  echo "|---|---:|---:|---:|---|---|"
  r=$(median ${R[noop]}); t=$(median ${T[noop]}); q=$(ratio "$t" "$r")
  echo "| no-op, 100 steps applied | $r | $t | $q | ≤ 1.5 (stretch 1.0) | $(le "$q" 1.5) |"
  s=$(median ${R[shim]})
  echo "| no-op, reference started through \`$shim\` | $s | $t | $(ratio "$t" "$s") | (for comparison) | |"
  if [ "$has_status" = 1 ]; then
    u=$(median ${T[status]}); q=$(ratio "$u" "$r")
    echo "| \`telec status\`, same home (vs the reference's no-op) | $r | $u | $q | ≤ 1.5 | $(le "$q" 1.5) |"
  else
    echo "| \`telec status\`, same home | $r | — | — | ≤ 1.5 | skipped: $status_why |"
  fi
  for n in 1000 5000; do
    r=$(median ${R[apply$n]}); t=$(median ${T[apply$n]}); q=$(ratio "$t" "$r")
    limit=$([ "$n" = 1000 ] && echo 0.3 || echo 0.1)
    echo "| apply $n from scratch | $r | $t | $q | ≤ $limit | $(le "$q" "$limit") |"
  done
  t1=$(median ${T[apply1000]}); t5=$(median ${T[apply5000]}); g=$(ratio "$t5" "$t1")
  echo "| growth t(5000) / t(1000) | $(ratio "$(median ${R[apply5000]})" "$(median ${R[apply1000]})") | $g | — | ≤ 5.5 | $(le "$g" 5.5) |"
  d=$(median ${T[dry5000]}); tn=$(median ${T[noop]}); extra=$(awk -v a="$d" -v b="$tn" 'BEGIN {printf "%.1f", a - b}')
  echo "| dry-run 5000 (telec no-op + $extra ms) | — | $d | — | ≤ no-op + 1000 ms | $(le "$extra" 1000) |"
  if [ "$has_backup" = 1 ]; then
    nb=$(median ${T[nobackup5000]}); q=$(ratio "$t5" "$nb")
    echo "| apply 5000 with backups / with \`--no-backup\` ($nb ms) | — | $t5 | $q | ≤ 1.2 | $(le "$q" 1.2) |"
  else
    echo "| apply 5000 with backups / \`--no-backup\` | — | — | — | ≤ 1.2 | skipped: no --no-backup flag |"
  fi
  q=$(ratio "$rss_t5000" "$rss_tnoop")
  echo "| peak RSS (KB): apply 5000 / telec's own no-op | $rss_r5000 | $rss_t5000 | $q | ≤ 1.5 | $(le "$q" 1.5) |"
  echo "| peak RSS (KB): no-op | $rss_rnoop | $rss_tnoop | $(ratio "$rss_tnoop" "$rss_rnoop") | reported | |"
  # /usr/bin/time counts CPU in 10 ms ticks: the reference's no-op often reads 0
  cpu_r="$cpu_rnoop"; [ "$cpu_r" = 0 ] && cpu_r="< 0.01"
  echo "| CPU user+sys (s): no-op | $cpu_r | $cpu_tnoop | $(ratio "$cpu_tnoop" "$cpu_rnoop") | (for comparison) | |"
  echo "| CPU user+sys (s): apply 5000 | $cpu_r5000 | $cpu_t5000 | $(ratio "$cpu_t5000" "$cpu_r5000") | (for comparison) | |"
  for n in "${notices[@]}"; do echo; echo "Notice: $n."; done
} | tee "$report"
