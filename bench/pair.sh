#!/usr/bin/env bash
# Pairs two telecs (two builds, or one build with two sets of flags) on one apply workload: A B A B ..., each
# run on a new, empty home, and prints the medians and the median of the ratios A/B taken pair by pair, so
# that a drift of the machine's speed during the runs cancels out.
#
#   usage: bench/pair.sh [--runs N] [--steps N] TELEC_A TELEC_B [-- ARGS...]
#     --runs N     pairs counted (default 5), after one pair not counted
#     --steps N    the workload's steps (default 5000), made by bench/gen_workload.py
#     ARGS         given to both, after `migrate -q --home H --migrations W --from 0.0.0 --to TOP`
#                  (e.g. --dry-run, --no-backup)
#   A_ARGS, B_ARGS: more arguments for one side only (e.g. B_ARGS=--no-backup to pair backups on and off)
#
# Wall times are `date +%s%N` around each command; CPU (user+sys) comes from /usr/bin/time (Debian package
# `time`) around the same run; without it the CPU row says n/a. Homes are deleted only at the end (after a mass
# deletion ext4 makes every mkdir scan the deleted inodes for a while).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
steps=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "pair.sh: give two telecs (see --help)" >&2; exit 2; }
a="$1"; b="$2"; shift 2
[ "${1:-}" = -- ] && shift
for t in "$a" "$b"; do [ -x "$t" ] || { echo "pair.sh: not an executable telec: $t" >&2; exit 2; }; done
read -r -a a_args <<<"${A_ARGS:-}"
read -r -a b_args <<<"${B_ARGS:-}"

out="$(mktemp -d "${TMPDIR:-/tmp}/telec-pair.XXXXXX")"
trap 'rm -rf "$out"' EXIT
top="$(python3 "$root/bench/gen_workload.py" "$out/w" "$steps")"
"$a" --version >/dev/null
"$b" --version >/dev/null # a checkout's ./telec builds its jars and start-up cache here, outside the timings

k=0
# one run: prints "wall_ms cpu_s"
run() { # telec [args...]
  local t="$1" t0 t1 cpu=n/a; shift
  k=$((k + 1)); mkdir -p "$out/h/$k"
  local cmd=("$t" migrate -q --home "$out/h/$k" --migrations "$out/w/telec" --from 0.0.0 --to "$top" "$@")
  t0=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$out/cpu" "${cmd[@]}" >/dev/null 2>&1 || { echo "pair.sh: failed: ${cmd[*]}" >&2; exit 1; }
  else
    "${cmd[@]}" >/dev/null 2>&1 || { echo "pair.sh: failed: ${cmd[*]}" >&2; exit 1; }
  fi
  t1=$(date +%s%N)
  [ -x /usr/bin/time ] && cpu=$(awk '{printf "%.3f", $1 + $2}' "$out/cpu")
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

aw=(); bw=(); ac=(); bc=(); rw=(); rc=()
load0="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
for ((i = 0; i <= runs; i++)); do
  read -r w1 c1 <<<"$(run "$a" "$@" "${a_args[@]}")"
  read -r w2 c2 <<<"$(run "$b" "$@" "${b_args[@]}")"
  [ -n "${w1:-}" ] && [ -n "${w2:-}" ] || exit 1 # a run failed (said above)
  [ "$i" = 0 ] && continue # the warm-up pair
  aw+=("$w1"); bw+=("$w2"); rw+=("$(awk -v x="$w1" -v y="$w2" 'BEGIN {printf "%.4f", x / y}')")
  if [ "$c1" != n/a ]; then
    ac+=("$c1"); bc+=("$c2"); rc+=("$(awk -v x="$c1" -v y="$c2" 'BEGIN {printf "%.4f", (y > 0 ? x / y : 0)}')")
  fi
done
echo "A: $a ${a_args[*]:-}"
echo "B: $b ${b_args[*]:-}"
echo "workload: $steps steps, args: ${*:-none}; $runs pairs after one warm-up pair; load average before: $load0, after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "wall ms: A $(median "${aw[@]}"), B $(median "${bw[@]}"), A/B pair by pair $(median "${rw[@]}")"
if [ "${#rc[@]}" -gt 0 ]; then
  echo "cpu s:   A $(median "${ac[@]}"), B $(median "${bc[@]}"), A/B pair by pair $(median "${rc[@]}")"
else
  echo "cpu s:   n/a (no /usr/bin/time)"
fi
