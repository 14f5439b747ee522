# Shared by the launcher and the scripts: where things are and how to make them present.
# Sourced, not run.

# The Node.js LTS that jsii runs, installed from the npm registry into node_modules.
ecsforge_ensure_node() {
  local root="$1"
  local stamp="$root/node_modules/.package-lock.json"
  if [ ! -x "$root/node_modules/node/bin/node" ] || [ "$root/package-lock.json" -nt "$stamp" ]; then
    echo "ecsforge: installing Node.js packages (npm ci)..." >&2
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  export JSII_NODE="$root/node_modules/node/bin/node"
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
