#!/usr/bin/env bash
# Checks what `mvn -B package` made the way users meet it (run by .ci/run after `mvn -B verify`):
#  - both archives in adapters-cli/target/, unpacked into a fresh directory and run with a PATH that has no mvn:
#    --version, the quick start's dry-run on a copy of the example home, a real run, a no-op, and a vendor's
#    manifest (examples/myapp); through a symlink, from another directory, after the tree is moved, with the tree
#    read-only, and checked to be byte for byte as unpacked afterwards; the completion scripts in share/, the bash one
#    sourced in a real bash (and the zsh one loaded by zsh's compinit when zsh is installed);
#  - examples/library-project, a Maven project of its own, built against the reactor's jars in a private local
#    repository (~/.m2 is only read, never written).
# Without Temurin 25 or jlink the linux-x64 archive may be missing: a notice here, an error when CI=true.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/adapters-cli/target"
version="$(sed -n 's/^version=//p' "$target/classes/dev/telec/migrate/internal/adapter/in/cli/version.properties")"
work="$(mktemp -d "${TMPDIR:-/tmp}/telec-dist-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
say() { echo "[check-dist] $*"; }
fail() { echo "[check-dist] FAILED: $*" >&2; exit 1; }

# A PATH with only what bin/telec and these checks call: no mvn, no java.
mkdir "$work/path"
for tool in bash env readlink dirname cat; do ln -s "$(command -v "$tool")" "$work/path/$tool"; done
env -i PATH="$work/path" bash -c 'command -v mvn' >/dev/null && fail "mvn is on the test PATH"
build_java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"

# telec <tree> <how> [args...]: runs the unpacked tree's bin/telec through a symlink, from another directory, with
# nothing of this shell's environment but HOME (and JAVA_HOME or java on PATH when <how> says so)
telec() {
  local tree="$1" how="$2"
  shift 2
  mkdir -p "$work/links" "$work/cwd"
  ln -sfn "$tree/bin/telec" "$work/links/telec"
  local envs=(HOME="$work/user" PATH="$work/path")
  case "$how" in
    java-home) envs+=(JAVA_HOME="$build_java_home") ;;
    java-on-path) mkdir -p "$work/javapath"; ln -sfn "$build_java_home/bin/java" "$work/javapath/java"
                  envs=(HOME="$work/user" PATH="$work/path:$work/javapath") ;;
    bundled) ;;
  esac
  (cd "$work/cwd" && env -i "${envs[@]}" "$work/links/telec" "$@")
}

# listing of a tree: path, mode, size, mtime; any write into the install tree changes it
listing() { (cd "$1" && find . -printf '%p %m %s %T@\n' | LC_ALL=C sort); }

# the shell completion scripts the build printed with telec completion bash|zsh: sourced in a real bash, the bash one
# defines telec's completion and completes its commands and options; zsh (when installed) finds _telec through $fpath
check_completion() {
  local name="$1" tree="$2"
  local bash_script="$tree/share/bash-completion/completions/telec" zsh_script="$tree/share/zsh/site-functions/_telec"
  [ -f "$bash_script" ] && [ -f "$zsh_script" ] \
      || fail "$name: no share/bash-completion/completions/telec and share/zsh/site-functions/_telec"
  local out
  # called by hand, outside a TAB, the script's compopt calls complain on stderr: dropped
  out="$(env -i PATH=/usr/bin:/bin bash --norc --noprofile -c '. "$1" && complete -p telec &&
      COMP_WORDS=(telec mig) COMP_CWORD=1 && _complete_telec 2>/dev/null && echo "commands: ${COMPREPLY[*]}"' _ "$bash_script")" \
      || fail "$name: sourcing the bash completion failed: $out"
  grep -q -- "-F _complete_telec.* telec" <<<"$out" || fail "$name: the bash completion defines no completion for telec: $out"
  grep -qx "commands: migrate" <<<"$out" || fail "$name: the bash completion does not complete 'telec mig': $out"
  if command -v zsh >/dev/null; then
    out="$(env -i PATH=/usr/bin:/bin zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit && compinit -u -D && print -r -- "${_comps[telec]}"' \
        _ "${zsh_script%/*}")" || fail "$name: compinit with share/zsh/site-functions failed: $out"
    [ "$out" = _telec ] || fail "$name: zsh's compinit does not take _telec for telec: $out"
  else
    say "notice: no zsh here: share/zsh/site-functions/_telec is checked to be there, not run"
  fi
}

check_archive() {
  local archive="$1" how="$2"
  local name
  name="$(basename "$archive" .tar.gz)"
  say "$name ($how)"
  local dir="$work/$name-$how"
  mkdir -p "$dir"
  tar -xzf "$archive" -C "$dir"
  local tree="$dir/telec-$version"
  [ -x "$tree/bin/telec" ] && [ -f "$tree/README.md" ] && [ -f "$tree/LICENSE" ] && [ -d "$tree/lib" ] \
      || fail "$name: not telec-$version/{bin/telec,lib/,README.md,LICENSE}"
  check_completion "$name" "$tree"
  chmod -R a-w "$tree"
  local before
  before="$(listing "$tree")"

  local out
  out="$(telec "$tree" "$how" --version)" || fail "$name: --version exited $?"
  grep -qx "telec $version" <<<"$out" || fail "$name: --version does not say telec $version: $out"
  grep -q "newest version 1.2.0" <<<"$out" || fail "$name: --version does not name the bundled newest version: $out"
  if [ -f "$root/migrations/src/main/resources/dev/telec/steps/teleclaude/telec.yaml" ]; then
    grep -q "app teleclaude" <<<"$out" || fail "$name: --version does not name the bundled app: $out"
  fi

  # the quick start on a copy of the example home: a dry-run changes nothing
  local home="$dir-home"
  cp -r "$root/examples/teleclaude-home-1.0" "$home"
  telec "$tree" "$how" migrate --dry-run --home "$home" >"$work/out" || fail "$name: the dry-run exited $?"
  diff -r "$root/examples/teleclaude-home-1.0" "$home" >/dev/null || fail "$name: the dry-run changed the home"
  # a real run, then a no-op that writes nothing
  telec "$tree" "$how" migrate --home "$home" >"$work/out" || fail "$name: the real run exited $?"
  grep -q '"version" *: *"1.2.0"' "$home/migration_state.json" || fail "$name: the home is not at 1.2.0"
  cp "$home/migration_state.json" "$work/state-before"
  telec "$tree" "$how" migrate --json --home "$home" >"$work/out" || fail "$name: the no-op exited $?"
  grep -q '"applied" *: *0' "$work/out" || fail "$name: the no-op applied something: $(cat "$work/out")"
  cmp -s "$work/state-before" "$home/migration_state.json" || fail "$name: the no-op rewrote the state"

  # a vendor's manifest with its own telec.yaml: its home from the profile, TeleClaude's steps nowhere
  local vendor="$root/examples/myapp/migrations"
  [ -f "$vendor/telec.yaml" ] || fail "examples/myapp/migrations/telec.yaml is missing"
  rm -rf "$work/user/.myapp"
  mkdir -p "$work/user"
  cp -r "$root/examples/myapp/home-1.0" "$work/user/.myapp"
  telec "$tree" "$how" migrate --migrations "$vendor" >"$work/out" || fail "$name: the vendor manifest run exited $?"
  grep -q '"app" *: *"myapp"' "$work/user/.myapp/migration_state.json" || fail "$name: the vendor home's state names no app myapp"
  grep -q '"version" *: *"2.0.0"' "$work/user/.myapp/migration_state.json" || fail "$name: the vendor home is not at 2.0.0"
  if grep -rq 'update_channel' "$work/user/.myapp"; then fail "$name: TeleClaude's steps touched the vendor's home"; fi

  # the tree moved elsewhere still runs
  mv "$dir" "$dir-moved"
  tree="$dir-moved/telec-$version"
  telec "$tree" "$how" --version >/dev/null || fail "$name: --version after moving the tree exited $?"
  [ "$(listing "$tree")" = "$before" ] || fail "$name: something wrote into the install tree"
  chmod -R u+w "$dir-moved"
}

check_archive "$target/telec-$version.tar.gz" java-home
# the archive without a runtime: no java at all, and a java older than 17, are one-line errors, exit 1
plain="$work/plain-errors"
mkdir -p "$plain" "$work/old-jdk/bin"
tar -xzf "$target/telec-$version.tar.gz" -C "$plain"
err="$( (cd "$work" && env -i HOME="$work/user" PATH="$work/path" "$plain/telec-$version/bin/telec" --version) 2>&1 >/dev/null)" \
    && fail "the archive ran without any java"
[ "$err" = "telec: no Java found: install Java 17 or newer, and set JAVA_HOME or put java on PATH" ] \
    || fail "no java: unexpected message: $err"
printf '#!/bin/sh\necho should not run\n' >"$work/old-jdk/bin/java"
chmod +x "$work/old-jdk/bin/java"
echo 'JAVA_VERSION="11.0.2"' >"$work/old-jdk/release"
err="$( (cd "$work" && env -i HOME="$work/user" PATH="$work/path" JAVA_HOME="$work/old-jdk" "$plain/telec-$version/bin/telec" --version) 2>&1)" \
    && fail "the archive ran on Java 11"
grep -q "^telec: needs Java 17 or newer, but .* is Java 11" <<<"$err" || fail "Java 11: unexpected message: $err"
check_archive "$target/telec-$version.tar.gz" java-on-path
if [ -f "$target/telec-$version-linux-x64.tar.gz" ]; then
  check_archive "$target/telec-$version-linux-x64.tar.gz" bundled
  tar -tzf "$target/telec-$version-linux-x64.tar.gz" >"$work/contents"
  grep -Eq "^telec-$version/(lib/telec\.aot|runtime/lib/server/classes\.jsa)$" "$work/contents" \
      || fail "the linux-x64 archive has no start-up archive"
elif [ "${CI:-}" = true ]; then
  fail "no telec-$version-linux-x64.tar.gz (see the [telec dist] notice of the build)"
else
  say "notice: no telec-$version-linux-x64.tar.gz (see the [telec dist] notice of the build)"
fi

# --- the library, from a Maven project of its own -----------------------------------------------------------------
say "examples/library-project against dev.telec:telec:$version"
repo="$work/m2"
publish() { # publish <artifactId> <pom> [jar]: the layout of a local repository, as `mvn install` would leave it
  local dir="$repo/dev/telec/$1/$version"
  mkdir -p "$dir"
  cp "$2" "$dir/$1-$version.pom"
  [ -z "${3:-}" ] || cp "$3" "$dir/$1-$version.jar"
}
publish telec-parent "$root/pom.xml"
for module in domain application adapters-fs; do
  publish "telec-$module" "$root/$module/pom.xml" "$root/$module/target/telec-$module-$version.jar"
done
publish telec "$root/library/pom.xml" "$root/library/target/telec-$version.jar"
# Everything else comes from ~/.m2 as a read-only file repository (then Central, for what it lacks): nothing the
# build resolves is written there.
seed="$HOME/.m2/repository"
cat >"$work/settings.xml" <<EOF
<settings>
  <profiles><profile><id>seed</id>
    <repositories><repository><id>seed</id><url>file://$seed</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>seed</id><url>file://$seed</url></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>seed</activeProfile></activeProfiles>
</settings>
EOF
touch "$work/started"
project="$work/library-project"
cp -r "$root/examples/library-project" "$project"
rm -rf "$project/target"
mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$project/pom.xml" verify \
    || fail "examples/library-project: mvn verify failed"
mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$project/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=compile \
    -Dmdep.outputFile="$work/compile-classpath" >/dev/null || fail "examples/library-project: no compile class path"
jars="$(tr ':' '\n' <"$work/compile-classpath" | sed 's#.*/##' | LC_ALL=C sort | tr '\n' ' ')"
expected="telec-$version.jar telec-adapters-fs-$version.jar telec-application-$version.jar telec-domain-$version.jar "
[ "$jars" = "$expected" ] || fail "the library caller's compile class path is not just telec's four jars: $jars"
say "a library caller compiles against: $jars"
if [ -d "$seed/dev/telec" ] && [ -n "$(find "$seed/dev/telec" -newer "$work/started" -print -quit)" ]; then
  fail "something was written under $seed/dev/telec"
fi
say "ok"
