#!/usr/bin/env python3
"""Benchmarks the IAM engine: writes a template with N roles (one inline policy of four
statements each, some with conditions), then times `palisade scan` on it and
`palisade iam can` questions against it.

Usage: scripts/bench-iam.py [N] [path/to/palisade]   (default 500, target/release/palisade)
"""
import os
import random
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 500
BIN = sys.argv[2] if len(sys.argv) > 2 else "target/release/palisade"
ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:List*", "dynamodb:Query", "dynamodb:PutItem", "sqs:SendMessage",
           "sns:Publish", "ec2:Describe*", "lambda:InvokeFunction", "kms:Decrypt", "logs:PutLogEvents",
           "iam:PassRole", "ec2:RunInstances", "s3:*", "cloudwatch:PutMetricData"]


def template(n):
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
            out += [f"                  - {a}" for a in rnd.sample(ACTIONS, 3)]
            res = "'*'" if rnd.random() < 0.5 else f"arn:aws:s3:::bucket-{i}/*"
            out.append(f"                Resource: {res}")
            if rnd.random() < 0.3:
                out += ["                Condition:", "                  IpAddress:", "                    aws:SourceIp: 10.0.0.0/8"]
    return "\n".join(out) + "\n"


def timed(args):
    t = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, f"roles-{N}.yaml")
        with open(path, "w") as f:
            f.write(template(N))
        scan = min(timed([BIN, "scan", "--format", "json", "-o", os.devnull, path]) for _ in range(3))
        print(f"scan of {N} roles ({4 * N} statements, all rules): {scan * 1000:.0f} ms")
        for who, action, res in [(f"Role{N // 2}", "s3:GetObject", f"arn:aws:s3:::bucket-{N // 2}/k"),
                                 (f"Role{N - 1}", "iam:PassRole", None)]:
            args = [BIN, "iam", "can", who, action] + ([res] if res else []) + [path]
            t = min(timed(args) for _ in range(5))
            print(f"iam can {who} {action}: {t * 1000:.0f} ms (load, parse, lower, evaluate)")


if __name__ == "__main__":
    main()
