#!/usr/bin/env bash
# Rewrites plan.json: a real plan by Terraform 1.11.4 with every kind of change a summary shows
# (create, update, replace by cannot-update and by taint, delete, import, move, sensitive values
# and outputs). Only terraform_data is used, so no provider is downloaded.
# The two passwords are the secrets SensitiveValuesTest looks for in the output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1
cd "$work"
cp "$here/step1/main.tf" main.tf
terraform init -input=false -no-color >/dev/null
terraform apply -auto-approve -input=false -no-color -var db_password=first-secret-Xq7 >/dev/null
cp "$here/step2/main.tf" main.tf
terraform taint -no-color terraform_data.tainted >/dev/null
terraform plan -input=false -no-color -var db_password=second-secret-Kp9 -out=tf.plan >/dev/null
terraform show -json tf.plan > "$here/plan.json"
