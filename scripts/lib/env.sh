# Shared by the launcher and the scripts: where things are and how to make them present.
# Sourced, not run.

# npm ci in $1 when its lock file is newer than what is installed.
ecsforge_npm_ci() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    local shown="${dir#"$ECSFORGE_ROOT"}"
    shown="${shown#/}"
    echo "ecsforge: installing Node.js packages${shown:+ in $shown} (npm ci)..." >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# The Node.js LTS that jsii runs (tools/node22) and the cdktf CLI (the root package).
ecsforge_ensure_node() {
  ECSFORGE_ROOT="$1"
  ecsforge_npm_ci "$ECSFORGE_ROOT/tools/node22"
  ecsforge_npm_ci "$ECSFORGE_ROOT"
  export JSII_NODE="$ECSFORGE_ROOT/tools/node22/node_modules/node/bin/node"
}

# The CLI jar, rebuilt only when a source or the pom is newer than it.
ecsforge_ensure_jar() {
  local root="$1"
  local jar="$root/target/ecsforge.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "ecsforge: building (mvn package)..." >&2
    (cd "$root" && mvn -B -q -DskipTests package >&2)
  fi
  ecsforge_ensure_class_archive "$root"
}

# target/ecsforge.jsa: an AppCDS archive of the classes a synth loads, which the JVM then maps
# ready-parsed instead of reading them from the jars. Recorded after each build by a training
# synth of config/*.yaml into a temporary folder. When that fails (a config being edited, say),
# target/ecsforge.jsa.failed stops retries until the next build; the JVM runs without it.
ecsforge_ensure_class_archive() {
  local root="$1"
  local jar="$root/target/ecsforge.jar" jsa="$root/target/ecsforge.jsa" failed="$root/target/ecsforge.jsa.failed"
  if { [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; } || { [ -f "$failed" ] && [ "$failed" -nt "$jar" ]; }; then
    return 0
  fi
  local envs=() file tmp
  for file in "$root"/config/*.yaml; do
    [ -f "$file" ] && envs+=(--env "$(basename "$file" .yaml)")
  done
  [ "${#envs[@]}" -gt 0 ] || return 0
  echo "ecsforge: recording the classes a synth loads (target/ecsforge.jsa)..." >&2
  tmp="$(mktemp -d)"
  if java -XX:ArchiveClassesAtExit="$tmp/ecsforge.jsa" -Xlog:cds*=off -XX:TieredStopAtLevel=1 -jar "$jar" \
      synth "${envs[@]}" --config-dir "$root/config" --out "$tmp/cdktf.out" >/dev/null 2>&1 && [ -s "$tmp/ecsforge.jsa" ]; then
    mv -f "$tmp/ecsforge.jsa" "$jsa"
  else
    touch "$failed"
  fi
  rm -rf "$tmp"
}

# The CLI's JVM options, into the array ecsforge_java_options. A synth is a short run: the C1
# compiler alone is soon enough, and sparing C2's compile threads cut a synth's CPU time by a
# third on 2 cores. The archive is used when it is as new as the jar; a stale or foreign one is
# ignored without a word (-Xlog:cds*=off). ECSFORGE_JAVA_OPTS, when set (even empty), replaces
# all of them: ECSFORGE_JAVA_OPTS= runs a plain JVM.
ecsforge_java_options() {
  local root="$1"
  if [ -n "${ECSFORGE_JAVA_OPTS+set}" ]; then
    read -r -a ecsforge_java_options <<< "$ECSFORGE_JAVA_OPTS"
    return 0
  fi
  ecsforge_java_options=(-XX:TieredStopAtLevel=1 -Xlog:cds*=off)
  if [ -f "$root/target/ecsforge.jsa" ] && [ "$root/target/ecsforge.jsa" -nt "$root/target/ecsforge.jar" ]; then
    ecsforge_java_options+=(-XX:SharedArchiveFile="$root/target/ecsforge.jsa")
  fi
}
