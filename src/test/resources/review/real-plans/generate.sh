#!/usr/bin/env bash
# Rewrites the real plans here, one per binary given (default: terraform on PATH), each named
# after the binary's name and version: terraform-1.11.4.json, opentofu-1.10.10.json.
# step1/ is applied, then step2/ planned: create, update, replace (cannot update, and tainted),
# delete, import, move, sensitive values and outputs. Only the built-in terraform_data resource
# is used, so no provider is downloaded. The two passwords and the token are the secrets
# SensitiveValuesTest looks for in the Markdown.
#   usage: generate.sh [BINARY...]    e.g. generate.sh terraform ~/.cache/ecsforge/bin/tofu
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1
for binary in "${@:-terraform}"; do
  version="$("$binary" version -json | jq -r '.terraform_version')"
  case "$("$binary" version)" in
    OpenTofu*) name="opentofu-$version" ;;
    *) name="terraform-$version" ;;
  esac
  work="$(mktemp -d)"
  (
    cd "$work"
    cp "$here/step1/main.tf" main.tf
    "$binary" init -input=false -no-color >/dev/null
    "$binary" apply -auto-approve -input=false -no-color -var db_password=first-secret-Xq7 >/dev/null
    cp "$here/step2/main.tf" main.tf
    "$binary" taint -no-color terraform_data.tainted >/dev/null
    "$binary" plan -input=false -no-color -var db_password=second-secret-Kp9 -out=saved.plan >/dev/null
    "$binary" show -json saved.plan > "$here/$name.json"
  )
  rm -rf "$work"
  echo "wrote $here/$name.json"
done
