#!/usr/bin/env python3
"""Benchmarks the IAM engine on generated policies and compares it with Parliament.

Writes (into a temporary directory, nothing is committed):
  policy-2000.json   one identity policy of 2,000 statements: broad wildcards (`*`, `s3:*`,
                     `*:Get*`), `NotAction`, infix and suffix wildcards, conditions, a few
                     unknown actions and prefixes; one statement per line
  distinct-2000.json 2,000 statements of patterns that name no service and all differ
  policy-10000.json  10,000 statements of three patterns each (`s3:Get*N`, `iam:Pass*`, `ec2:*`)
  pattern-50k.json   one `Action` and one `NotAction` pattern of 50 KB each (`*a*a...*`)
  role-2000.json     a CloudFormation template of one role with policy-2000 inline
  roles-N.yaml       a CloudFormation template of N roles with four-statement inline policies

and prints one table: case, wall time, CPU (user + system), peak RSS and output size, for
`palisade iam explain` (text and JSON), `palisade scan`, `palisade iam can`, and Parliament
(`parliament --json < policy`) when it is installed. Then it compares the findings of both
tools on what they both check: unknown actions and unknown service prefixes.

Usage: scripts/bench-iam.py [--roles N] [--bin path/to/palisade] [--parliament path/to/parliament]
  (defaults: 500 roles, target/release/palisade, `parliament` on PATH)
Parliament: python3 -m venv /tmp/parl && /tmp/parl/bin/pip install parliament
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROLE_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:List*", "dynamodb:Query", "dynamodb:PutItem", "sqs:SendMessage",
                "sns:Publish", "ec2:Describe*", "lambda:InvokeFunction", "kms:Decrypt", "logs:PutLogEvents",
                "iam:PassRole", "ec2:RunInstances", "s3:*", "cloudwatch:PutMetricData"]

# Action lists of the 2,000-statement policy: what real policies hold, broad ones included.
ACTION_SETS = [
    ["*"],
    ["s3:*"],
    ["ec2:Describe*", "ec2:Get*"],
    ["*:Get*", "*:List*", "*:Describe*"],
    ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
    ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
    ["dynamodb:*Item", "dynamodb:Query", "dynamodb:Scan"],
    ["*Object*"],
    ["kms:Decrypt", "kms:GenerateDataKey*", "kms:?ncrypt"],
    ["sqs:*", "sns:*", "events:Put*"],
    ["logs:*", "cloudwatch:PutMetricData", "xray:Put*"],
    ["s3:GetObjekt", "s3:ListBucket"],        # unknown action (a typo)
    ["s33:GetObject", "s3:GetBucketPolicy"],  # unknown service prefix
    ["ec2:Frobnicate*"],                      # a wildcard that matches nothing
]
NOT_ACTION_SETS = [["iam:*", "organizations:*", "account:*"], ["s3:Delete*"], ["*"]]


def policy_2000(n=2000):
    rnd = random.Random(13)
    lines = []
    for i in range(n):
        st = {"Sid": f"S{i}", "Effect": "Deny" if i % 7 == 6 else "Allow"}
        if i % 11 == 5:
            st["NotAction"] = rnd.choice(NOT_ACTION_SETS)
        else:
            st["Action"] = ACTION_SETS[i % len(ACTION_SETS)]
        st["Resource"] = "*" if rnd.random() < 0.6 else f"arn:aws:s3:::bucket-{i}/*"
        if rnd.random() < 0.2:
            st["Condition"] = {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}
        lines.append(json.dumps(st))
    return policy_text(lines)


def distinct_2000(n=2000):
    """Statements whose patterns name no service and all differ (`*:Get*17`, `*PutObject*17`):
    nothing can be remembered, each is matched against the whole catalog."""
    verbs = ["Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag"]
    lines = [json.dumps({"Sid": f"S{i}", "Effect": "Allow",
                         "Action": [f"*:{verbs[i % 8]}*{i}", f"*{verbs[(i + 3) % 8]}Object*{i}"], "Resource": "*"})
             for i in range(n)]
    return policy_text(lines)


def policy_10000(n=10_000):
    lines = [json.dumps({"Sid": f"S{i}", "Effect": "Allow" if i % 3 else "Deny",
                         "Action": [f"s3:Get*{i}", "iam:Pass*", "ec2:*"], "Resource": f"arn:aws:s3:::b{i}/*"})
             for i in range(n)]
    return policy_text(lines)


def pattern_50k():
    pattern = "*a" * 25_000 + "*"
    lines = [json.dumps({"Effect": "Allow", "Action": pattern, "Resource": "*"}),
             json.dumps({"Effect": "Deny", "NotAction": "s3:" + "?*" * 25_000, "Resource": "*"})]
    return policy_text(lines)


def policy_text(statement_lines):
    return '{"Version": "2012-10-17", "Statement": [\n' + ",\n".join(statement_lines) + "\n]}\n"


def role_template(policy):
    """A CloudFormation template of one role whose inline policy is `policy` (JSON text): the
    scan then evaluates it for a principal (escalation, admin equivalence)."""
    doc = json.loads(policy)
    role = {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "big", "PolicyDocument": doc}]}}
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Role": role}}, indent=1)


def roles_template(n):
    rnd = random.Random(7)
    out = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    for i in range(n):
        out += [f"  Role{i}:", "    Type: AWS::IAM::Role", "    Properties:", f"      RoleName: role-{i}",
                "      AssumeRolePolicyDocument:", "        Version: '2012-10-17'", "        Statement:",
                "          - Effect: Allow", "            Principal:", "              Service: lambda.amazonaws.com",
                "            Action: sts:AssumeRole", "      Policies:", f"        - PolicyName: p{i}",
                "          PolicyDocument:", "            Version: '2012-10-17'", "            Statement:"]
        for j in range(4):
            out.append(f"              - Effect: {'Deny' if j == 3 else 'Allow'}")
            out.append("                Action:")
            out += [f"                  - {a}" for a in rnd.sample(ROLE_ACTIONS, 3)]
            res = "'*'" if rnd.random() < 0.5 else f"arn:aws:s3:::bucket-{i}/*"
            out.append(f"                Resource: {res}")
            if rnd.random() < 0.3:
                out += ["                Condition:", "                  IpAddress:", "                    aws:SourceIp: 10.0.0.0/8"]
    return "\n".join(out) + "\n"


def measure(args, out_path, stdin=None):
    """Runs `args` with stdout to `out_path` (and `stdin` as standard input): (wall s, cpu s,
    peak RSS bytes, output bytes, exit)."""
    with open(out_path, "wb") as out, open(stdin or os.devnull, "rb") as inp:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdin=inp, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, os.path.getsize(out_path), code


def human(n):
    for unit in ["B", "KB", "MB", "GB"]:
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def palisade_unknown_actions(path):
    """(line, action) of palisade's PAL-IAM-014 findings on unknown actions and prefixes."""
    found = set()
    with open(path) as f:
        report = json.load(f)
    for finding in report.get("findings", []):
        if finding.get("rule_id") != "PAL-IAM-014":
            continue
        msg = finding.get("message", "")
        m = re.search(r"unknown action `([^`]+)`|unknown service prefix `[^`]+` in `([^`]+)`|`([^`]+)` matches no",
                      msg)
        if m:
            line = finding.get("location", {}).get("line") or finding.get("line")
            found.add((line, next(g for g in m.groups() if g)))
    return found


def parliament_unknown_actions(path):
    found = set()
    with open(path) as f:
        for raw in f:
            raw = raw.strip()
            if not raw:
                continue
            issue = json.loads(raw)
            if issue.get("issue") in ("UNKNOWN_ACTION", "UNKNOWN_PREFIX"):
                loc = issue.get("location", {})
                found.add((loc.get("line"), loc.get("string")))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--roles", type=int, default=500)
    ap.add_argument("--bin", default="target/release/palisade")
    ap.add_argument("--parliament", default=shutil.which("parliament"), help="empty: leave Parliament out")
    ap.add_argument("--repeat", type=int, default=3, help="runs per case; the fastest is kept")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        files = {
            "policy-2000.json": policy_2000(),
            "distinct-2000.json": distinct_2000(),
            "policy-10000.json": policy_10000(),
            "pattern-50k.json": pattern_50k(),
            "role-2000.json": role_template(policy_2000()),
            f"roles-{a.roles}.yaml": roles_template(a.roles),
        }
        for name, text in files.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        p = {name: os.path.join(d, name) for name in files}
        roles = p[f"roles-{a.roles}.yaml"]
        mid = a.roles // 2
        cases = []
        for name in ["policy-2000.json", "distinct-2000.json", "policy-10000.json", "pattern-50k.json"]:
            cases += [
                (f"palisade iam explain {name}", [a.bin, "iam", "explain", p[name]], None),
                (f"palisade iam explain --format json {name}",
                 [a.bin, "iam", "explain", "--format", "json", p[name]], None),
                (f"palisade scan {name}", [a.bin, "scan", "--format", "json", p[name]], None),
            ]
            if a.parliament:
                # Parliament reads the policy from standard input (`--file` refuses a non-terminal stdin).
                cases.append((f"parliament {name}", [a.parliament, "--json"], p[name]))
        cases += [
            ("palisade scan role-2000.json", [a.bin, "scan", "--format", "json", p["role-2000.json"]], None),
            ("palisade iam can Role iam:PassRole (2000 statements)",
             [a.bin, "iam", "can", "Role", "iam:PassRole", p["role-2000.json"]], None),
            (f"palisade scan roles-{a.roles}.yaml", [a.bin, "scan", "--format", "json", roles], None),
            (f"palisade iam can Role{mid} s3:GetObject",
             [a.bin, "iam", "can", f"Role{mid}", "s3:GetObject", f"arn:aws:s3:::bucket-{mid}/k", roles], None),
            (f"palisade iam can Role{a.roles - 1} iam:PassRole",
             [a.bin, "iam", "can", f"Role{a.roles - 1}", "iam:PassRole", roles], None),
        ]
        rows = []
        outputs = {}
        for label, args, stdin in cases:
            out = os.path.join(d, f"out-{len(rows)}")
            runs = [measure(args, out, stdin) for _ in range(a.repeat)]
            wall, cpu, rss, size, code = min(runs)
            rows.append((label, f"{wall:.3f} s", f"{cpu:.3f} s", human(rss), human(size), str(code)))
            keep = os.path.join(d, f"kept-{len(rows)}")
            shutil.copyfile(out, keep)
            outputs[label] = keep
        header = ("case", "wall", "CPU", "peak RSS", "output", "exit")
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
        line = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
        print(line(header))
        print("  ".join("-" * w for w in widths))
        for r in rows:
            print(line(r))
        if a.parliament:
            print()
            print("Findings both tools report (unknown actions, unknown prefixes, wildcards matching nothing):")
            for name in ["policy-2000.json", "distinct-2000.json", "policy-10000.json", "pattern-50k.json"]:
                ours = palisade_unknown_actions(outputs[f"palisade scan {name}"])
                theirs = parliament_unknown_actions(outputs[f"parliament {name}"])
                both = ours & theirs
                print(f"  {name}: palisade {len(ours)}, parliament {len(theirs)}, both {len(both)}")
                for what, only in [("palisade only", ours - theirs), ("parliament only", theirs - ours)]:
                    names = sorted({act[:60] for _, act in only})
                    if names:
                        print(f"    {what}: {len(only)} ({', '.join(names[:6])}{', ...' if len(names) > 6 else ''})")


if __name__ == "__main__":
    sys.exit(main())
