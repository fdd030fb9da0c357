# PAL-EC2-001
sg-ingress-admin-ports-open = 보안 그룹이 인터넷에서의 SSH 또는 RDP를 허용함
    .description = SSH(22)와 RDP(3389)는 인스턴스의 대화형 셸 또는 데스크톱을 제공합니다. `0.0.0.0/0` 또는 `::/0`에 개방되면 인터넷 전역을 대상으로 하는 스캐너에 몇 분 안에 발견되고, 이후 끊임없는 암호 추측 공격과 데몬의 패치되지 않은 취약점 악용에 노출됩니다. 이 규칙은 포트 범위에 22 또는 3389가 포함되고 전 세계에 개방된 모든 tcp/udp 규칙을 보고합니다(모든 포트를 여는 규칙은 대신 PAL-EC2-004가 보고합니다).
    .remediation = 포트 22/3389의 `CidrIp: 0.0.0.0/0`(또는 `CidrIpv6: ::/0`)을 관리 네트워크 또는 VPN의 CIDR이나 배스천 호스트 그룹의 `SourceSecurityGroupId`로 바꾸십시오. 더 나은 방법은 규칙을 제거하고 인바운드 포트가 전혀 필요 없는 AWS Systems Manager Session Manager로 인스턴스에 접속하는 것입니다.

# PAL-EC2-002
sg-ingress-database-ports-open = 보안 그룹이 인터넷에서의 데이터베이스 포트 접근을 허용함
    .description = 데이터베이스, 캐시, 검색 엔진에는 공격자가 노리는 데이터가 있으며, 일부(Redis, Memcached, Elasticsearch, 이전 기본 설정의 MongoDB)는 인증 없이 연결을 허용합니다. 해당 포트를 전 세계에 여는 규칙은 자격 증명 한 번의 추측만으로, 또는 추측 없이도 침해가 가능한 상태를 만듭니다. 검사하는 포트: 1433(SQL Server), 1521(Oracle), 3306(MySQL/MariaDB/Aurora), 5432(PostgreSQL), 5439(Redshift), 5984(CouchDB), 6379(Redis), 7000-7001 및 9042(Cassandra), 8086(InfluxDB), 9200 및 9300(Elasticsearch/OpenSearch), 11211(Memcached), 27017(MongoDB), 50000(Db2). SSH 또는 RDP도 포함하는 범위는 PAL-EC2-001이 보고합니다.
    .remediation = 데이터베이스 포트는 애플리케이션 계층의 보안 그룹(`SourceSecurityGroupId: !Ref AppSecurityGroup`) 또는 프라이빗 CIDR에서만 허용하고, 데이터베이스는 프라이빗 서브넷에 두십시오. 데이터베이스 포트에 `CidrIp: 0.0.0.0/0` 또는 `CidrIpv6: ::/0`을 절대 사용하지 마십시오.

# PAL-EC2-003
sg-ingress-open-to-world = 보안 그룹이 인터넷에서의 80/443 이외 포트 접근을 허용함
    .description = 인터넷 전체에서 들어올 것으로 예상되는 트래픽은 웹 트래픽(80 및 443)뿐입니다. 그 밖의 포트를 `0.0.0.0/0` 또는 `::/0`에 개방하면 보통 알려진 클라이언트만을 위한 서비스(애플리케이션 포트, 관리 인터페이스, 메시지 브로커)가 노출되어 아무런 이점 없이 공격 표면이 넓어집니다. 범위에 관리 포트나 데이터베이스 포트, 또는 모든 포트가 포함된 규칙은 PAL-EC2-001, PAL-EC2-002, PAL-EC2-004가 보고합니다. ICMP 규칙은 보고하지 않으며, 인터넷 경계 로드 밸런서의 보안 그룹에서 리스너 포트만 정확히 여는 규칙도 보고하지 않습니다. 이러한 포트를 인터넷에 제공하는 것이 로드 밸런서의 역할이기 때문입니다.
    .remediation = 규칙의 `CidrIp`/`CidrIpv6`를 해당 포트가 필요한 네트워크로 제한하거나, 호출하는 계층의 보안 그룹을 참조하십시오. 서비스는 80/443에서 수신하는 로드 밸런서를 통해 인터넷에 게시하고 인스턴스 포트는 비공개로 유지하십시오.

# PAL-EC2-004
sg-ingress-all-open = 보안 그룹이 인터넷에서의 모든 트래픽을 허용함
    .description = `0.0.0.0/0` 또는 `::/0`에서 들어오는 `IpProtocol: -1`(모든 프로토콜), 포트가 없거나 포트가 `-1`인 tcp/udp 규칙, 또는 모든 포트(0/1-65535)를 포함하는 범위는 보안 그룹을 사실상 무력화합니다. 외부에서 접근할 의도가 전혀 없던 서비스를 포함하여 인스턴스에서 수신 대기하는 모든 서비스가 인터넷에 노출됩니다.
    .remediation = 규칙을 제거하고, 리소스가 실제로 제공하는 서비스마다 규칙을 하나씩 추가하십시오. 각 규칙에는 프로토콜(`tcp`/`udp`), 정확한 `FromPort`/`ToPort`, 가장 좁은 소스(`SourceSecurityGroupId`, 접두사 목록 또는 특정 CIDR)를 지정합니다.

# PAL-EC2-005
sg-egress-all-open = 보안 그룹이 인터넷으로의 모든 아웃바운드 트래픽을 명시적으로 허용함
    .description = 모든 프로토콜(또는 모든 포트)에 대해 `0.0.0.0/0` 또는 `::/0`으로 향하는 아웃바운드 규칙은 침해된 인스턴스가 어디로든 데이터를 보내고 어떤 명령 및 제어(C2) 서버에도 접속할 수 있게 합니다. 범위를 좁힌 아웃바운드 규칙은 침입 이후에도 효과가 있는 몇 안 되는 제어 중 하나입니다. `SecurityGroupEgress`를 전혀 선언하지 않은 그룹에도 AWS가 기본적으로 동일한 전체 허용 규칙을 적용하지만, 템플릿에 작성된 결정은 명시적인 규칙뿐이므로(그리고 많은 템플릿이 아웃바운드 트래픽 제어를 중앙 방화벽에 맡기므로) 이러한 그룹은 보고하지 않습니다.
    .remediation = 모든 트래픽을 허용하는 아웃바운드 규칙을 워크로드에 필요한 대상에 대한 규칙으로 바꾸십시오: S3/DynamoDB 게이트웨이 엔드포인트에는 `DestinationPrefixListId`, 인터페이스 VPC 엔드포인트와 데이터베이스에는 `DestinationSecurityGroupId`, 그 밖의 대상에는 특정 CIDR과 포트(예: 프록시로의 tcp 443)를 사용합니다.

# PAL-EC2-006
sg-rule-description = 보안 그룹 규칙에 설명이 없음
    .description = 설명이 없는 규칙은 검토할 수 없습니다. 규칙이 여전히 필요한지, 누가 요청했는지, 소스가 올바른지 아무도 알 수 없으므로 오래되고 지나치게 넓은 규칙이 쌓입니다. 설명은 콘솔과 API에서 규칙 옆에 표시됩니다.
    .remediation = `SecurityGroupIngress`/`SecurityGroupEgress`의 모든 규칙과 모든 `AWS::EC2::SecurityGroupIngress`/`Egress` 리소스에 `Description`을 추가하여, 규칙이 누구 또는 무엇의 인바운드 또는 아웃바운드를 허용하는지와 그 이유를 적으십시오(예: `HTTPS from the public load balancer`).

# PAL-EC2-007
nacl-admin-ports-open = 네트워크 ACL이 인터넷에서의 SSH 또는 RDP를 허용함
    .description = 네트워크 ACL은 심층 방어의 서브넷 수준 계층으로, 서브넷의 어떤 인스턴스도 받을 필요가 없는 트래픽을 차단해야 합니다. `0.0.0.0/0` 또는 `::/0`에서 들어오는 인바운드 `allow` 항목 중 프로토콜이 전체(`-1`) 또는 tcp(`6`)이고 포트 범위에 22 또는 3389가 포함된 항목은 원격 관리 접근 통제를 보안 그룹에만 맡깁니다. 같은 ACL에서 번호가 더 낮은(먼저 평가되는) 거부 항목이 이미 모든 곳에서 해당 포트를 차단하지 않는 한 보고합니다. 다음은 보고하지 않습니다: `PortRange`가 없는 tcp 항목, 그리고 응답 트래픽을 위한 임시 포트의 tcp 범위(1024 이상에서 시작하여 65535에서 끝나는 범위로, 예를 들어 `1024-65535`는 3389를 포함합니다). 네트워크 ACL은 상태 비저장이므로 서브넷이 시작한 연결의 응답을 받으려면 이러한 항목이 필요하며, RDP에 접근할 수 있는지는 상태 저장 방식인 보안 그룹이 결정합니다.
    .remediation = 항목의 `CidrBlock`/`Ipv6CidrBlock`을 관리 네트워크로 좁히거나, `0.0.0.0/0`(및 `::/0`)에서 들어오는 tcp 22 및 3389에 대해 더 낮은 `RuleNumber`를 가진 `RuleAction: deny` 항목을 추가하여, 보안 그룹이 실수로 개방되더라도 서브넷 계층에서 인터넷으로부터의 원격 관리 접근을 차단하도록 하십시오.

# PAL-EC2-008
vpc-flow-logs = VPC에 흐름 로그가 없음
    .description = VPC 흐름 로그는 VPC에서 수락되거나 거부된 모든 연결의 소스, 대상, 포트, 바이트를 기록합니다. 흐름 로그가 없으면 어떤 호스트가 어떤 호스트와 통신했는지에 대한 기록이 없으므로 스캐닝, 측면 이동, 데이터 유출을 탐지하거나 사후에 조사할 수 없습니다. 서브넷 또는 인터페이스 수준의 흐름 로그는 VPC 전체를 포함하지 않습니다. `ResourceId`가 리터럴 ID(`vpc-...`)인 흐름 로그는 템플릿의 VPC가 아닌 이미 존재하는 VPC를 기록합니다. 흐름 로그가 결정할 수 없는 리소스(가져온 값, 기본값이 없는 파라미터)를 참조하면 어떤 VPC도 보고하지 않습니다.
    .remediation = `ResourceType: VPC`, `ResourceId: !Ref MyVPC`, `TrafficType: ALL`과 대상을 지정한 `AWS::EC2::FlowLog`를 추가하십시오. 대상은 버킷 ARN과 함께 `LogDestinationType: s3`를 지정하거나, `LogGroupName` 및 `DeliverLogsPermissionArn`과 함께 `cloud-watch-logs`를 지정합니다.

# PAL-EC2-009
vpc-peering-route-too-wide = 라우팅이 모든 트래픽을 VPC 피어링 연결로 보냄
    .description = 피어링 연결은 흔히 서로 다른 팀, 환경 또는 계정에 속한 두 VPC를 연결합니다. 피어링 연결로 향하는 `0.0.0.0/0` 또는 `::/0` 라우팅은 더 구체적인 라우팅이 없는 모든 패킷을 피어로 보냅니다. 인터넷이나 다른 네트워크로 가야 할 트래픽이 피어 VPC에 도달하고, 피어 VPC는 이를 보고 응답할 수 있습니다. 각 측이 필요한 대상에만 정확히 도달하도록, 피어링 라우팅에는 피어의 CIDR 블록만 지정해야 합니다(가이드의 최소 권한 네트워크 분리 원칙).
    .remediation = 피어 VPC의 CIDR 블록(또는 워크로드에 필요한 서브넷)만 피어링 연결로 라우팅하고(예: `DestinationCidrBlock: 10.1.0.0/16`, Terraform: `destination_cidr_block`), 기본 라우팅은 이 VPC의 인터넷 게이트웨이 또는 NAT 게이트웨이로 유지하십시오.

# PAL-EC2-010
ebs-snapshot-public = 모든 AWS 계정과 공유된 EBS 스냅샷
    .description = `createVolumePermission`에 `all` 그룹이 포함된 스냅샷은 공개 상태입니다. 어떤 AWS 계정이든 이 스냅샷으로 볼륨을 만들어 디스크와 그 안의 파일, 키, 데이터베이스 파일을 읽을 수 있습니다. 공개 EBS 스냅샷은 자격 증명과 데이터 유출의 반복적인 원인입니다.
    .remediation = 공개 권한을 제거하고(`aws ec2 modify-snapshot-attribute --snapshot-id ID --attribute createVolumePermission --operation-type remove --group-names all`) 필요한 계정에만 ID로 스냅샷을 공유하십시오. 리전의 스냅샷 퍼블릭 액세스 차단을 켜십시오(`aws ec2 enable-snapshot-block-public-access`).
