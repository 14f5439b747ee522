# Shared by the launcher and the scripts: where things are and how to make them present.
# Sourced, not run.

# npm ci in $1 when its lock file is newer than what is installed.
ecsforge_npm_ci() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "ecsforge: installing Node.js packages in ${dir#"$ECSFORGE_ROOT"} (npm ci)..." >&2
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
}
