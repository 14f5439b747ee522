#!/usr/bin/env bash
# Regenerates src/main/resources/io/ecsforge/emit/hcl/provider-schema.json: the schema of the
# hashicorp/aws version the HCL modules are written against (and of Terraform's built-in
# provider), trimmed to the resource and data source types that the stacks of every
# config/<env>.yaml use, and to what the HCL emitter reads (attribute types, nested block
# nesting modes). The full `terraform providers schema -json` is 13 MB; the trimmed copy keeps
# reviews readable. ProviderSchemaTest fails when a stack uses a type the copy lacks, and
# `ecsforge modules` when a module does.
#
# Usage: scripts/provider-schema.sh [MIRROR]   (default: $ECSFORGE_PROVIDER_MIRROR, else /opt/tf-plugins)
# Needs: terraform on PATH, python3, the provider unpacked in MIRROR (Terraform's layout).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=5.100.0
mirror="${1:-${ECSFORGE_PROVIDER_MIRROR:-/opt/tf-plugins}}"
target="$root/src/main/resources/io/ecsforge/emit/hcl/provider-schema.json"

die() { echo "provider-schema: error: $*" >&2; exit 1; }
command -v terraform >/dev/null || die "terraform is not on PATH"
[ -d "$mirror/registry.terraform.io/hashicorp/aws/$version" ] \
  || die "no hashicorp/aws $version in $mirror (unzip it from https://releases.hashicorp.com/terraform-provider-aws/)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

envs=()
for file in "$root"/config/*.yaml; do envs+=(--env "$(basename "$file" .yaml)"); done
"$root/ecsforge" synth "${envs[@]}" --out "$work/cdktf.out" >&2

cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
TFRC
mkdir "$work/schema"
# terraform_remote_state makes Terraform include its built-in provider's schema.
cat >"$work/schema/main.tf.json" <<JSON
{"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "$version"}}},
 "data": {"terraform_remote_state": {"any": {"backend": "local"}}}}
JSON
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" CHECKPOINT_DISABLE=1
(cd "$work/schema" && terraform init -backend=false -input=false >&2 && terraform providers schema -json >"$work/full.json")

python3 - "$work/full.json" "$work/cdktf.out/stacks" "$version" "$target" "$root/src/main/java/io/ecsforge/modules" <<'PY'
import glob, json, os, re, sys

full_path, stacks, version, target, modules = sys.argv[1:]
resources, data = set(), set()
for path in glob.glob(os.path.join(stacks, "*", "cdk.tf.json")):
    stack = json.load(open(path))
    resources.update(stack.get("resource", {}))
    data.update(stack.get("data", {}))
# `ecsforge modules` cannot run while the schema lacks a type its modules use, so their own
# types are read from what the module classes import: the provider's package of each type is
# its name (providers.aws.data_aws_region is the data source aws_region). The parts they share
# with the stacks are read the same way: a module makes every type a part may make, also those
# no example environment asks for (the OIDC provider's lookup, beside the provider).
for path in glob.glob(os.path.join(modules, "*.java")) + glob.glob(os.path.join(modules, "..", "stacks", "*.java")):
    for package in re.findall(r"^import com\.hashicorp\.cdktf\.providers\.aws\.(\w+)\.", open(path).read(), re.M):
        if package.startswith("data_aws_"):
            data.add(package[len("data_"):])
        elif package != "provider":
            resources.add("aws_" + package)

def trim_block(block):
    out = {}
    attributes = {name: {"type": a["type"]} for name, a in block.get("attributes", {}).items()}
    if attributes:
        out["attributes"] = attributes
    nested = {}
    for name, b in block.get("block_types", {}).items():
        entry = {"nesting_mode": b["nesting_mode"], "block": trim_block(b["block"])}
        nested[name] = entry
    if nested:
        out["block_types"] = nested
    return out

full = json.load(open(full_path))["provider_schemas"]
trimmed = {}
for provider, schema in sorted(full.items()):
    kept = {}
    for kind, used in (("resource_schemas", resources), ("data_source_schemas", data)):
        types = {t: {"block": trim_block(s["block"])} for t, s in schema.get(kind, {}).items() if t in used}
        if types:
            kept[kind] = types
    trimmed[provider] = kept
missing = (resources | data) - {t for p in trimmed.values() for k in p.values() for t in k}
if missing:
    sys.exit("provider-schema: error: the stacks use types no provider has: " + ", ".join(sorted(missing)))
document = {"provider_versions": {"registry.terraform.io/hashicorp/aws": version}, "provider_schemas": trimmed}
with open(target, "w") as out:
    json.dump(document, out, indent=1, sort_keys=True)
    out.write("\n")
print(f"provider-schema: {len(resources)} resource and {len(data)} data source types -> {target}", file=sys.stderr)
PY
