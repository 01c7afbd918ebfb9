#!/usr/bin/env bash
# Makes telec-<version>-linux-x64.tar.gz at `mvn package` (exec-maven-plugin): telec-<version>.tar.gz plus a
# jlink'ed Java runtime (the Temurin 25 JDK when installed, else the build's JDK) and its start-up archive, made
# here for that runtime: on JDK 25+ an AOT cache from a training run, on older ones the JDK classes' CDS archive.
# The target machine needs no JDK and no first-run training. A missing tool is a notice, never a failed build.
#   linux-x64.sh <version> <target dir> <example home> <preferred JDK> <build JDK>
set -euo pipefail
version="$1" target="$2" example="$3" preferred="$4" fallback="$5"
name="telec-$version"
out="$target/$name-linux-x64.tar.gz"
notice() { echo "[telec dist] notice: $* ($name-linux-x64.tar.gz not built; $name.tar.gz is)" >&2; rm -f "$out" "$out.tmp"; exit 0; }
# anything else that goes wrong here is a notice too: this archive is optional, the build is not
trap 'notice "a step failed: line $LINENO: $BASH_COMMAND"' ERR

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || notice "this is not a Linux x86_64 machine"
jdk="$preferred"
[ -x "$jdk/bin/jlink" ] || jdk="$fallback"
# the build's java.home may be a JRE inside a JDK (JDK 8 layout) or a JDK without jmods
[ -x "$jdk/bin/jlink" ] || notice "no jlink in $preferred or $fallback"
full="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release" 2>/dev/null)"
feature="${full%%[.+-]*}"
[ -n "$feature" ] || notice "cannot tell the version of $jdk"
# before JDK 24 jlink needs the JDK's jmods/; from 24 on it can link from the runtime itself (JEP 493)
[ -d "$jdk/jmods" ] || [ "$feature" -ge 24 ] || notice "$jdk has no jmods/ to link a runtime from (Debian: openjdk-$feature-jmods)"

stage="$target/dist-linux-x64"
rm -rf "$stage"
mkdir -p "$stage"
tar -xzf "$target/$name.tar.gz" -C "$stage"
tree="$stage/$name"

# What the command line needs of the JDK (jdeps --print-module-deps over lib/; .ci/run runs the archive):
# java.logging for Guice, Guava and Jimfs, jdk.unsupported for their Unsafe, java.sql and java.desktop because
# Jackson links against java.sql.Date and java.beans, and jdk.zipfs (a service jdeps cannot see) for steps in jars.
modules=java.base,java.logging,java.sql,java.desktop,jdk.unsupported,jdk.zipfs
compress=--compress=2
[ "$feature" -ge 21 ] && compress=--compress=zip-6
cds=()
# below 25 the CDS archive is a dynamic one, on top of the runtime's own base archive
[ "$feature" -lt 25 ] && cds=(--generate-cds-archive)
# jlink takes most of this script's time and its output depends only on the JDK and these options: the last one
# made is kept under target/ and copied while they are the same
key="$jdk $full $modules $compress ${cds[*]}"
cache="$target/dist-runtime"
if [ ! -f "$cache.key" ] || [ "$(cat "$cache.key")" != "$key" ]; then
  rm -rf "$cache" "$cache.key"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files "$compress" "${cds[@]}" \
      --output "$cache" >/dev/null || { rm -rf "$cache"; notice "jlink failed"; }
  printf '%s\n' "$key" >"$cache.key"
fi
cp -a "$cache" "$tree/runtime"

java="$tree/runtime/bin/java"
opts=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '#'*|'') ;; *) opts+=("$line") ;; esac
done <"$tree/lib/jvm.options"
[ "$feature" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
IFS= read -r rel <"$tree/lib/classpath" || true  # no newline at its end
cp="$tree/lib/telec-cli.jar:$tree/lib/telec-cli-picocli.jar:$tree/${rel//:/:$tree/}"
training=dev.telec.migrate.internal.adapter.in.cli.AotTraining
if [ "$feature" -ge 25 ]; then
  # JDK 25's AOT cache holds telec's classes too, and still applies after the tree is unpacked elsewhere
  "$java" "${opts[@]}" -XX:AOTCacheOutput="$tree/lib/telec.aot" -Xlog:disable -Xlog:all=off -cp "$cp" "$training" "$example" \
      >/dev/null 2>&1 && [ -s "$tree/lib/telec.aot" ] || { rm -f "$tree/lib/telec.aot"; notice "the AOT training run failed"; }
  rm -f "$tree/lib/telec.aot.config"
else
  # An older JDK's archive of application classes only applies at the path it was made at, and an unpacked tree is
  # anywhere: the runtime keeps the JDK classes' archive jlink generated (--generate-cds-archive), nothing more.
  [ -s "$tree/runtime/lib/server/classes.jsa" ] || notice "jlink made no CDS archive"
fi

# owned by root in the archive: unpacked by root it stays root's, by anyone else it becomes theirs
# gzip -1: a third of the time of the default level, for an archive 5% larger
tar --owner=0 --group=0 --numeric-owner -C "$stage" --use-compress-program="gzip -1" -cf "$out.tmp" "$name"
mv -f "$out.tmp" "$out"
rm -rf "$stage"
