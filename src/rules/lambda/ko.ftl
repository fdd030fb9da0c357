# PAL-LAMBDA-001
lambda-deprecated-runtime = Lambda 함수가 지원 중단된 런타임을 사용함
    .description = 런타임의 지원 중단 날짜 이후에는 AWS가 해당 런타임에 보안 패치를 더 이상 적용하지 않으며, 이후 해당 런타임을 사용하는 함수의 생성을, 그다음에는 업데이트를 차단합니다. 그러면 언어 런타임이나 함께 제공되는 라이브러리의 취약점이 영구히 남게 됩니다.
    .remediation = 함수를 지원되는 런타임(예: `nodejs22.x`, `python3.13`, `java21`, `dotnet8`, `provided.al2023`)으로 옮기고, 테스트한 다음, `Runtime`을 그에 맞게 설정하십시오.

# PAL-LAMBDA-002
lambda-permission-without-source = Lambda 권한이 모든 계정을 대신한 AWS 서비스의 함수 호출을 허용함
    .description = `s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com`과 같은 서비스 보안 주체에 대한 권한에 `SourceArn`이나 `SourceAccount`가 없으면 해당 서비스가 모든 AWS 계정의 모든 리소스를 위해 함수를 호출할 수 있습니다. 다른 사람의 버킷 알림, 주제 구독 또는 이벤트 규칙이 조작된 이벤트로 함수를 호출할 수 있습니다(혼동된 대리자 문제). 그러면 함수는 계정 외부에서 온 입력으로 역할의 권한을 가지고 코드를 실행합니다.
    .remediation = 함수를 호출하는 버킷, 주제, 규칙 또는 API의 ARN으로 `SourceArn`(`!GetAtt Topic.TopicArn`, `!GetAtt Rule.Arn`)을 추가하고 `SourceAccount: !Ref AWS::AccountId`를 추가하십시오. 버킷 ARN에 계정이 포함되지 않는 S3의 경우 항상 `SourceAccount`를 설정하십시오.
