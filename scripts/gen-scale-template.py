#!/usr/bin/env python3
"""Writes one input (compact JSON, to stay under the 8 MB file limit) with N items of one
family, for timing how a scan grows with the size of its input.

Usage: scripts/gen-scale-template.py FAMILY N OUT
  buckets    N buckets; every tenth logs to one of N/100 log buckets; a bucket policy per 50
  sgs        N security groups; every tenth admits the previous one; a standalone ingress rule
             per 20
  instances  N instances, every other one in one of N/100 subnets, every tenth with one of N/100
             security groups; a database per 100 in a subnet group; a load balancer with a
             listener and a target group per 200
  statements an IAM policy file of N statements mixing literal actions, `service:Prefix*`,
             `*Suffix`, `?` and wildcard services, with Action and NotAction
  pattern    an IAM policy file whose one statement has a single action pattern of N
             characters (wildcards between letters, no literal service)
  upattern   the same with a non-ASCII letter
"""
import json
import sys


def ref(x):
    return {"Ref": x}


def buckets(n, r):
    logs = max(1, n // 100)
    for i in range(logs):
        r[f"L{i}"] = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": f"l{i}"}}
    for i in range(n - logs):
        p = {}
        if i % 10 == 0:
            dest = ref(f"L{i % logs}") if i % 20 == 0 else f"l{i % logs}"
            p["LoggingConfiguration"] = {"DestinationBucketName": dest}
        r[f"B{i}"] = {"Type": "AWS::S3::Bucket", "Properties": p} if p else {"Type": "AWS::S3::Bucket"}
        if i % 50 == 0:
            r[f"P{i}"] = {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": ref(f"B{i}"), "PolicyDocument": {
                "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
                               "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}


def sgs(n, r):
    r["V"] = {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}
    for i in range(n):
        r[f"G{i}"] = {"Type": "AWS::EC2::SecurityGroup"}
        if i % 10 == 1:
            r[f"G{i}"]["Properties"] = {"VpcId": ref("V"), "SecurityGroupIngress": [{
                "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "SourceSecurityGroupId": ref(f"G{i - 1}")}]}
        if i % 20 == 0:
            r[f"R{i}"] = {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
                "GroupId": ref(f"G{i}"), "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}}


def instances(n, r):
    k = max(1, n // 100)
    r["V"] = {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/8"}}
    r["W"] = {"Type": "AWS::EC2::InternetGateway"}
    r["A"] = {"Type": "AWS::EC2::VPCGatewayAttachment", "Properties": {"VpcId": ref("V"), "InternetGatewayId": ref("W")}}
    r["T"] = {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": ref("V")}}
    r["D"] = {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": ref("T"), "DestinationCidrBlock": "0.0.0.0/0",
                                                          "GatewayId": ref("W")}}
    for j in range(k):
        r[f"S{j}"] = {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": ref("V"), "CidrBlock": f"10.{j // 256 % 256}.{j % 256}.0/24", "MapPublicIpOnLaunch": j % 2 == 0}}
        if j % 2 == 0:
            r[f"Z{j}"] = {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {
                "SubnetId": ref(f"S{j}"), "RouteTableId": ref("T")}}
        r[f"G{j}"] = {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "g", "VpcId": ref("V"),
            "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22 if j % 3 == 0 else 443,
                                      "ToPort": 22 if j % 3 == 0 else 443, "CidrIp": "0.0.0.0/0"}]}}
    for i in range(n):
        r[f"I{i}"] = {"Type": "AWS::EC2::Instance"}
        if i % 2 == 0:
            r[f"I{i}"]["Properties"] = {"SubnetId": ref(f"S{i % k}")}
        if i % 10 == 0:
            r[f"I{i}"]["Properties"]["SecurityGroupIds"] = [ref(f"G{i % k}")]
        if i % 100 == 0:
            r[f"N{i}"] = {"Type": "AWS::RDS::DBSubnetGroup", "Properties": {
                "DBSubnetGroupDescription": "d", "SubnetIds": [ref(f"S{i % k}"), ref(f"S{(i + 1) % k}")]}}
            r[f"M{i}"] = {"Type": "AWS::RDS::DBInstance", "Properties": {
                "Engine": "mysql", "DBSubnetGroupName": ref(f"N{i}"), "VPCSecurityGroups": [ref(f"G{i % k}")],
                "PubliclyAccessible": True}}
        if i % 200 == 0:
            r[f"E{i}"] = {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
                "Subnets": [ref(f"S{i % k}")], "SecurityGroups": [ref(f"G{i % k}")]}}
            r[f"H{i}"] = {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {
                "LoadBalancerArn": ref(f"E{i}"), "Port": 80, "Protocol": "HTTP",
                "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(f"Q{i}")}]}}
            r[f"Q{i}"] = {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
                "Port": 80, "Protocol": "HTTP", "VpcId": ref("V"), "Targets": [{"Id": ref(f"I{i}")}]}}


ACTIONS = ["s3:GetObject", "s3:Put*", "*Object", "ec2:Describe*", "iam:PassRole", "dynamodb:*Item", "kms:Decrypt",
           "lambda:Invoke?unction", "s*:List*", "*:Get*Policy", "sqs:SendMessage", "logs:*", "sts:AssumeRole",
           "ecs:Run*", "cloudformation:Create*", "s3:getobjectacl", "ssm:GetParameter*", "*"]


def statements(n):
    out = []
    for i in range(n):
        acts = [ACTIONS[(i * 7 + k) % (len(ACTIONS) - 1)] for k in range(3)]
        st = {"Effect": "Deny" if i % 10 == 9 else "Allow", "Resource": "*" if i % 3 else f"arn:aws:s3:::b{i}/*"}
        st["NotAction" if i % 25 == 24 else "Action"] = acts
        out.append(st)
    return {"Version": "2012-10-17", "Statement": out}


def pattern(n, piece="*a?"):
    p = (piece * (n // len(piece) + 1))[:n - 1] + "z"
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": p, "Resource": "*"}]}


def main():
    family, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if family in ("statements", "pattern", "upattern"):
        with open(out, "w", encoding="utf-8") as f:
            doc = {"statements": statements, "pattern": pattern, "upattern": lambda n: pattern(n, "*\u00e9?")}[family](n)
            json.dump(doc, f, separators=(",", ":"), ensure_ascii=False)
        return
    r = {}
    {"buckets": buckets, "sgs": sgs, "instances": instances}[family](n, r)
    with open(out, "w") as f:
        json.dump({"AWSTemplateFormatVersion": "2010-09-09", "Resources": r}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
