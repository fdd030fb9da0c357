# PAL-WAF-001
alb-without-waf = 인터넷 경계 Application Load Balancer에 WAF 웹 ACL이 없음
    .description = 인터넷 경계 Application Load Balancer는 모든 요청을 애플리케이션으로 전달합니다. 웹 ACL은 일반적인 익스플로잇(SQL 삽입, 교차 사이트 스크립팅, 알려진 악성 입력)을 필터링하고, 속도 제한으로 악의적인 클라이언트를 차단하며, 가상 패치를 신속하게 적용할 수 있는 지점을 제공합니다. 이 규칙은 같은 템플릿에서 연결(association)을 찾으며, 연결의 대상을 결정할 수 없으면 아무것도 보고하지 않습니다.
    .remediation = AWS 관리형 규칙 그룹(`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`)과 속도 기반 규칙을 포함하는 `AWS::WAFv2::WebACL`(범위 `REGIONAL`)을 생성하고, `ResourceArn`이 로드 밸런서의 `!Ref`인 `AWS::WAFv2::WebACLAssociation`으로 연결하십시오.

# PAL-WAF-002
cloudfront-without-waf = CloudFront 배포에 WAF 웹 ACL이 없음
    .description = 배포는 애플리케이션의 공개된 정문으로, 인터넷의 모든 요청이 배포에 도달합니다. 웹 ACL이 없으면 삽입 공격 시도, 알려진 악성 입력, 봇, 요청 폭주가 모두 오리진까지 전달됩니다. 엣지에서 ACL을 연결하면 트래픽이 오리진 용량을 소모하기 전에 차단할 수도 있습니다.
    .remediation = AWS 관리형 규칙 그룹과 속도 기반 규칙을 사용하는 `Scope: CLOUDFRONT`(us-east-1 리전)의 `AWS::WAFv2::WebACL`을 생성하고, `DistributionConfig.WebACLId`를 그 ARN(`!GetAtt EdgeWebAcl.Arn`)으로 설정하십시오.

# PAL-WAF-003
apigateway-without-waf = API Gateway 스테이지에 WAF 웹 ACL이 없음
    .description = REST API 스테이지는 그 뒤의 함수와 서비스로 곧장 이어지는 인터넷 진입점입니다. 웹 ACL이 없으면 삽입 공격 시도, 알려진 악성 입력, 요청 폭주가 필터링 없이 통합에 도달하며, 악의적인 클라이언트를 차단하거나 결함을 신속히 패치할 지점이 없습니다. 이 규칙은 같은 템플릿에서 연결(association)을 찾으며, 연결의 대상을 결정할 수 없으면 아무것도 보고하지 않습니다. 프라이빗 API의 스테이지는 보고하지 않습니다.
    .remediation = AWS 관리형 규칙 그룹과 속도 기반 규칙을 포함하는 `AWS::WAFv2::WebACL`(범위 `REGIONAL`)을 생성하고, `ResourceArn`이 스테이지의 ARN(`!Sub 'arn:aws:apigateway:${"{"}AWS::Region{"}"}::/restapis/${"{"}Api{"}"}/stages/${"{"}Stage{"}"}'`)인 `AWS::WAFv2::WebACLAssociation`으로 연결하십시오.
