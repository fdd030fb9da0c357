# Korean finding messages of the `waf` rules: the ids and variables of messages.en.ftl,
# in its order.

alb-without-waf-internet-facing = 인터넷 경계 로드 밸런서 `{ $balancer }`에 연결된 WAF 웹 ACL이 없음
apigateway-without-waf-api-gateway = API Gateway 스테이지 `{ $stage }`에 연결된 WAF 웹 ACL이 없음
cloudfront-without-waf-distribution-webaclid = CloudFront 배포 `{ $distribution }`에 WebACLId가 없음
