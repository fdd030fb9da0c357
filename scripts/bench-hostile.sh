#!/usr/bin/env bash
# Time and memory of one scan per hostile input (up to about 10 MB each), every one scanned
# next to a good template whose finding must still be reported, with JSON, SARIF, text and
# HTML reports written to files. Prints a Markdown table: case, input size, exit status, wall
# time, CPU time (user + system: the wall time of a busy machine says little), peak RSS, good
# finding reported, first diagnostic, size of the reports. The inputs are generated in a
# temporary directory; a scan still running after TIMEOUT seconds (default 120) is stopped
# and shown as such. Goal: every case under 2 s and 300 MB.
# FORMATS chooses the reports written (default "json sarif text html"): FORMATS=text measures a
# scan with the text report alone. The good file's finding and the first diagnostic are read
# from the first report of the list that has them (JSON, SARIF, text, else HTML).
# Usage: scripts/bench-hostile.sh [path/to/palisade]   (CASES="alias_big_scalar deep_json" for some)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/palisade}
[ $# -gt 0 ] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

BIN="$bin" TMP="$tmp" CASES="${CASES:-}" TIMEOUT="${TIMEOUT:-120}" FORMATS="${FORMATS:-json sarif text html}" python3 - <<'PY'
import json, os, re, resource, subprocess, sys, time

BIN = os.path.abspath(os.environ["BIN"])
TMP = os.environ["TMP"]
ONLY = os.environ["CASES"].split()
TIMEOUT = float(os.environ["TIMEOUT"])
MB = 1 << 20
EXTENSION = {"json": "json", "sarif": "sarif", "text": "txt", "html": "html"}
FORMATS = list(dict.fromkeys(os.environ["FORMATS"].split()))
if not FORMATS or any(f not in EXTENSION for f in FORMATS):
    sys.exit(f"FORMATS: one or more of {' '.join(EXTENSION)}")
REPORTS = tuple(f"report.{EXTENSION[f]}" for f in FORMATS)

GOOD = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
"""
HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n"


def cfn(sections):
    t = {"AWSTemplateFormatVersion": "2010-09-09"}
    t.update(sections)
    return json.dumps(t, separators=(",", ":"))


def bucket(props=None):
    b = {"Type": "AWS::S3::Bucket"}
    if props is not None:
        b["Properties"] = props
    return b


def deep_json():
    n = 5 * MB
    return "deep.json", '{"AWSTemplateFormatVersion":"2010-09-09","Resources":' + "[" * n + "]" * n + "}"


def deep_yaml_flow():
    return "deep_flow.yaml", HEAD + "Resources: " + "[" * (10 * MB - 60) + "\n"


def deep_yaml_block():
    lines, size, i = [HEAD, "Resources:\n"], 0, 0
    while size < 10 * MB:
        line = " " * (i + 1) + "k:\n"
        lines.append(line)
        size += len(line)
        i += 1
    return "deep_block.yaml", "".join(lines)


def alias_big_scalar():
    return "alias_big.yaml", HEAD + 'Big: &big "' + "x" * MB + '"\nCopies: [' + ", ".join(["*big"] * 3000) + "]\n"


def alias_laughs():
    s = HEAD + 'L0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 12):
        s += f"L{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n"
    return "laughs.yaml", s


def alias_laughs_bytes():
    s = HEAD + 'L0: &l0 "' + "y" * 100_000 + '"\n'
    for i in range(1, 10):
        s += f"L{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 8) + "]\n"
    return "laughs_bytes.yaml", s


def alias_nested_anchors():
    s = HEAD + "Nested:\n"
    for i in range(200):
        s += "  " * i + f"- &n{i}\n"
    s += "  " * 200 + '- "' + "z" * (4 * MB) + '"\n'
    return "nested_anchors.yaml", s


def alias_merges():
    # Many maps merging one large map.
    base = "Base: &base {" + ", ".join(f"k{i}: v{i}" for i in range(2000)) + "}\n"
    items = "".join(f"M{i}: {{<<: *base, own: {i}}}\n" for i in range(2000))
    return "merges.yaml", HEAD + base + items


def long_minified_line():
    buckets = {f"B{i}": bucket({"AccessControl": "PublicRead"}) for i in range(1000)}
    return "minified.json", cfn({"Description": "d" * (9 * MB), "Resources": buckets})


def long_string_value():
    return "long_value.yaml", HEAD + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: " + "n" * (10 * MB - 200) + "\n"


def foreach_explosion():
    values = [f"v{i}" for i in range(40)]
    body = {"R${a}${b}${c}${d}": {"Type": "AWS::S3::Bucket"}}
    d = {"Fn::ForEach::D": ["d", values, body]}
    c = {"Fn::ForEach::C": ["c", values, d]}
    b = {"Fn::ForEach::B": ["b", values, c]}
    return "foreach.json", cfn({"Transform": "AWS::LanguageExtensions", "Resources": {"Fn::ForEach::A": ["a", values, b]}})


def condition_chain():
    n = 200_000
    conds = {f"C{i}": {"Condition": f"C{i + 1}"} for i in range(n)}
    conds[f"C{n}"] = {"Fn::Equals": [{"Ref": "AWS::Region"}, "x"]}
    res = {"B": {"Type": "AWS::S3::Bucket", "Condition": "C0", "Properties": {"BucketName": {"Fn::If": ["C0", "a", "b"]}}}}
    return "conditions.json", cfn({"Conditions": conds, "Resources": res})


def condition_fanout():
    # Each condition uses the next one twice.
    conds = {f"C{i}": {"Fn::And": [{"Condition": f"C{i + 1}"}, {"Condition": f"C{i + 1}"}]} for i in range(60)}
    conds["C60"] = {"Fn::Equals": [{"Ref": "AWS::Region"}, "x"]}
    return "condition_fanout.json", cfn({"Conditions": conds, "Resources": {"B": dict(bucket(), Condition="C0")}})


def values_doubling():
    sub = "x"
    for _ in range(60):
        sub = {"Fn::Sub": ["${A}${A}", {"A": sub}]}
    return "doubling.json", cfn({"Resources": {"B": bucket({"BucketName": sub})}})


def many_buckets():
    return "buckets.json", cfn({"Resources": {f"Bucket{i}": bucket({"AccessControl": "PublicRead"}) for i in range(100_000)}})


def conditional_buckets():
    # Undecidable conditions that chain every bucket to the next: one group of six, on one line.
    params = {f"P{i}": {"Type": "String"} for i in range(6)}
    conds = {f"C{i}": {"Fn::Equals": [{"Ref": f"P{i}"}, "x"]} for i in range(6)}
    res = {f"Bucket{i}": {"Type": "AWS::S3::Bucket", "Condition": f"C{i % 6}",
                          "Properties": {"AccessControl": {"Fn::If": [f"C{(i + 1) % 6}", "PublicRead", "Private"]}}}
           for i in range(70_000)}
    return "conditional_buckets.json", cfn({"Parameters": params, "Conditions": conds, "Resources": res})


def many_pods():
    pod = """apiVersion: v1
kind: Pod
metadata:
  name: p{i}
spec:
  containers:
    - name: c
      image: nginx
      securityContext:
        privileged: true
"""
    return "pods.yaml", "---\n".join(pod.format(i=i) for i in range(40_000))


def long_iam_pattern():
    pattern = "s3:" + "*a" * 200_000 + "*"
    doc = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": pattern, "Resource": "arn:aws:s3:::" + "*b" * 200_000},
        {"Effect": "Deny", "NotAction": "s3:" + "?*" * 100_000, "Resource": "*"},
    ]}
    return "policy.json", json.dumps(doc)


def many_iam_statements():
    stmts = [{"Sid": f"S{i}", "Effect": "Allow" if i % 3 else "Deny", "Action": [f"s3:Get*{i}", "iam:Pass*", "ec2:*"],
              "Resource": f"arn:aws:s3:::b{i}/*"} for i in range(40_000)]
    return "statements.json", json.dumps({"Version": "2012-10-17", "Statement": stmts})


def long_keys():
    key = "K" * 50_000
    return "long_keys.json", cfn({"Resources": {"B": bucket({"Tags": {key: ["x"] * 100_000}})}})


def many_lines_cr():
    # A template whose lines end in carriage returns only.
    lines = [HEAD.strip(), "Resources:"] + [f"  B{i}:\r    Type: AWS::S3::Bucket" for i in range(100_000)]
    return "cr_only.yaml", "\r".join(lines) + "\r"


def terraform_counts():
    # A thousand instances each, two hundred times over, from 16 kB of HCL.
    return "main.tf", "".join(f'resource "aws_s3_bucket" "b{i}" {{\n  count  = 1000\n  bucket = "b{i}-${{count.index}}"\n}}\n'
                               for i in range(200))


def many_roles():
    # Roles that may each be assumed by anyone, with the same broad inline policy: the
    # privilege-escalation analysis relates every role to every other.
    trust = {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
    policy = {"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances", "iam:*"], "Resource": "*"}]}
    roles = {f"R{i}": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": trust, "Policies": [{"PolicyName": "p", "PolicyDocument": policy}]}}
        for i in range(2_000)}
    return "roles.json", cfn({"Resources": roles})


def self_references():
    params = {f"P{i}": {"Type": "CommaDelimitedList", "Default": [{"Fn::Join": [",", {"Ref": f"P{(i + 1) % 5000}"}]}]}
              for i in range(5000)}
    return "self_refs.json", cfn({"Parameters": params, "Resources": {"B": bucket({"BucketName": {"Fn::Join": ["", {"Ref": "P0"}]}})}})


CASES = [deep_json, deep_yaml_flow, deep_yaml_block, alias_big_scalar, alias_laughs, alias_laughs_bytes,
         alias_nested_anchors, alias_merges, long_minified_line, long_string_value, foreach_explosion,
         condition_chain, condition_fanout, values_doubling, many_buckets, conditional_buckets, many_pods, long_iam_pattern,
         many_iam_statements, long_keys, many_lines_cr, self_references, terraform_counts, many_roles]


def checked(d, name):
    """(the good file's finding is reported, "line:column" of the case's first diagnostic or
    "-"), read from the first report written that can tell."""
    def read(report):
        p = os.path.join(d, report)
        with open(p, encoding="utf-8", errors="replace") as f:
            return f.read()
    try:
        if "json" in FORMATS:
            report = json.loads(read("report.json"))
            good = any(f["rule_id"] == "PAL-S3-008" and f["file"] == "good.yaml" for f in report["findings"])
            notes = [(x["line"], x["column"]) for x in report["diagnostics"] if x.get("file") == name]
        elif "sarif" in FORMATS:
            run = json.loads(read("report.sarif"))["runs"][0]
            good = any(r["ruleId"] == "PAL-S3-008"
                       and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "good.yaml"
                       for r in run["results"])
            notes = []
            for n in run["invocations"][0].get("toolExecutionNotifications", []):
                for loc in n.get("locations", []):
                    p = loc["physicalLocation"]
                    if p["artifactLocation"]["uri"] == name:
                        r = p.get("region", {})
                        notes.append((r.get("startLine", 0), r.get("startColumn", 0)))
        elif "text" in FORMATS:
            text = read("report.txt")
            good = re.search(r"^good\.yaml:\d+:\d+: PAL-S3-008 ", text, re.M) is not None
            notes = [(int(m[1]), int(m[2]))
                     for m in re.finditer(rf"^{re.escape(name)}:(\d+):(\d+): (?:error|warning|note)", text, re.M)]
        else:
            # The page's data: the rule and the file are listed once each when a finding has them.
            html = read("report.html")
            good = "PAL-S3-008" in html and "good.yaml" in html
            notes = []
    except (OSError, ValueError, KeyError, IndexError):
        return False, "-"
    return good, (f"{notes[0][0]}:{notes[0][1]}" if notes else "-")


def run(case):
    d = os.path.join(TMP, case.__name__)
    os.makedirs(d)
    name, text = case()
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
    with open(os.path.join(d, "good.yaml"), "w") as f:
        f.write(GOOD)
    size = len(text.encode())
    cmd = [BIN, "scan", ".", "--max-file-size", "12MB"]
    for f, r in zip(FORMATS, REPORTS):
        cmd += ["--format", f"{f}={r}"]
    time_v = os.path.exists("/usr/bin/time")
    if time_v:
        cmd = ["/usr/bin/time", "-v"] + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    err = open(os.path.join(d, "stderr.txt"), "w+")
    p = subprocess.Popen(cmd, cwd=d, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        code = p.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        # The scan and /usr/bin/time above it: the whole process group.
        os.killpg(p.pid, 9)
        p.wait()
        code = None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err.seek(0)
    stderr = err.read()
    err.close()
    rss_kb = None
    if time_v:
        for line in stderr.splitlines():
            if "Maximum resident set size" in line:
                rss_kb = int(line.rsplit(":", 1)[1])
    elif after.ru_maxrss > before.ru_maxrss:
        rss_kb = after.ru_maxrss
    good, where = checked(d, name)
    report_mb = sum(os.path.getsize(os.path.join(d, r)) for r in REPORTS
                    if os.path.exists(os.path.join(d, r))) / MB
    rss = f"{rss_kb / 1024:.0f} MB" if rss_kb else "?"
    ok = wall < 2 and (rss_kb or 0) < 300 * 1024 and good and code in (1, 2)
    status = "stopped" if code is None else code
    print(f"| {case.__name__} | {size / MB:.2f} MB | {status} | {wall:.2f} s | {cpu:.2f} s | {rss} "
          f"| {'yes' if good else 'no'} | {where} | {report_mb:.1f} MB | {'ok' if ok else 'MISSED'} |", flush=True)
    for r in REPORTS + (name, "stderr.txt"):
        p2 = os.path.join(d, r)
        if os.path.exists(p2):
            os.remove(p2)


print("| case | input | exit | wall | CPU | peak RSS | good finding | first diagnostic | reports | goal |")
print("|---|---|---|---|---|---|---|---|---|---|")
for c in CASES:
    if not ONLY or c.__name__ in ONLY:
        run(c)
PY
