# PAL-EKS-001
eks-secrets-encryption = EKS 클러스터가 Kubernetes 시크릿을 KMS 키로 암호화하지 않음
    .description = EKS는 Kubernetes 시크릿을 etcd에 저장합니다. 봉투 암호화는 각 시크릿을 데이터 키로 암호화하고 그 데이터 키를 다시 고객의 KMS 키로 암호화하므로, etcd 사본(백업, 스냅샷)을 얻더라도 키에 대한 접근 권한 없이는 아무것도 알 수 없으며 모든 복호화가 CloudTrail에 기록됩니다.
    .remediation = `Resources: [secrets]`와 고객 관리형 KMS 키(교체 활성화)로 설정된 `Provider.KeyArn`을 지정한 `EncryptionConfig`를 추가하십시오.

# PAL-EKS-002
eks-public-endpoint = EKS API 서버 엔드포인트가 인터넷 전체에 개방됨
    .description = 기본적으로 EKS API 서버에는 `0.0.0.0/0`에서 접근할 수 있는 퍼블릭 엔드포인트가 있습니다. 인증은 여전히 적용되지만, 엔드포인트가 크리덴셜 스터핑, 유출된 kubeconfig 또는 IAM 키, 그리고 API 서버 자체의 취약점에 노출됩니다. `EndpointPublicAccess`(기본값 `true`)와 `PublicAccessCidrs`(기본값 `0.0.0.0/0`)를 모두 고려합니다.
    .remediation = `ResourcesVpcConfig`에서 `EndpointPrivateAccess: true`와 `EndpointPublicAccess: false`를 설정하고 VPC를 통해(VPN, 배스천 호스트, VPC 내 CI 러너) API에 접근하십시오. 또는 퍼블릭 엔드포인트를 유지하되 `PublicAccessCidrs`를 자체 주소 범위로 제한하십시오.

# PAL-EKS-003
eks-control-plane-logging = EKS 컨트롤 플레인 로깅에 api, audit 또는 authenticator 로그가 빠져 있음
    .description = 컨트롤 플레인 로그는 기본적으로 꺼져 있습니다. 감사(audit) 로그는 Kubernetes API를 통해 누가 무엇을 했는지 기록하고, 인증자(authenticator) 로그는 IAM 자격 증명을 Kubernetes 사용자에 매핑하며, API 로그는 요청과 그 결과를 기록합니다. 이 로그가 없으면 클러스터에서 발생한 사고를 재구성할 수 없습니다.
    .remediation = 최소한 `api`, `audit`, `authenticator`를 포함하는 `Logging.ClusterLogging.EnabledTypes`를 추가하고(`controllerManager`와 `scheduler`는 문제 해결에 도움이 됩니다), `/aws/eks/<cluster>/cluster` 로그 그룹에 보존 기간을 설정하십시오.

# PAL-EKS-004
eks-nodegroup-ssh-open = EKS 노드 그룹이 인터넷 전체에서의 SSH를 허용함
    .description = 관리형 노드 그룹에 `RemoteAccess.Ec2SshKey`가 있고 `SourceSecurityGroups`가 없으면 EKS는 노드의 포트 22를 `0.0.0.0/0`에 개방합니다. 노드에는 kubelet의 자격 증명과 모든 파드의 시크릿이 있으므로 어디에서도 SSH로 접근할 수 있어서는 안 됩니다.
    .remediation = `RemoteAccess`를 제거하고 SSM Session Manager로 노드에 접속하거나, 접속을 허용할 보안 그룹을 `RemoteAccess.SourceSecurityGroups`에 나열하십시오.
