# PAL-APIGW-001
apigateway-method-without-auth = API Gateway 메서드를 권한 부여 없이 호출할 수 있음
    .description = `AuthorizationType: NONE`(기본값)이고 API 키도 요구하지 않는 메서드는 URL을 아는 인터넷상의 누구에게나 응답합니다. 그 뒤의 통합(Lambda 함수, 서비스 작업, 백엔드)이 익명 호출자를 위해 실행되므로, 호출자는 통합이 반환하는 내용을 읽고, 통합이 기록하는 내용을 변경하고, 비용을 증가시킬 수 있습니다. `OPTIONS` 메서드(CORS 사전 요청)는 보고하지 않습니다.
    .remediation = 메서드에 `AuthorizationType: AWS_IAM`, `COGNITO_USER_POOLS`(`AuthorizerId` 포함) 또는 `CUSTOM`(Lambda 권한 부여자)을 지정하십시오. 공개 상태를 유지해야 하는 메서드라면 최소한 스로틀링이 설정된 사용량 계획에 연결된 API 키를 요구하십시오(`ApiKeyRequired: true`).
