"""Runs parliament over IAM policies and prints its findings as JSON, for IamLintIT.

Usage: python parliament_findings.py POLICIES.json
POLICIES.json maps a policy's name to {"kind": "IDENTITY" | "RESOURCE" | "TRUST", "policy": {...}}.
Prints {"version": ..., "findings": {name: [{"issue", "severity", "title", "statement", "detail"}]}},
where statement is the Sid, "[n]" for the n-th statement without one, or "" for the whole policy.

This calls parliament's Python API rather than its CLI: the CLI appends every policy it reads to
/tmp/parliament.log, and its findings do not say which statement they are about. The checks are
the CLI's, with parliament's own severities, and nothing is filtered out here:
- every kind: the built-in auditors. They check that each action exists in the service
  authorization reference parliament ships, that each resource ARN is well formed and of a type
  the actions apply to, that condition keys exist for the actions and their values fit the key's
  type, Principal elements, Sids, and Resource "*" where an action could be narrowed.
- IDENTITY and RESOURCE: the community auditors too (the CLI's --include-community-auditors),
  which judge what a policy grants (privilege escalation, credentials exposure, permissions
  management, NotResource with Allow, ...).
- TRUST: not the community auditors. They read every Allow as a grant to the policy's holder, so
  each trust policy would show as credentials exposure, the sts:AssumeRole* a trust policy exists
  to admit, without saying anything about who may assume the role.
"""
import json
import sys
import warnings
from pathlib import Path

# parliament 1.6.4 imports pkg_resources, which warns that it is deprecated on every run.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

import parliament  # noqa: E402


def text(value):
    """A finding's detail as one line: a string as is, anything else as compact JSON."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(ordered(value), sort_keys=True, separators=(",", ":"), default=str)


def ordered(value):
    """Lists of plain strings sorted: parliament builds some (the actions of a finding) from sets,
    whose order changes from run to run with Python's hash seed."""
    if isinstance(value, dict):
        return {key: ordered(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        items = [ordered(item) for item in value]
        return sorted(items) if all(isinstance(item, str) for item in items) else items
    return value


# Where in parliament's input a finding is; the test names the statement instead.
POSITION = {"line", "column", "lineno", "filepath"}


def finding(found, statement):
    found = parliament.enhance_finding(found)
    # Some auditors say what they found only in the location (the community auditors' actions).
    location = {k: v for k, v in found.location.items() if k not in POSITION}
    detail = " ".join(part for part in (text(found.detail), text(location or None)) if part)
    return {
        "issue": found.issue,
        "severity": found.severity,
        "title": found.title,
        "statement": statement,
        "detail": detail,
    }


def lint(kind, policy):
    if kind not in ("IDENTITY", "RESOURCE", "TRUST"):
        raise ValueError("unknown policy kind " + repr(kind))
    try:
        analyzed = parliament.analyze_policy_string(
            json.dumps(policy), include_community_auditors=kind != "TRUST", config=parliament.config)
    except Exception as e:  # noqa: BLE001 - a policy parliament cannot read fails its own test, not the run
        return [{"issue": "EXCEPTION", "severity": "CRITICAL", "title": "parliament failed on this policy",
                 "statement": "", "detail": "{}: {}".format(type(e).__name__, e)}]
    # Policy.findings would merge the statements' findings with the policy's own and lose which
    # statement each was about.
    found = [finding(f, "") for f in analyzed._findings]
    for position, statement in enumerate(analyzed.statements, start=1):
        name = statement.sid if statement.sid else "[{}]".format(position)
        found.extend(finding(f, name) for f in statement.findings)
    return found


def main(path):
    community = Path(parliament.__file__).parent / "community_auditors" / "config_override.yaml"
    parliament.override_config(str(community))
    policies = json.loads(Path(path).read_text(encoding="utf-8"))
    result = {"version": parliament.__version__,
              "findings": {name: lint(p["kind"], p["policy"]) for name, p in policies.items()}}
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: parliament_findings.py POLICIES.json")
    main(sys.argv[1])
