# Korean finding messages of the `eks` rules: the ids and variables of messages.en.ftl,
# in its order.

eks-control-plane-logging-cluster-enables = EKS 클러스터 `{ $cluster }`에서 컨트롤 플레인 로그를 하나도 활성화하지 않음
eks-control-plane-logging-cluster-enable = EKS 클러스터 `{ $cluster }`에서 { $missing } 컨트롤 플레인 로그를 활성화하지 않음
eks-nodegroup-ssh-open-node-group = 노드 그룹 `{ $group }`에 SSH 키가 있고 SourceSecurityGroups가 없음: 포트 22가 0.0.0.0/0에 개방됨
eks-public-endpoint-cluster-api = EKS 클러스터 `{ $cluster }`의 퍼블릭 API 엔드포인트가 0.0.0.0/0에 개방됨(PublicAccessCidrs 없음)
eks-public-endpoint-cluster-api-2 = EKS 클러스터 `{ $cluster }`의 퍼블릭 API 엔드포인트가 모든 주소를 허용함
eks-secrets-encryption-cluster-encryptionconfig = EKS 클러스터 `{ $cluster }`에 EncryptionConfig가 없음: 시크릿이 봉투 암호화되지 않음
eks-secrets-encryption-encryptionconfig-cluster = EKS 클러스터 `{ $cluster }`의 EncryptionConfig에서 `secrets`를 KMS 키로 암호화하지 않음
