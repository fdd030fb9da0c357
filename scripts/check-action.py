#!/usr/bin/env python3
"""Checks the composite action action.yml.

actionlint checks workflows, not action metadata. So the action's steps are put, unchanged,
into a reusable workflow whose inputs are the action's inputs, and actionlint checks that
workflow as it checks the others: the expressions and the contexts they use, the versions and
inputs of the actions the steps use, and the shell scripts (with shellcheck when it is on the
PATH). Before that, what actionlint cannot see is checked here: a composite action whose every
`run` step names its shell, inputs and outputs with descriptions, and outputs that refer to
steps that exist.

Usage: scripts/check-action.py [ACTION_YML] (default: action.yml of the repository).
Needs PyYAML and actionlint on the PATH (.ci/run installs both).
"""

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml


def structure_problems(action):
    problems = []
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append("runs.using must be `composite`")
    steps = runs.get("steps") or []
    if not steps:
        problems.append("runs.steps is empty")
    ids = {s.get("id") for s in steps if s.get("id")}
    for i, step in enumerate(steps):
        label = step.get("name") or f"step {i + 1}"
        if ("run" in step) == ("uses" in step):
            problems.append(f"{label}: a step has either `run` or `uses`")
        if "run" in step and not step.get("shell"):
            problems.append(f"{label}: a composite `run` step must name its shell")
    for kind in ("inputs", "outputs"):
        for name, spec in (action.get(kind) or {}).items():
            if not (spec or {}).get("description"):
                problems.append(f"{kind}.{name} has no description")
    for name, spec in (action.get("outputs") or {}).items():
        for step_id in re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs", str((spec or {}).get("value", ""))):
            if step_id not in ids:
                problems.append(f"outputs.{name} refers to step `{step_id}`, which does not exist")
    for name in action.get("inputs") or {}:
        used = re.compile(r"inputs\.%s\b" % re.escape(name))
        if not any(used.search(yaml.safe_dump(s)) for s in steps) and not used.search(
            yaml.safe_dump(action.get("outputs") or {})
        ):
            problems.append(f"inputs.{name} is never used")
    return problems


def as_workflow(action):
    inputs = {
        name: {"description": spec.get("description", ""), "type": "string", "required": False}
        for name, spec in (action.get("inputs") or {}).items()
    }
    return {
        "name": "action",
        "on": {"workflow_call": {"inputs": inputs}},
        "permissions": {"contents": "read", "security-events": "write"},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "action.yml"
    action = yaml.safe_load(path.read_text())
    problems = structure_problems(action)
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    if problems:
        return 1
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        print("error: actionlint is not on the PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        workflows = pathlib.Path(tmp, ".github", "workflows")
        workflows.mkdir(parents=True)
        flow = workflows / "action.yml"
        flow.write_text(yaml.safe_dump(as_workflow(action), sort_keys=False, width=1000))
        args = [actionlint, "-no-color"]
        shellcheck = shutil.which("shellcheck")
        if shellcheck:
            args += ["-shellcheck", shellcheck]
        done = subprocess.run(args + [str(flow)], cwd=tmp, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{path}: actionlint, on its steps as a workflow:", file=sys.stderr)
            shown = done.stdout.replace(str(flow), ".github/workflows/action.yml")
            print(shown.replace(".github/workflows/action.yml", f"{path.name} (its steps as a workflow)"), file=sys.stderr, end="")
            print(done.stderr, file=sys.stderr, end="")
            return 1
    print(f"{path}: ok ({len(action['runs']['steps'])} steps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
