#!/usr/bin/env python3
"""Writes a synthetic CloudFormation template for benchmarking the reachability analysis.

Usage: gen-network-template.py SUBNETS GROUPS INSTANCES > template.yaml

Half the subnets are public (route to the internet gateway, public IPs on launch), half
private (route to a NAT gateway); every tenth subnet has its own network ACL with a few
numbered entries. Groups open a mix of 22, 443, 8080 and 5432 to the world or to another
group; instances spread over the subnets with one or two groups each. A load balancer
forwards to the first 50 instances and a database sits in the private subnets.
"""
import sys


def main():
    subnets, groups, instances = (int(a) for a in sys.argv[1:4])
    o = []
    w = o.append
    w('AWSTemplateFormatVersion: "2010-09-09"')
    w("Resources:")
    w("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/8")
    w("  Igw:\n    Type: AWS::EC2::InternetGateway")
    w("  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n      VpcId: !Ref Vpc\n      InternetGatewayId: !Ref Igw")
    w("  PublicRt:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc")
    w("  PublicRoute:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PublicRt\n"
      "      DestinationCidrBlock: 0.0.0.0/0\n      GatewayId: !Ref Igw")
    w("  NatIp:\n    Type: AWS::EC2::EIP\n    Properties:\n      Domain: vpc")
    w("  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      AllocationId: !GetAtt NatIp.AllocationId\n      SubnetId: !Ref Subnet0")
    w("  PrivateRt:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc")
    w("  PrivateRoute:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PrivateRt\n"
      "      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat")
    for s in range(subnets):
        public = s % 2 == 0
        w(f"  Subnet{s}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
          f"      CidrBlock: 10.{s // 256}.{s % 256}.0/24\n      MapPublicIpOnLaunch: {'true' if public else 'false'}")
        w(f"  Subnet{s}Rt:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n"
          f"      SubnetId: !Ref Subnet{s}\n      RouteTableId: !Ref {'PublicRt' if public else 'PrivateRt'}")
        if s % 10 == 0:
            w(f"  Acl{s}:\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n      VpcId: !Ref Vpc")
            w(f"  Acl{s}Assoc:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties:\n"
              f"      SubnetId: !Ref Subnet{s}\n      NetworkAclId: !Ref Acl{s}")
            entries = [(90, "6", "deny", False, (22, 22)), (100, "6", "allow", False, (0, 65535)),
                       (100, "6", "allow", True, (1024, 65535)), (110, "-1", "allow", True, None)]
            for i, (n, proto, action, egress, ports) in enumerate(entries):
                pr = f"\n      PortRange: {{From: {ports[0]}, To: {ports[1]}}}" if ports else ""
                w(f"  Acl{s}E{i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl{s}\n"
                  f"      RuleNumber: {n}\n      Protocol: {proto}\n      RuleAction: {action}\n"
                  f"      Egress: {'true' if egress else 'false'}\n      CidrBlock: 0.0.0.0/0{pr}")
    ports = [22, 443, 8080, 5432]
    for g in range(groups):
        port = ports[g % len(ports)]
        src = "CidrIp: 0.0.0.0/0" if g % 3 else f"SourceSecurityGroupId: !Ref Sg{(g + 1) % groups}"
        w(f"  Sg{g}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g{g}\n      VpcId: !Ref Vpc\n"
          "      SecurityGroupIngress:\n"
          f"        - {{IpProtocol: tcp, FromPort: {port}, ToPort: {port}, {src}, Description: d}}\n"
          f"        - {{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8, Description: d}}")
    for i in range(instances):
        sgs = f"!Ref Sg{i % groups}" + (f", !Ref Sg{(i * 7) % groups}" if i % 2 else "")
        w(f"  Instance{i}:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n"
          f"      SubnetId: !Ref Subnet{i % subnets}\n      SecurityGroupIds: [{sgs}]")
    w("  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n"
      "      Subnets: [!Ref Subnet0, !Ref Subnet2]\n      SecurityGroups: [!Ref Sg1]")
    w("  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Lb\n"
      "      Port: 443\n      Protocol: HTTPS\n      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]")
    targets = ", ".join(f"{{Id: !Ref Instance{i}}}" for i in range(min(50, instances)))
    w(f"  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      Port: 8080\n"
      f"      Protocol: HTTP\n      VpcId: !Ref Vpc\n      Targets: [{targets}]")
    w("  DbSubnets:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties:\n      DBSubnetGroupDescription: db\n"
      "      SubnetIds: [!Ref Subnet1, !Ref Subnet3]")
    w("  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n"
      "      DBSubnetGroupName: !Ref DbSubnets\n      VPCSecurityGroups: [!Ref Sg3]")
    print("\n".join(o))


if __name__ == "__main__":
    main()
