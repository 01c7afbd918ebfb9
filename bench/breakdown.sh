#!/usr/bin/env bash
# Where the milliseconds of a no-op `./telec migrate` go: JVM start to main, the Guice injector, picocli's
# command model, parsing, the command itself (manifest, state, plan, report), and exit; with the start-up
# cache's relocation on (the JDK's default) and off; and how many classes the JVM loaded, from where.
#   usage: bench/breakdown.sh [--runs N]      (default 11; medians)
# It starts bench/jmh's StartupPhases (Main cut into timed phases) exactly as ./telec starts Main: the same
# java, options, class path and AOT cache (read from the key the launcher keeps beside the cache), with the
# benchmark classes appended to the class path. Needs a JDK with AOT caches (25+) for the cache rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=11
[ "${1:-}" = --runs ] && runs="$2"
target="$root/adapters-cli/target"
"$root/bench/jmh.sh" --build-only
work="$(mktemp -d "${TMPDIR:-/tmp}/telec-breakdown.XXXXXX")"
trap 'rm -rf "$work"' EXIT
top="$(python3 "$root/bench/gen_workload.py" "$work/w" 100)"
mkdir -p "$work/home"
"$root/telec" migrate -q --home "$work/home" --migrations "$work/w/telec" --from 0.0.0 --to "$top" # builds, makes the cache
args=(migrate -q --home "$work/home" --migrations "$work/w/telec" --from 0.0.0 --to "$top")

key="$(ls "$target"/aot/*.aot.cp 2>/dev/null | head -1 || true)"
[ -n "$key" ] || { echo "breakdown.sh: no AOT cache key in $target/aot (a JDK 25+ makes one): nothing to break down" >&2; exit 1; }
cache="${key%.cp}"
IFS= read -r line <"$key"
cp="${line##* }"
read -r -a opts <<<"${line% *}"
java="${TELEC_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
extra="$root/bench/jmh/target/classes"
start=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)

now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

# phases LABEL [JVM options]: medians of the phases in ms
phases() {
  local label="$1"; shift
  local launch=() guice=() model=() parse=() execute=() exitms=() total=() i t0 t1 l
  for ((i = 0; i < runs; i++)); do
    t0=$(now)
    "$java" "${opts[@]}" "${start[@]}" "$@" -cp "$cp:$extra" dev.telec.migrate.internal.adapter.in.cli.StartupPhases "${args[@]}" 2>"$work/err" >/dev/null
    t1=$(now)
    l="$(grep '^phases ' "$work/err")"
    read -r main g m p e <<<"$(sed 's/[a-z-]*=//g; s/^phases //' <<<"$l")"
    launch+=("$(awk -v a="$main" -v b="$t0" 'BEGIN {print (a - b / 1000) / 1000}')")
    guice+=("$(awk -v x="$g" 'BEGIN {print x / 1000}')"); model+=("$(awk -v x="$m" 'BEGIN {print x / 1000}')")
    parse+=("$(awk -v x="$p" 'BEGIN {print x / 1000}')"); execute+=("$(awk -v x="$e" 'BEGIN {print x / 1000}')")
    exitms+=("$(awk -v a="$t1" -v b="$main" -v s="$g" -v m="$m" -v p="$p" -v e="$e" 'BEGIN {print (a / 1000 - b - s - m - p - e) / 1000}')")
    total+=("$(awk -v a="$t1" -v b="$t0" 'BEGIN {print (a - b) / 1e6}')")
  done
  echo "| $label | $(median "${launch[@]}") | $(median "${guice[@]}") | $(median "${model[@]}") | $(median "${parse[@]}") | $(median "${execute[@]}") | $(median "${exitms[@]}") | $(median "${total[@]}") |"
}
floor() { # LABEL command...: median wall ms
  local label="$1"; shift
  local w=() i t0 t1
  for ((i = 0; i < runs; i++)); do t0=$(now); "$@" >/dev/null 2>&1; t1=$(now); w+=("$(awk -v a="$t1" -v b="$t0" 'BEGIN {print (a - b) / 1e6}')"); done
  echo "| $label | $(median "${w[@]}") |"
}
classes() { # JVM options...: classes loaded in a no-op, by source
  "$java" "${opts[@]}" "${start[@]}" "$@" -Xlog:class+load=info:file="$work/classes.log" -cp "$cp:$extra" \
    dev.telec.migrate.internal.adapter.in.cli.StartupPhases "${args[@]}" >/dev/null 2>&1
  local all shared
  all=$(grep -c 'source:' "$work/classes.log" || true)
  shared=$(grep -c -E 'source: (shared objects file|AOT)' "$work/classes.log" || true)
  echo "$all classes loaded, $shared of them from the start-up cache, $((all - shared)) from jars or the JDK's modules"
}

echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg). java: $java. Runs: $runs (medians, ms)."
echo
echo "| no-op, 100 steps applied | launch to main | Guice injector | picocli model | parse | command | exit | whole |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
phases "with the AOT cache (relocated: the JDK's default)"
phases "with the AOT cache, mapped without relocation" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
start=(-Xshare:auto)
phases "without the AOT cache (the JDK's CDS archive only)"
start=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)
echo
echo "| floor | wall |"
echo "|---|---:|"
floor "\`java -version\` (same java)" "$java" -Xshare:auto -version
floor "\`./telec --version\`" "$root/telec" --version
floor "\`./telec migrate\` no-op (the launcher included)" "$root/telec" "${args[@]}"
floor "\`python3 -c pass\`" "$(python3 -c 'import sys; print(sys.executable)')" -c pass
echo
echo "Classes: $(classes)."
