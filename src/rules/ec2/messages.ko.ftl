# Korean finding messages of the `ec2` rules: the ids and variables of messages.en.ftl,
# in its order.

ec2-reachable-internet = 인터넷에서 { $port_text }(으)로 접근 가능: { $path_text }
ec2-reachable = `{ $id }` { $port_text }에 접근할 수 없음: { $text }
ec2-allows-internet = { $subject }: 인터넷({ $cidr_text })에서의 { $what } 허용
nacl-admin-ports-open-network-acl = 네트워크 ACL 항목 `{ $entry }`{ $acl }: 인터넷({ $cidr_text })에서의 { $open } 허용
vpc-peering-route-too-wide-sends-all = 라우팅 `{ $route }`에서 모든 트래픽({ $d })을 VPC 피어링 연결 `{ $name }`(으)로 보냄: 피어의 CIDR 블록만 라우팅하십시오
sg-egress-all-open-allows-anywhere = { $subject }: 모든 대상({ $cidr_text })으로의 { $what } 허용: 침해된 호스트가 데이터를 유출하거나 명령 및 제어 서버에 접속할 수 있음. 아웃바운드 트래픽을 필요한 대상(VPC 엔드포인트, 접두사 목록, 특정 CIDR 및 포트)으로 제한하십시오
sg-ingress-all-open-allows-internet = { $subject }: 인터넷({ $cidr_text })에서의 { $what } 허용
sg-ingress-open-to-world-allows-internet = { $subject }: 인터넷({ $cidr_text })에서의 { $ports } 허용
sg-rule-description-message = { $rule_name }({ $ports })에 Description이 없음
sg-rule-description-empty = { $rule_name }({ $ports })의 Description이 비어 있음
vpc-flow-logs-log-aws = VPC `{ $vpc }`에 흐름 로그가 없음(이 VPC를 참조하는 AWS::EC2::FlowLog가 없음)
ec2-port-range = 포트 범위
nacl-admin-ports-open-port-range = 포트 범위
sg-ingress-open-to-world-port-range = 포트 범위
ec2-reachable-suffix = ; 인터넷에서 접근 가능: { $names }
ec2-unreachable-suffix = ; 인터넷에서 접근할 수 없음: `{ $name }`: { $why }
ec2-security-group = 보안 그룹 `{ $group }`
ec2-security-group-outside = 템플릿 외부의 보안 그룹
ec2-ingress-rule-of = { $group }의 인바운드 규칙 `{ $rule }`
ec2-egress-rule-of = { $group }의 아웃바운드 규칙 `{ $rule }`
ec2-an-ingress-rule-of = { $group }의 인바운드 규칙
ec2-an-egress-rule-of = { $group }의 아웃바운드 규칙
ebs-snapshot-public-all = 모든 AWS 계정이 스냅샷 `{ $snapshot }`을(를) 복원할 수 있음
