# PAL-CLOUDFRONT-001
cloudfront-viewer-protocol-allow-all = CloudFront 캐시 동작이 뷰어에게 암호화되지 않은 HTTP로 콘텐츠를 제공함
    .description = `ViewerProtocolPolicy: allow-all`은 암호화되지 않은 HTTP 요청에도 응답합니다. 페이지, 쿠키, 토큰이 뷰어와 엣지 사이에서 평문으로 전송되므로 경로상의 누구나 이를 읽거나 변조(스크립트 삽입, 보안 헤더 제거)할 수 있습니다. 각 캐시 동작이 독립된 진입점이므로 `allow-all`로 남아 있는 캐시 동작이 하나만 있어도 충분히 위험합니다.
    .remediation = `DefaultCacheBehavior`와 `CacheBehaviors`의 모든 항목에 `ViewerProtocolPolicy: redirect-to-https`(또는 `https-only`)를 설정하십시오.

# PAL-CLOUDFRONT-002
cloudfront-tls-outdated = CloudFront 배포가 TLSv1.2_2021보다 오래된 뷰어 TLS를 허용함
    .description = 뷰어 인증서의 `MinimumProtocolVersion`은 뷰어가 협상할 수 있는 TLS 버전과 암호를 결정합니다. `SSLv3`, `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`은 다운그레이드 공격에 노출되는 더 이상 사용되지 않는 프로토콜(RFC 8996)을 허용합니다. `TLSv1.2_2018`과 `TLSv1.2_2019`는 TLS 1.2를 유지하지만 더 약한 암호 그룹을 사용합니다(낮은 심각도로 보고). 자체 인증서에 `MinimumProtocolVersion`이 없으면 `TLSv1`이 적용되며, 기본 인증서(`CloudFrontDefaultCertificate: true` 또는 `ViewerCertificate` 없음, 즉 `*.cloudfront.net` 이름)는 무엇을 지정하든 항상 TLSv1을 허용합니다.
    .remediation = ACM 인증서(us-east-1 리전)를 사용하여 자체 도메인으로 배포를 제공하십시오: `ViewerCertificate: {"{"}AcmCertificateArn: ..., SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021{"}"}`.
