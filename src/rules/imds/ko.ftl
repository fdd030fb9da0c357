# PAL-IMDS-001
imdsv2-not-required = EC2 인스턴스 또는 시작 템플릿이 IMDSv2를 요구하지 않음
    .description = IMDSv1이 허용되면 인스턴스의 애플리케이션에 있는 서버 측 요청 위조(SSRF) 취약점(URL 가져오기 기능, XML 파서, 잘못 구성된 프록시)만으로 `http://169.254.169.254/`를 읽어 인스턴스 역할의 임시 자격 증명을 탈취할 수 있으며, 이는 여러 대규모 침해 사고의 경로였습니다. IMDSv2는 PUT 요청으로 얻은 세션 토큰을 요구하는데, 이러한 버그로는 PUT 요청을 보낼 수 없습니다. `MetadataOptions`가 없으면 AMI가 IMDSv2 전용으로 표시되지 않은 한 인스턴스는 IMDSv1을 허용합니다. 자체 `MetadataOptions`가 없는 시작 템플릿에서 시작된 인스턴스는 시작 템플릿을 기준으로 판단합니다. 심각도 중간: IMDSv1을 악용하려면 먼저 인스턴스의 애플리케이션에 결함이 있어야 하며, 얻을 수 있는 것은 계정이 아닌 하나의 인스턴스 역할의 자격 증명입니다.
    .remediation = `MetadataOptions: {"{"}HttpTokens: required, HttpPutResponseHopLimit: 1{"}"}`을 추가하거나(인스턴스에, 또는 시작 템플릿의 경우 `LaunchTemplateData`에), 인스턴스가 메타데이터 서비스를 전혀 사용하지 않는다면 `HttpEndpoint: disabled`를 설정하십시오.
