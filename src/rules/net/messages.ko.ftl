# Korean finding messages of the `net` rules: the ids and variables of messages.en.ftl,
# in its order.

net-reachable-internet = { $target }: 인터넷에서 { $port_text }(으)로 접근 가능{ $via }{ $why }: { $path_text }
net-message = { $kind }: { $text }
net-via-lb = {" "}(로드 밸런서 `{ $lb }` 경유)
net-hop-public-address = 퍼블릭 주소
net-hop-route = 라우트
net-hop-nacl-inbound = 네트워크 ACL 인바운드
net-hop-nacl-outbound = 네트워크 ACL 아웃바운드
net-hop-security-group = 보안 그룹
net-hop-load-balancer = 로드 밸런서
net-hop-placement = 배치
net-admin-ports = {" "}({ $ports })
