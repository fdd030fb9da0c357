# English finding messages of the `waf` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

alb-without-waf-internet-facing = internet-facing load balancer `{ $balancer }` has no WAF web ACL association
apigateway-without-waf-api-gateway = API Gateway stage `{ $stage }` has no WAF web ACL association
cloudfront-without-waf-distribution-webaclid = CloudFront distribution `{ $distribution }` has no WebACLId
