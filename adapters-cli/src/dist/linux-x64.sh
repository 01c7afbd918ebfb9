#!/usr/bin/env bash
# Makes telec-<version>-linux-x64.tar.gz at `mvn package` (exec-maven-plugin): telec-<version>.tar.gz plus a
# jlink'ed Java runtime (the Temurin 25 JDK when installed, else the build's JDK) and its start-up archive (an
# AOT cache on JDK 25+, a CDS archive on older ones), made here by a training run for that runtime, so that the
# target machine needs no JDK and no first-run training. A missing tool is a notice, never a failed build.
#   linux-x64.sh <version> <target dir> <example home> <preferred JDK> <build JDK>
set -euo pipefail
version="$1" target="$2" example="$3" preferred="$4" fallback="$5"
name="telec-$version"
out="$target/$name-linux-x64.tar.gz"
notice() { echo "[telec dist] notice: $* ($name-linux-x64.tar.gz not built; $name.tar.gz is)" >&2; rm -f "$out"; exit 0; }

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || notice "this is not a Linux x86_64 machine"
jdk="$preferred"
[ -x "$jdk/bin/jlink" ] || jdk="$fallback"
# the build's java.home may be a JRE inside a JDK (JDK 8 layout) or a JDK without jmods
[ -x "$jdk/bin/jlink" ] || notice "no jlink in $preferred or $fallback"
[ -d "$jdk/jmods" ] || notice "$jdk has no jmods/ to link a runtime from"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null)"
[ -n "$feature" ] || notice "cannot tell the version of $jdk"

stage="$target/dist-linux-x64"
rm -rf "$stage"
mkdir -p "$stage"
tar -xzf "$target/$name.tar.gz" -C "$stage"
tree="$stage/$name"

# What the command line needs of the JDK (jdeps over lib/, checked by .ci/run's runs of this archive):
# java.logging and java.xml for Jackson and Guice, jdk.zipfs for steps in jars, jdk.unsupported for Guava's
# Unsafe, java.sql/java.desktop because Jackson links against java.sql.Date and java.beans.
modules=java.base,java.logging,java.xml,java.sql,java.desktop,java.naming,jdk.zipfs,jdk.unsupported
compress=--compress=2
[ "$feature" -ge 21 ] && compress=--compress=zip-6
cds=()
# below 25 the CDS archive is a dynamic one, on top of the runtime's own base archive
[ "$feature" -lt 25 ] && cds=(--generate-cds-archive)
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files "$compress" "${cds[@]}" \
    --output "$tree/runtime" >/dev/null || notice "jlink failed"

java="$tree/runtime/bin/java"
opts=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '#'*|'') ;; *) opts+=("$line") ;; esac
done <"$tree/lib/jvm.options"
[ "$feature" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
IFS= read -r rel <"$tree/lib/classpath"
cp="$tree/lib/telec-cli.jar:$tree/lib/telec-cli-picocli.jar:$tree/${rel//:/:$tree/}"
training=dev.telec.migrate.adapter.in.cli.AotTraining
if [ "$feature" -ge 25 ]; then
  "$java" "${opts[@]}" -XX:AOTCacheOutput="$tree/lib/telec.aot" -Xlog:disable -Xlog:all=off -cp "$cp" "$training" "$example" \
      >/dev/null 2>&1 && [ -s "$tree/lib/telec.aot" ] || { rm -f "$tree/lib/telec.aot"; notice "the AOT training run failed"; }
  rm -f "$tree/lib/telec.aot.config"
else
  "$java" "${opts[@]}" -XX:ArchiveClassesAtExit="$tree/lib/telec.jsa" -Xlog:cds=off -cp "$cp" "$training" "$example" \
      >/dev/null 2>&1 && [ -s "$tree/lib/telec.jsa" ] || { rm -f "$tree/lib/telec.jsa"; notice "the CDS training run failed"; }
fi

# owned by root in the archive: unpacked by root it stays root's, by anyone else it becomes theirs
tar --owner=0 --group=0 --numeric-owner -C "$stage" -czf "$out.tmp" "$name"
mv -f "$out.tmp" "$out"
rm -rf "$stage"
