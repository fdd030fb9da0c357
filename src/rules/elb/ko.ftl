# PAL-ELB-001
alb-http-without-redirect = 로드 밸런서 리스너가 HTTPS로 리디렉션하지 않고 암호화되지 않은 HTTP를 제공함
    .description = 암호화되지 않은 HTTP에서 대상으로 요청을 전달하는 리스너는 쿠키, 토큰, 양식 데이터를 평문으로 전송하므로 경로상의 누구나 이를 읽고 수정할 수 있습니다. HTTPS로 리디렉션하기 위해서만 포트 80을 열어 두는 것은 괜찮지만, 이 포트에서 요청을 전달하는 것은 안 되며, 기본 작업을 선언하지 않은 리스너도 마찬가지입니다(나중에 추가되는 규칙이 요청에 평문으로 응답하게 됩니다).
    .remediation = 인증서가 있는 `HTTPS` 리스너에서 애플리케이션을 제공하고, 포트 80 리스너의 기본 작업을 `RedirectConfig: {"{"}Protocol: HTTPS, Port: '443', StatusCode: HTTP_301{"}"}`이 지정된 `Type: redirect`로 설정하십시오.

# PAL-ELB-002
alb-tls-policy-outdated = 로드 밸런서 TLS 정책이 TLS 1.0 또는 1.1을 허용함
    .description = TLS 1.0과 1.1은 더 이상 사용되지 않습니다(RFC 8996). 취약한 해시 구성과 암호 그룹에 의존하며, 최신 브라우저와 PCI DSS 같은 규정 준수 표준에서 거부됩니다. 이를 여전히 제공하는 정책은 해당 프로토콜로의 다운그레이드를 허용합니다. `SslPolicy`가 없는 HTTPS 또는 TLS 리스너에는 TLS 1.0과 1.1을 제공하는 `ELBSecurityPolicy-2016-08`이 적용되므로 정책을 명시적으로 설정하십시오. Classic Load Balancer의 경우, `SSLNegotiationPolicyType` 정책의 `Reference-Security-Policy`가 이전의 사전 정의된 정책이거나 `Protocol-SSLv3`, `Protocol-TLSv1` 또는 `Protocol-TLSv1.1`을 활성화하면 보고합니다.
    .remediation = `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06`(순방향 보안을 갖춘 TLS 1.3 및 1.2)을 사용하거나, FIPS가 요구되는 경우 `ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04`를 사용하십시오. Classic Load Balancer에서는 SSL 협상 정책의 `Reference-Security-Policy`를 `ELBSecurityPolicy-TLS-1-2-2017-01`로 지정하고, `Protocol-SSLv3`, `Protocol-TLSv1`, `Protocol-TLSv1.1` 속성을 `true`로 설정하지 마십시오.

# PAL-ELB-003
classic-plaintext-listener = 인터넷 경계 Classic Load Balancer가 암호화되지 않은 HTTP 또는 TCP를 허용함
    .description = Classic Load Balancer는 리디렉션을 할 수 없습니다. 인터넷 경계 로드 밸런서의 `HTTP` 또는 `TCP` 리스너는 클라이언트가 보내는 내용을 평문으로 전달하므로, 쿠키, 토큰, 양식 데이터가 전송 도중에 읽히거나 변경될 수 있습니다. TLS를 인스턴스까지 그대로 통과시키는 포트 443의 `TCP` 리스너와 내부 로드 밸런서는 보고하지 않습니다.
    .remediation = 리스너에 `SSLCertificateId`와 함께 `Protocol: HTTPS`(또는 `SSL`)를 지정하고 암호화되지 않은 리스너를 제거하십시오. 더 나은 방법은 포트 80 리스너가 HTTPS로 리디렉션할 수 있는 Application Load Balancer로 전환하는 것입니다.
