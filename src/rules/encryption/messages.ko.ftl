# Korean finding messages of the `encryption` rules: the ids and variables of messages.en.ftl,
# in its order.

ebs-volume-encryption-unset-set-encrypted = EBS 볼륨 `{ $volume }`에 { $source_name } 설정이 없음: 계정의 EBS 기본 암호화가 켜져 있을 때만 암호화되며, 누군가 직접 켜지 않았다면 꺼져 있음
encryption-encrypted-off = { $kind } `{ $name }`: { $what } 암호화되지 않음({ $source_name } 꺼짐 또는 미설정)
redshift-tls-not-required-cluster-set = Redshift 클러스터 `{ $cluster }`에 { $parameter_group_source_name } 설정이 없음(기본 파라미터 그룹은 require_ssl을 false로 둠): TLS 없는 연결이 허용됨
redshift-tls-not-required-cluster-leaves = Redshift 클러스터 `{ $cluster }`에서 require_ssl을 false로 두는 기본 파라미터 그룹 `{ $name }`을(를) 사용함: TLS 없는 연결이 허용됨
redshift-tls-not-required-parameter-group = 파라미터 그룹 `{ $group }`(Redshift 클러스터 `{ $cluster }`에서 사용)에서 require_ssl을 `{ $v }`(으)로 설정함: TLS 없는 연결이 허용됨
redshift-tls-not-required-parameter-group-2 = 파라미터 그룹 `{ $group }`(Redshift 클러스터 `{ $cluster }`에서 사용)에 require_ssl 설정이 없음(기본값 false): TLS 없는 연결이 허용됨
redshift-tls-not-required-uses-parameter = `{ $name }`에서 이 파라미터 그룹을 사용함
ebs-encryption-by-default-off-region = EBS 기본 암호화가 꺼져 있음(`{ $id }`)
