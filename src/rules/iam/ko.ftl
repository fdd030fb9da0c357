# PAL-IAM-001
iam-full-admin = IAM 정책이 전체 관리자 액세스 권한을 부여함
    .description = 모든 리소스에 대한 모든 작업을 허용하는 문은 해당 보안 주체를 계정의 관리자로 만듭니다. 보안 주체는 모든 데이터를 읽고, 모든 제어를 변경하고, 자신을 위한 새 자격 증명을 생성할 수 있습니다. 따라서 키 하나가 유출되거나 워크로드 하나가 침해되면 곧 계정이 침해됩니다. 결과에는 AWS 작업 카탈로그를 기준으로 확장한 후 문이 부여하는 작업 수가 포함됩니다. 지정된 리소스로 제한된 `Action: "*"`도 해당 리소스에 대한 전체 관리 권한(삭제, 리소스 정책 재작성, 공유 또는 노출)이므로 리소스 이름과 함께 높은 심각도로 보고합니다.
    .remediation = `Action: "*"`를 보안 주체에게 필요한 작업으로, 필요한 리소스에 한정하여 바꾸십시오. 워크로드가 실제로 호출하는 작업(CloudTrail, IAM Access Analyzer 정책 생성)에서 시작하고, 관리자 액세스는 MFA를 요구하는 소수의 비상 액세스(break-glass) 역할에만 남겨 두십시오.

# PAL-IAM-002
iam-allow-not-action = IAM 정책이 일부 작업을 제외한 모든 작업을 허용함(Allow와 NotAction)
    .description = `NotAction`과 함께 쓴 `Allow`는 나열되지 않은 모든 작업을 부여하며, 여기에는 AWS가 앞으로 추가하는 모든 서비스의 모든 작업도 포함됩니다. IAM을 제외하려는 의도의 문도 수백 개 서비스에 걸쳐 수천 개의 작업을 부여하는 경우가 많습니다. 결과에는 현재 해당 문이 부여하는 작업 수가 포함됩니다.
    .remediation = 문을 제외 목록이 아니라 필요한 작업의 `Allow`(`Action`)로 작성하십시오. `NotAction`은 `Deny`와 함께일 때만 사용하십시오.

# PAL-IAM-003
iam-service-wildcard = IAM 정책이 서비스의 모든 작업을 허용함(`service:*`)
    .description = `service:*`는 권한 관리 작업(예: `s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `iam:*` 자체)과 서비스가 앞으로 추가하는 모든 작업을 포함하여 해당 서비스의 모든 작업을 부여합니다. 결과에는 와일드카드가 부여하는 작업 수가 액세스 수준별로 포함됩니다. AWS 관리형 정책이 통째로 부여하는 SSM 에이전트의 메시지 서비스(`ec2messages:*`, `ssmmessages:*`)는 예상된 것으로 간주합니다.
    .remediation = `service:*` 대신 보안 주체가 사용하는 작업(`s3:GetObject`, `s3:PutObject`, ...) 또는 좁은 접두사(`s3:Get*`)를 나열하고, `Resource`를 작업 대상 리소스로 한정하십시오.

# PAL-IAM-004
iam-write-on-any-resource = IAM 정책이 모든 리소스에 대한 쓰기 또는 권한 관리 작업을 허용함
    .description = 쓰기, 태그 지정, 권한 관리 작업은 무언가를 변경합니다. `Resource: "*"`에 허용되면 워크로드의 리소스뿐 아니라 계정의 모든 리소스에 적용됩니다. 테이블 하나에 써야 하는 함수가 모든 테이블을 삭제할 수 있습니다. 리소스 수준 권한을 지원하지 않는 작업(`*`에만 부여할 수 있음)은 계산하지 않으며, 표준 에이전트(SSM 에이전트, CloudWatch 에이전트, Lambda 실행 역할)의 AWS 관리형 정책이 `*`에 부여하는 작업도 에이전트에 필요한 것이므로 계산하지 않습니다.
    .remediation = `Resource`를 보안 주체가 작업하는 ARN(테이블, 버킷 접두사, 대기열)으로 한정하거나, 범위를 좁히는 조건(`aws:ResourceTag/...`)을 추가하십시오. 리소스 수준 권한을 지원하지 않는 작업만 `Resource: "*"`가 필요합니다.

# PAL-IAM-005
iam-admin-managed-policy = 관리자와 동등한 AWS 관리형 정책이 연결됨
    .description = AWS 관리형 정책 중 조건 없이 모든 리소스에 적용되는 `Allow` 문이 합쳐서 다음을 부여하면 관리자와 동등한 정책으로 봅니다: 모든 작업(`AdministratorAccess`), 또는 AWS 작업 카탈로그 작업의 95% 이상, 즉 몇 개를 제외한 모든 서비스(`PowerUserAccess`는 IAM, Organizations, 계정 관리를 제외한 모든 것을 부여하므로 모든 데이터의 읽기와 삭제, 복호화, 모든 컴퓨팅 실행이 가능합니다), 또는 보유자가 스스로 무엇이든 부여할 수 있는 작업, 즉 역할, 사용자 또는 그룹에 정책을 연결하거나 작성하는 작업이나 관리형 정책의 새 버전을 작성하는 작업(`IAMFullAccess`, `AdministratorAccess-Amplify`). 정책 자체의 `Deny` 문이 거부할 수 있는 작업은 계산하지 않습니다. 이름 목록이 아니라 Palisade에 포함된 AWS 관리형 정책의 공개 문서를 기준으로 판단합니다. 이러한 정책을 워크로드 역할이나 사용자에게 연결하면 해당 보안 주체(및 그 자격 증명을 탈취한 누구나)가 계정을 장악하게 됩니다.
    .remediation = 정책(`AdministratorAccess`, `PowerUserAccess`, `IAMFullAccess`, ...)을 보안 주체에게 필요한 권한을 부여하는 고객 관리형 정책(또는 더 좁은 직무용 AWS 관리형 정책)으로 바꾸십시오.

# PAL-IAM-006
iam-privilege-escalation = 보안 주체가 자신의 권한을 상승시킬 수 있음
    .description = 일부 권한은 사실상 관리자 액세스입니다. `iam:CreatePolicyVersion`이 있으면 보안 주체는 자신의 정책을 다시 작성하고, `iam:PassRole`과 컴퓨팅 서비스가 있으면 더 높은 권한의 역할로 코드를 실행하며, `iam:CreateAccessKey`가 있으면 다른 사용자가 됩니다. Palisade는 모든 보안 주체의 정책(인라인, 관리형, AWS 관리형, 그룹 멤버십, 권한 경계)을 평가하여, 보안 주체가 수행할 수 있는 공개적으로 알려진 권한 상승 기법 각각을 스캔에 포함된 역할, 사용자, 그룹, 정책을 기준으로 판단하여 보고합니다. `iam:PassRole`은 해당 기법의 서비스를 신뢰하고(`iam:PassedToService` 조건 아래에서) 보안 주체보다 권한이 높은(관리자이거나 보안 주체에게 없는 권한을 가진) 역할이 있을 때, 또는 부여 범위가 스캔 밖의 역할에까지 미칠 때는 어떤 역할로든 권한을 상승시킵니다(참조, `!GetAtt Role.Arn` 또는 `aws_iam_role.r.arn`으로 지정된 템플릿의 역할은 그 역할로 봅니다). 정책 쓰기는 보안 주체 자신(`${"{"}aws:username{"}"}`을 통한 경우 포함), 그 그룹, 보안 주체에 연결된 정책, 또는 이후 수임할 수 있는 역할에 대해 권한을 상승시킵니다. 다른 사용자의 새 자격 증명, 다시 작성된 신뢰 정책, `sts:AssumeRole` 또는 그룹 멤버십은 더 높은 권한의 보안 주체로 권한을 상승시킵니다. 조건(MFA, 소스 주소)이 붙은 부여는 그 조건과 함께 보고합니다. 무해한 역할만 전달하는 경우, 아무 데도 연결되지 않은 정책을 작성하는 경우, 자기 자신의 키, 명시적인 `Deny`, 해당 작업이 없는 권한 경계는 권한 상승이 아닙니다. 보안 주체가 여러 기법을 수행할 수 있고 그중 하나가 다른 기법 권한의 부분 집합만 필요로 하면, 더 좁은 기법을 보고하고 더 넓은 기법은 함께 나열합니다. 기존 리소스(함수, 인스턴스, 빌드, 노트북, ...)에서 코드를 실행하는 기법은 한꺼번에 보고합니다. 점검하는 기법의 전체 표는 영어 규칙 문서(palisade rule PAL-IAM-006 --lang en)에 있습니다.
    .remediation = 해당 기법에 필요한 권한을 제거하거나 범위를 한정하십시오: `iam:PassRole`은 `iam:PassedToService` 조건과 함께 특정 역할 ARN으로, IAM 쓰기 작업(`CreatePolicyVersion`, `Attach*Policy`, `Put*Policy`, `CreateAccessKey`, ...)은 보안 주체가 이미 가진 것 이상을 부여할 수 없는 리소스로 한정하거나, 이를 거부하는 권한 경계를 사용하십시오.

# PAL-IAM-007
iam-trust-policy-public = 역할 신뢰 정책이 누구나 역할을 수임하도록 허용함
    .description = 신뢰 정책의 `Principal: "*"` 또는 `{"{"}"AWS": "*"{"}"}`는 조건으로 대상을 좁히지 않는 한 전 세계 모든 계정의 모든 AWS 보안 주체가 역할을 수임할 수 있게 합니다. 역할의 ARN을 알게 된 누구나 그 권한을 얻습니다. 토큰의 주체(`<provider>:sub`)에 대한 조건이 신뢰 정책에 없는, OIDC 공급자와 페더레이션된 역할(GitHub Actions, GitLab, EKS, ...)도 마찬가지로, 해당 공급자의 모든 리포지토리, 파이프라인 또는 서비스 계정이 역할을 수임할 수 있습니다.
    .remediation = 역할을 수임할 수 있는 계정, 역할 또는 서비스를 `Principal`에 지정하십시오. 조직의 여러 계정에 필요하다면 `aws:PrincipalOrgID` 조건과 함께일 때만 `Principal: {"{"}AWS: "*"{"}"}`를 유지하십시오. OIDC 페더레이션의 경우 리포지토리, 브랜치 또는 서비스 계정을 지정하는 `StringLike: {"{"}<provider>:sub: ...{"}"}`를 추가하십시오(GitHub의 경우: `repo:ORG/REPO:ref:refs/heads/main`).

# PAL-IAM-008
iam-cross-account-trust = 역할이 외부 ID나 MFA 없이 다른 AWS 계정을 신뢰함
    .description = 계정(계정 ID 또는 `:root`)을 신뢰하면 판단을 해당 계정의 관리자에게 위임하게 됩니다. 그 관리자가 허용하는 모든 보안 주체가 역할을 수임할 수 있습니다. 서드 파티의 경우 외부 ID가 혼동된 대리자 문제를 방지하고, 사람의 경우 MFA를 요구하면 탈취된 액세스 키만으로는 수임할 수 없습니다. 템플릿에서는 계정 ID가 리터럴로 작성되어 있으므로 Palisade는 그것이 자체 계정인지 알 수 없습니다. 함께 스캔한 라이브 계정 스냅숏에서는 더 많은 것을 알 수 있습니다. 역할 자신의 계정에 대한 신뢰는 보고하지 않고, 스캔한 다른 계정에 대한 신뢰는 그 계정에서 역할을 수임할 수 있는 보안 주체를 밝히며, 스캔 범위 밖의 계정에 대한 신뢰는 외부 계정으로 보고합니다.
    .remediation = 신뢰 문에 조건을 추가하십시오: 서드 파티에는 `StringEquals: {"{"}sts:ExternalId: ...{"}"}`, 사람에게는 `Bool: {"{"}aws:MultiFactorAuthPresent: true{"}"}`, 또는 다른 계정에서 역할을 수임할 수 있는 대상을 지정하는 `aws:PrincipalOrgID` / `aws:PrincipalArn`.

# PAL-IAM-009
iam-resource-policy-public = 대기열, 주제, 함수 또는 리소스 정책이 모든 사용자에게 액세스를 허용함
    .description = 제한 조건 없이 `Principal: "*"`를 지정한 리소스 정책은 누구나(모든 AWS 계정, 그리고 일부 서비스에서는 익명 호출자까지) 대기열에 메시지를 보내고, 주제에 게시하고, 함수를 호출할 수 있게 합니다. 조건이 제한으로 인정되려면 긍정 연산자(`StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`, `IpAddress` 및 그 `IfExists`와 집합 형식)가 네트워크 키(`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceVpcArn`), 조직 키(`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:SourceOrgID`, `aws:SourceOrgPaths`), 계정 또는 소스 키(`aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceAccount`, `aws:SourceArn`, SNS의 `aws:SourceOwner`)를 호출자를 좁히는 값과 비교해야 합니다. `*`, `o-*` 또는 와일드카드로만 된 ARN 패턴은 제한이 아닙니다. (템플릿의 S3 버킷 정책과 KMS 키 정책은 별도의 규칙이 있습니다.)
    .remediation = `Principal`에 보안 주체를 지정하거나, 호출자를 제한하는 조건과 함께일 때만 `*`를 유지하십시오: AWS 서비스에는 `aws:SourceArn` / `aws:SourceAccount`, 조직에는 `aws:PrincipalOrgID`, 네트워크 경계에는 `aws:SourceVpce` / `aws:SourceIp`를 사용합니다. `AWS::Lambda::Permission`에는 `SourceArn`, `SourceAccount` 또는 `PrincipalOrgID`를 설정하십시오.

# PAL-IAM-010
iam-console-user-mfa = 콘솔 사용자에게 MFA 사용이 강제되지 않음
    .description = `LoginProfile`이 있는 사용자는 암호로 콘솔에 로그인합니다. MFA가 없으면 피싱당하거나 재사용된 암호만으로 사용자를 탈취할 수 있습니다. IAM은 구성만으로 암호 사용자의 로그인 시 MFA를 요구할 수 없으며, 일반적인 제어는 MFA 없이 이루어진 요청을 거부하는 정책입니다. Palisade는 사용자 자신의 정책과 그룹 정책에서 이러한 거부를 찾으며, 그중 일부가 템플릿 밖에 있으면 보고하지 않습니다.
    .remediation = `aws:MultiFactorAuthPresent`가 false일 때(`BoolIfExists`) 자신의 MFA 디바이스 관리를 제외한 모든 것을 거부하는 정책을 직접 또는 그룹을 통해 연결하거나, 사용자를 IAM Identity Center로 옮기십시오.

# PAL-IAM-011
iam-user-attached-policy = IAM 사용자에게 정책이 직접 연결됨
    .description = 개별 사용자에게 연결된 권한은 점점 어긋납니다. 사용자마다 조금씩 다른 권한 집합을 갖게 되고 아무도 이를 검토하지 않습니다. 그룹을 통해 권한을 부여하면 검토하고 회수할 곳이 한 곳으로 유지됩니다.
    .remediation = 정책을 그룹(`AWS::IAM::Group`)에 연결하고 사용자를 그 멤버로 만들거나, 워크로드에는 사용자 대신 역할을 부여하십시오.

# PAL-IAM-012
iam-user-access-key = IAM 사용자에 대한 장기 액세스 키가 생성됨
    .description = 액세스 키는 스스로 만료되지 않습니다. 템플릿에서 생성된 키는 대개 출력, 파라미터 또는 구성 파일에 남아 유출되며, 키를 가진 사람은 누군가 이를 발견하고 삭제할 때까지 해당 사용자로 행동할 수 있습니다.
    .remediation = 대신 임시 자격 증명을 사용하는 역할을 사용하십시오: 인스턴스 프로파일, 태스크 또는 함수 역할, IAM Roles Anywhere, 또는 CI를 위한 OIDC 페더레이션. 키가 불가피하다면 Secrets Manager에 보관하고 교체하십시오.

# PAL-IAM-013
iam-scp-guardrails = 서비스 제어 정책에 일반적인 조직 가드레일이 없음
    .description = 서비스 제어 정책은 어떤 계정 관리자도 제거할 수 없는 가드레일입니다. 관리자가 침해되더라도 계정을 조직 내에 유지하고 탐지 제어(CloudTrail, GuardDuty, Config, Security Hub)가 계속 동작하도록 합니다. 결과에는 스캔한 SCP에 일반적인 가드레일 중 어떤 것이 있고 어떤 것이 빠져 있는지가 나열됩니다. 조건이 있는 문(보안 역할에 대한 예외)도 있는 것으로 간주합니다.
    .remediation = 계정에 연결된 SCP에 빠진 가드레일에 대한 `Deny` 문을 추가하십시오: `organizations:LeaveOrganization`, `cloudtrail:StopLogging`/`DeleteTrail`, `guardduty:DeleteDetector`, `config:StopConfigurationRecorder`/`DeleteConfigurationRecorder`, `securityhub:DisableSecurityHub`, 그리고 리전 제한(`StringNotEquals: {"{"}aws:RequestedRegion: [...]{"}"}`를 사용한 `Deny`).

# PAL-IAM-014
iam-policy-invalid = IAM 정책 문서가 유효하지 않음
    .description = 철자가 틀린 작업은 AWS에서 오류가 아닙니다. 해당 문은 아무 경고 없이 아무것도 허용하거나 거부하지 않으므로, 무언가를 보호하려던 `Deny`가 보호하지 못하고, 워크로드는 검토 단계가 아닌 프로덕션에서 실패합니다. Palisade는 모든 작업을 AWS 작업 카탈로그(445개 서비스, 20,455개 작업)와 대조하고, ARN, 조건 연산자, `Version`을 검사합니다. `2012-10-17`이 없으면 `${"{"}aws:username{"}"}`과 같은 정책 변수가 치환되지 않습니다. `Version`이 없는 경우 정책이 변수를 사용하지 않으면 정보(info)로만 보고합니다(변수를 사용하면 중간, `Deny`가 변수를 사용하면 높음).
    .remediation = 보고된 요소를 수정하십시오: `Version: "2012-10-17"`을 사용하고, 작업 이름은 AWS 서비스 권한 부여 참조(Service Authorization Reference)의 철자대로 쓰고(메시지가 가장 가까운 이름을 제안합니다), ARN은 `arn:partition:service:region:account:resource` 형식으로 쓰고, 문서화된 조건 연산자를 사용하고, 리소스 수준 권한을 지원하지 않는 작업은 `Resource: "*"`에 부여하십시오.

# PAL-IAM-015
iam-resource-policy-cross-account = 리소스 정책이 제한 조건 없이 다른 AWS 계정에 액세스를 허용함
    .description = 계정 ID(또는 그 `:root`)를 지정한 버킷, 키, 대기열, 주제 또는 함수 정책은 해당 계정의 관리자가 허용하는 그 계정의 모든 보안 주체가 리소스를 사용할 수 있게 합니다. 다른 계정이 침해되거나 소유자가 바뀌는 즉시 데이터가 통제를 벗어납니다. 계정이 리터럴로 작성되어 있으므로 Palisade는 그것이 템플릿 자신의 계정인지 알 수 없으며, 결과는 부여를 확인하거나 범위를 좁히도록 요청합니다.
    .remediation = 해당 계정이 액세스해야 하는 계정인지 확인하십시오. 계정 전체 대신 액세스가 필요한 역할(`arn:aws:iam::ACCOUNT:role/NAME`)을 지정하고, 부여 범위를 경계 안으로 유지하는 조건을 추가하십시오: 조직의 계정에는 `aws:PrincipalOrgID`, 해당 계정을 위해 동작하는 서비스에는 `aws:SourceArn` / `aws:SourceAccount`를 사용합니다. 자체 계정은 다른 계정으로 오인되지 않도록 `${"{"}AWS::AccountId{"}"}`로 작성하십시오.

# PAL-IAM-016
iam-password-policy-weak = 계정 암호 정책이 취약함
    .description = 암호로 콘솔에 로그인하는 IAM 사용자는 계정 암호 정책의 보호를 받습니다. 모든 문자 유형을 포함하지 않는 짧은 암호는 추측 공격과 크리덴셜 스터핑에 뚫리고, 만료되지 않거나 이전 암호로 되돌릴 수 있는 암호는 유출된 후에도 오랫동안 유효합니다. 가이드와 CIS AWS Foundations Benchmark는 최소 14자, 모든 문자 유형, 최근 24개 암호의 재사용 금지, 90일 이내 만료를 요구합니다. Terraform에서 설정하지 않은 인수는 계정 기본값(6자, 문자 유형 요구 없음, 재사용 허용, 만료 없음)을 따릅니다.
    .remediation = `minimum_password_length`를 14 이상으로 설정하고, 영문 소문자와 대문자, 숫자, 기호를 요구하고, `password_reuse_prevention`을 24로, `max_password_age`를 90일 이하로 설정하십시오. 더 나은 방법은 IAM Identity Center를 통한 페더레이션 액세스를 제공하여 암호가 필요한 IAM 사용자를 없애는 것입니다.

# PAL-IAM-017
iam-credential-stale = 90일 동안 사용되지 않았거나 교체되지 않은 IAM 사용자 자격 증명
    .description = 90일 동안 사용되지 않은 암호나 액세스 키는 더 이상 필요 없는 사람이나 폐기된 워크로드의 것이며, 그것을 발견한 누군가만 사용할 수 있습니다. 90일 동안 교체되지 않은 키는 그 기간 동안 로그, 노트북, 저장소를 통해 유출될 수 있었습니다. 기간은 IAM 자격 증명 보고서를 사용하여 스냅샷을 수집한 시점부터 계산합니다. 한 번도 사용되지 않은 자격 증명은 생성 시점으로 판단합니다.
    .remediation = 아무도 사용하지 않는 콘솔 암호를 제거하거나 액세스 키를 비활성화한 후 삭제하십시오(`aws iam delete-login-profile`, `aws iam update-access-key --status Inactive`, 그다음 `aws iam delete-access-key`). 아직 필요한 키는 교체하십시오. 두 번째 키를 만들고 워크로드를 옮긴 뒤 이전 키를 삭제합니다. 더 나은 방법은 장기 키를 역할로 대체하는 것입니다.

# PAL-IAM-018
iam-root-credentials = 루트 사용자에게 액세스 키가 있거나 MFA가 없음
    .description = 루트 사용자는 계정에서 모든 작업을 할 수 있으며 어떤 정책으로도 제한할 수 없습니다. 루트 사용자의 액세스 키는 어디서든 작동하는 영구적이고 제한할 수 없는 자격 증명이며, MFA 없는 루트 암호는 한 번의 피싱이나 크리덴셜 스터핑 시도로 뚫립니다. 실제 계정의 자격 증명 보고서와 계정 요약에서 읽습니다.
    .remediation = 루트 사용자의 액세스 키를 삭제하고(루트 사용자의 보안 자격 증명 페이지) MFA를 켜십시오. 가능하면 하드웨어 키나 패스키를 사용하십시오. 루트 사용자는 루트가 필요한 몇 가지 작업에만 사용하고, AWS Organizations를 사용한다면 루트 액세스를 중앙에서 관리하고 멤버 계정의 루트 자격 증명을 제거하십시오.
