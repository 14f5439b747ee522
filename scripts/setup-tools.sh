#!/usr/bin/env bash
# Installs the real tools the integration tests run, into $ECSFORGE_CACHE (outside the repo):
#   bin/tofu        OpenTofu, built from its Go module (tools/opentofu)
#   bin/actionlint  GitHub Actions workflow linter (tools/actionlint)
#   bin/hclcheck    HCL syntax checker built on HashiCorp's parser (tools/hclcheck)
#   bin/terraform-docs  inputs/outputs tables for module READMEs (tools/terraform-docs)
#   venv/           Python venv with moto[server], checkov and parliament (tools/requirements.txt)
# Each tool is rebuilt only when the files that pin it change, so a second run takes seconds.
# Everything comes from the Go module proxy and PyPI through their ordinary clients.
# Progress goes to stderr; a failure exits nonzero with the step that failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${ECSFORGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecsforge}"
stamps="$cache/stamps"

log() { echo "setup-tools: $*" >&2; }
die() { echo "setup-tools: error: $*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not on PATH; $2"
}

need go "install the Go toolchain (https://go.dev/doc/install, or 'apt-get install golang')"
need python3 "install Python 3.9 or newer ('apt-get install python3 python3-venv')"
need sha256sum "install coreutils"
need flock "install util-linux"

mkdir -p "$cache/bin" "$stamps"

# Several checkouts on one machine share the cache: one installer at a time.
exec 9>"$cache/.setup-tools.lock"
if ! flock -n 9; then
  log "waiting for another setup-tools.sh to finish with $cache"
  flock 9
fi

# The key of a tool: the hash of every file that pins it, plus the toolchain that builds it.
key_of() {
  local toolchain="$1"; shift
  { printf '%s\n' "$toolchain"; (cd "$root" && sha256sum "$@"); } | sha256sum | cut -d' ' -f1
}

up_to_date() {
  local name="$1" key="$2" artifact="$3"
  [ -e "$artifact" ] && [ -f "$stamps/$name" ] && [ "$(cat "$stamps/$name")" = "$key" ]
}

seconds_since() { echo $(( $(date +%s) - $1 )); }

# go_tool NAME MODULE_DIR PACKAGE [LDFLAGS]: builds PACKAGE inside the module MODULE_DIR.
go_tool() {
  local name="$1" dir="$2" package="$3" ldflags="${4:-}"
  local files
  files=$(cd "$root" && find "$dir" -type f \( -name 'go.mod' -o -name 'go.sum' -o -name '*.go' \) | sort)
  local key
  key=$(key_of "$(go version) ldflags=$ldflags" $files)
  local target="$cache/bin/$name"
  if up_to_date "$name" "$key" "$target"; then
    log "$name: up to date ($target)"
    return
  fi
  log "$name: building $package from $dir (go build; the first build of a large module takes minutes)"
  local started tmp
  started=$(date +%s)
  tmp="$target.partial.$$"
  if ! (cd "$root/$dir" && GOFLAGS=-mod=mod CGO_ENABLED=0 \
        go build -trimpath -ldflags "-s -w $ldflags" -o "$tmp" "$package" >&2); then
    rm -f "$tmp"
    die "$name: go build of $package in $dir failed (output above)"
  fi
  [ -x "$tmp" ] || die "$name: go build reported success but wrote no binary at $tmp"
  mv -f "$tmp" "$target"
  echo "$key" >"$stamps/$name"
  log "$name: built in $(seconds_since "$started")s -> $target"
}

python_venv() {
  local venv="$cache/venv"
  local key
  key=$(key_of "$(python3 --version 2>&1)" tools/requirements.txt)
  if up_to_date venv "$key" "$venv/bin/python"; then
    log "venv: up to date ($venv)"
    return
  fi
  log "venv: creating $venv from tools/requirements.txt (pip install)"
  local started
  started=$(date +%s)
  rm -rf "$venv" "$stamps/venv"
  # A venv cannot be moved after it is made (its scripts name their interpreter by path),
  # so it is made in place and only the stamp marks it complete.
  python3 -m venv "$venv" || die "venv: python3 -m venv failed (on Debian: apt-get install python3-venv)"
  if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        -r "$root/tools/requirements.txt" >&2; then
    rm -rf "$venv"
    die "venv: pip install -r tools/requirements.txt failed (output above)"
  fi
  "$venv/bin/moto_server" --help >/dev/null 2>&1 || die "venv: moto_server does not run"
  "$venv/bin/checkov" --version >/dev/null 2>&1 || die "venv: checkov does not run"
  "$venv/bin/parliament" --version >/dev/null 2>&1 || die "venv: parliament does not run"
  "$venv/bin/aws" --version >/dev/null 2>&1 || die "venv: the AWS CLI does not run"
  echo "$key" >"$stamps/venv"
  log "venv: installed in $(seconds_since "$started")s -> $venv"
}

started_all=$(date +%s)
log "installing into $cache"
go_tool tofu tools/opentofu github.com/opentofu/opentofu/cmd/tofu \
  "-X github.com/opentofu/opentofu/version.dev=no"
go_tool actionlint tools/actionlint github.com/rhysd/actionlint/cmd/actionlint
go_tool hclcheck tools/hclcheck .
go_tool terraform-docs tools/terraform-docs github.com/terraform-docs/terraform-docs
python_venv

"$cache/bin/tofu" version >/dev/null 2>&1 || die "tofu: $cache/bin/tofu does not run"
log "done in $(seconds_since "$started_all")s: $("$cache/bin/tofu" version 2>/dev/null | head -1), actionlint $("$cache/bin/actionlint" -version | head -1), hclcheck, $("$cache/bin/terraform-docs" --version), moto, checkov and parliament"
