# Korean finding messages of the `cloudfront` rules: the ids and variables of messages.en.ftl,
# in its order.

cloudfront-tls-outdated-distribution-uses = CloudFront 배포 `{ $id }`에서 TLSv1을 허용하는 기본 *.cloudfront.net 인증서를 사용함: 뷰어가 TLS 1.0으로 다운그레이드될 수 있음
cloudfront-tls-outdated-distribution-sets = CloudFront 배포 `{ $id }`에 MinimumProtocolVersion이 설정되지 않아 TLSv1을 허용함({ $current } 사용 권장)
cloudfront-viewer-protocol-allow-all-distribution-allows = CloudFront 배포 `{ $distribution }`의 { $which }에서 암호화되지 않은 HTTP로 뷰어 요청을 허용함(ViewerProtocolPolicy allow-all)
cloudfront-tls-outdated-distribution-accepts = CloudFront 배포 `{ $id }`에서 { $v } 허용: TLS 1.2 이전 프로토콜임({ $current } 사용 권장)
cloudfront-tls-outdated-distribution-accepts-2 = CloudFront 배포 `{ $id }`에서 { $v } 허용: 더 약한 암호를 사용하는 TLS 1.2임({ $current } 사용 권장)
cloudfront-cache-behaviour = 캐시 동작 `{ $path }`
cloudfront-default-cache-behaviour = 기본 캐시 동작
