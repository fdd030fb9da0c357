# PAL-SSM-001
ssm-secret-in-plain-parameter = 시크릿이 일반 텍스트 SSM 파라미터에 보관됨
    .description = `String` 및 `StringList` 파라미터는 암호화되지 않은 상태로 저장되며, `kms:Decrypt` 확인 없이 해당 파라미터에 대한 `ssm:GetParameter` 권한이 있는 누구나 읽을 수 있고, 값이 콘솔과 CloudFormation에 표시됩니다. 이름이나 논리적 ID로 보아 암호, 암호 문구, 토큰, API 키 또는 액세스 키, 연결 문자열, 자격 증명을 보관하는 파라미터는 이러한 유형이어서는 안 됩니다. 입력에서 계산되는 이름(`!Sub /${"{"}Env{"}"}/db/password`, 또는 `/${"{"}var.env{"}"}/db/password`와 같은 Terraform 템플릿)은 리터럴 부분으로 판단합니다.
    .remediation = 시크릿은 AWS Secrets Manager(`GenerateSecretString`과 교체 일정을 갖춘 `AWS::SecretsManager::Secret`)에 보관하거나, CloudFormation 외부에서 생성하고(CloudFormation은 이를 생성할 수 없음) `{"{"}{"{"}resolve:ssm-secure:name{"}"}{"}"}`으로 읽는 `SecureString` 파라미터에 보관하십시오.
