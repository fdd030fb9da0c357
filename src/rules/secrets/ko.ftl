# PAL-SEC-001
hardcoded-password = 암호 또는 기타 시크릿이 템플릿에 리터럴로 작성됨
    .description =
        템플릿에 작성된 시크릿은 템플릿의 모든 사본에 들어 있습니다: 리포지토리와 그 기록, CI 로그, 아티팩트 버킷, 그리고 CloudFormation이 스택을 위해 보관하는 템플릿으로, `cloudformation:GetTemplate` 권한이 있는 누구나 읽을 수 있습니다. 코드를 수정하지 않고는 교체할 수 없으며, 대개 여러 환경에서 공유됩니다.

        이 규칙은 이름이 `password`, `passwd`, `passphrase`, `secret`, `secretstring`, `secretkey`, `privatekey`, `apikey` 또는 `token`으로 끝나거나(`MasterUserPassword`, `AuthToken`, `SecretString`, `DB_PASSWORD`, `client_secret`...) 마지막 단어가 `pass` 또는 `pwd`인 속성, 환경 변수, JSON 필드를 검사하며, 요청 토큰(`ClientToken`)과 `ManageMasterUserPassword` 같은 스위치는 제외합니다. 또한 `AWS::ApiGateway::ApiKey`의 `Value`, 암호가 포함된 URL(`postgres://user:password@host`), 그리고 이러한 속성에 사용되거나 시크릿처럼 이름이 지정되었으면서 리터럴 `Default`가 있는 파라미터를 검사합니다. 값은 직접 가져오거나 `Fn::Join`, `Fn::Sub`, `Fn::If`의 조각에서 가져옵니다. 동적 참조, `${"{"}...{"}"}` 자리 표시자, ARN, 부울 값, 6자 미만의 값은 시크릿으로 보지 않습니다. `CHANGEME`와 같은 자리 표시자는 그대로 배포되므로 시크릿으로 봅니다. 메시지에는 시크릿이 절대 출력되지 않습니다.
    .remediation = 시크릿을 템플릿에 두지 마십시오. RDS와 Aurora에서는 `ManageMasterUserPassword: true`를 설정하여 RDS가 Secrets Manager에 암호를 보관하도록 하십시오. 그 밖의 경우에는 `AWS::SecretsManager::Secret`(`GenerateSecretString`)으로 시크릿을 생성하고 `'{"{"}{"{"}resolve:secretsmanager:MyDbSecret:SecretString:password{"}"}{"}"}'`와 같은 동적 참조로 참조하거나, `NoEcho: true`이고 `Default`가 없는 파라미터를 통해 배포 시점에 전달하십시오. 한 번이라도 커밋된 시크릿은 교체하십시오.

# PAL-SEC-002
aws-access-key = AWS 액세스 키가 템플릿에 작성됨
    .description =
        시크릿 키와 함께 있는 액세스 키 ID(`AKIA...`, `ASIA...`)는 IAM 사용자의 유효한 장기 자격 증명입니다. 템플릿, 그 리포지토리 또는 스택에 저장된 템플릿을 읽은 사람은 누구나 키가 삭제될 때까지 어디에서든 해당 사용자로 행동할 수 있습니다. 자동화된 스캐너는 몇 분 안에 퍼블릭 리포지토리에서 키를 수집합니다.

        이 규칙은 모든 위치(속성, 사용자 데이터, 태그, 메타데이터, 출력, 파라미터 기본값)에서 액세스 키 ID를 찾고, `aws_secret_access_key=...` 형태로 작성되었거나 `secret`과 `key` 또는 `access`를 포함하는 이름 아래에 작성된 40자의 보안 액세스 키를 찾습니다. AWS 설명서의 예제 키(`EXAMPLE` 포함)는 무시합니다.
    .remediation = 지금 바로 액세스 키를 비활성화하고 삭제하고(`aws iam update-access-key --status Inactive` 다음 `delete-access-key`), CloudTrail에서 키의 사용 내역을 확인하고, 템플릿과 리포지토리 기록에서 키를 제거하십시오. 워크로드에는 대신 임시 자격 증명을 자동으로 제공하는 IAM 역할을 부여하십시오(EC2에는 `AWS::IAM::InstanceProfile`, Lambda에는 함수의 `Role`, ECS에는 태스크 역할).

# PAL-SEC-003
private-key = 프라이빗 키가 템플릿에 작성됨
    .description = 템플릿에 있는 PEM 프라이빗 키(`-----BEGIN ... PRIVATE KEY-----`)는 그 키가 나타내는 ID(SSH 로그인, TLS 서버, 서명 키)를 보유자에게 넘겨줍니다. 템플릿은 리포지토리, CI 시스템, 스택에 저장된 템플릿으로 복사되므로 키는 이미 노출된 것으로 간주해야 합니다. 본문이 자리 표시자(`${"{"}Key{"}"}`, `...`)인 블록은 보고하지 않습니다.
    .remediation = 키 페어 또는 인증서를 폐기하고, 프라이빗 키를 템플릿에 두지 마십시오. Secrets Manager에 저장하고 부팅 시 가져오거나(사용자 데이터에서 `aws secretsmanager get-secret-value` 실행, 해당 시크릿 하나만 읽을 수 있는 인스턴스 역할 사용), TLS 인증서에는 ACM을 사용하고 SSH 키를 배포하는 대신 EC2 Instance Connect나 Systems Manager Session Manager를 사용하십시오.

# PAL-SEC-004
secret-parameter-without-noecho = 시크릿을 전달하는 파라미터가 NoEcho가 아님
    .description =
        `NoEcho`가 없으면 CloudFormation은 스택에 대한 읽기 권한이 있는 누구에게나 콘솔, `describe-stacks` 출력, 스택 이벤트에서 파라미터 값을 평문으로 보여 줍니다.

        파라미터가 암호와 유사한 속성(`hardcoded-password` 참조)의 값으로 사용되거나(`Ref`, `Fn::Sub`), 이름에 `password`, `passwd`, `passphrase`, `pwd`, `secret`, `token`, `apikey`, `privatekey`, `credential` 또는 `authkey`가 포함되고 그것으로 끝나면(또는 `s`, `Value`, `Param`, `Parameter`, `String`, `Text`, `PlainText`, `Input`으로 끝나면) 시크릿을 전달하는 파라미터로 봅니다. 시크릿 자체가 아니라 시크릿에 관한 이름(`SecretArn`, `SecretName`, `TokenTtl`, `PasswordLength`)과 키 페어 이름(`KeyName`)은 해당하지 않습니다. 일반 유형(`String`, `Number`, 목록)만 검사합니다. `AWS::SSM::Parameter::Value<...>` 파라미터의 값은 SSM 파라미터 이름이기 때문입니다.
    .remediation = 파라미터에 `NoEcho: true`를 추가하고 `Default`는 두지 마십시오. 더 나은 방법은 파라미터를 없애는 것입니다. RDS에는 `ManageMasterUserPassword: true`를, 그 밖에는 `{"{"}{"{"}resolve:secretsmanager:...{"}"}{"}"}` 동적 참조를 사용하십시오.
