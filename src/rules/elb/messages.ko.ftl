# Korean finding messages of the `elb` rules: the ids and variables of messages.en.ftl,
# in its order.

alb-http-without-redirect-listener-serves = 리스너 `{ $listener }`에서 HTTP를 제공하며 HTTPS로 리디렉션하는 기본 작업을 선언하지 않음
alb-http-without-redirect-listener-serves-2 = 리스너 `{ $listener }`에서 HTTPS로 리디렉션하지 않고 HTTP를 제공함
alb-tls-policy-outdated-listener-sets = 리스너 `{ $listener }`에 SslPolicy가 설정되지 않아 TLS 1.2 이전 버전을 허용하는 기본 정책 { $default_policy }이(가) 적용됨
alb-tls-policy-outdated-listener-uses = 리스너 `{ $listener }`에서 TLS 1.2 이전 버전을 허용하는 { $p } 정책을 사용함
alb-tls-policy-outdated-load-balancer = 로드 밸런서 `{ $balancer }`의 정책 `{ $name }`에서 { $k } 값을 { $v }(으)로 설정하여 TLS 1.2 이전 프로토콜을 허용함
classic-plaintext-listener-internet-facing = 인터넷 경계 로드 밸런서 `{ $balancer }`에서 TLS 없는 평문 { $proto }{ $port } 연결을 허용함
classic-plaintext-listener-on-port = {" "}(포트 { $port })
