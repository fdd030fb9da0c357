# Korean finding messages of the `iam` rules: the ids and variables of messages.en.ftl,
# in its order.

iam-admin-managed-policy-attached-grants = { $kind } `{ $name }`에 AWS 관리형 정책 `{ $name2 }`이(가) 연결됨: { $grants } 권한을 부여함
iam-allow-not-action-allows-everything = { $label }: { $items }개 항목을 제외한 모든 작업을 허용함: { $describe }{ $scope }
iam-console-user-mfa-access-policy = 사용자 `{ $user }`에게 콘솔 액세스 권한이 있고 MFA 없는 요청을 거부하는 정책이 없음
iam-cross-account-trust-trusts-without = { $label }: sts:ExternalId나 MFA를 요구하지 않고 계정 { $acct }을(를) 신뢰함
iam-cross-account-trust-scanned = { $label }: sts:ExternalId나 MFA를 요구하지 않고 스캔한 계정 { $acct }을(를) 신뢰함. 이 역할을 맡을 수 있는 그 계정의 보안 주체: { $who }
iam-cross-account-trust-external = { $label }: sts:ExternalId나 MFA를 요구하지 않고 스캔하지 않은 외부 계정 { $acct }을(를) 신뢰함
iam-full-admin-allows-everything = { $label }: 존재하지 않는 작업을 제외한 모든 작업을 모든 리소스에 허용함: 전체 관리자 액세스
iam-full-admin-allows = { $label }: { $on }에 `{ $pat }` 허용: { $access }
iam-full-admin-allows-resource = { $label }: 모든 리소스에 `{ $pat }` 허용: 전체 관리자 액세스({ $catalog2 }개 서비스에 걸친 { $catalog }개 작업)
iam-password-policy-weak-message = 암호 정책 `{ $policy }`: { $msg }
iam-password-policy-weak-require = 암호 정책 `{ $policy }`에서 { $what }을(를) 요구하지 않음
iam-policy-invalid-language-version = `{ $v }`은(는) 정책 언어 버전이 아님: 2012-10-17을 사용하십시오
iam-policy-invalid-language-differs = { $what }; 이 언어 버전은 정책 변수에서만 2012-10-17과 다르며 이 정책은 정책 변수를 사용하지 않음: `Version: "2012-10-17"`을 설정하십시오
iam-policy-invalid-variable-substituted = { $what }: 정책 변수 `{ $var }`이(가) 치환되지 않아 이를 사용하는 문은 리터럴 텍스트와 비교함{ $guard }. `Version: "2012-10-17"`을 사용하십시오
iam-policy-invalid-allowdeny-case = `{ $e }`은(는) Effect 값이 아님: `Allow` 또는 `Deny`를 사용하십시오(대소문자 구분)
iam-policy-invalid-statement-element = `{ $k }`은(는) 문(statement) 요소가 아님{ $hint }
iam-policy-invalid-statement-needs = { $usage }의 문에는 `Principal` 또는 `NotPrincipal`이 필요함
iam-policy-invalid-service-action = `{ $a }`은(는) 작업이 아님: `service:Action` 형식으로 쓰십시오
iam-policy-invalid-matches-aws = `{ $a }`과(와) 일치하는 AWS 작업이 없음
iam-policy-invalid-unknown-service = `{ $a }`의 서비스 접두사 `{ $svc }`을(를) 알 수 없음{ $hint }
iam-policy-invalid-matches-action = `{ $a }`과(와) 일치하는 { $s_name } 작업이 없음
iam-policy-invalid-unknown-action = 알 수 없는 작업 `{ $a }`: { $s_name }에 `{ $name }` 작업이 없음{ $hint }
iam-policy-invalid-malformed-arn = 형식이 잘못된 ARN `{ $r }`: { $e }
iam-policy-invalid-resource = `{ $full_name }`은(는) 리소스 수준 권한을 지원하지 않음: 특정 리소스를 지정하면 이 문은 해당 작업을 결코 허용하지 않음. `Resource: "*"`에 부여하십시오
iam-privilege-escalation-escalates = { $describe }: { $target }에 대해 { $method }({ $name }) 기법으로 권한을 상승시킬 수 있음: { $grants }
iam-privilege-escalation-conditions = , { $conditions }
iam-privilege-escalation-also = ; 그 밖의 기법: { $methods }
iam-privilege-escalation-allows = { $policy }에서 { $action } 허용
iam-privilege-escalation-role-trusts = 역할 `{ $role }`이(가) { $service }을(를) 신뢰하므로 전달될 수 있음
iam-resource-policy-cross-account-grants-access = { $label }: 계정 { $acct }의 모든 보안 주체에게 액세스를 허용함
iam-resource-policy-cross-account-permission-lets = 권한 `{ $permission }`: 계정 { $who }의 모든 보안 주체가 함수를 호출할 수 있음
iam-resource-policy-public-grants-access = { $noun } 정책 `{ $policy }`에서 모든 사용자에게 액세스를 허용함
iam-resource-policy-public-permission-lets = 권한 `{ $permission }`: 누구나 함수를 호출할 수 있음
iam-scp-guardrails-service-control = 서비스 제어 정책에서 { $missing }을(를) 거부하지 않음. 있는 가드레일: { $have }
iam-service-wildcard-allows-all = { $label }: `{ $a }` 허용: { $s_name }의 작업 { $e }개 전체{ $extra }
iam-trust-policy-public-lets-aws = { $label }: 모든 AWS 보안 주체가 역할을 수임할 수 있음
iam-trust-policy-public-trusts-oidc = { $label }: `{ $sub }`에 대한 조건 없이 OIDC 공급자 `{ $provider }`을(를) 신뢰함: 해당 공급자의 모든 ID가 역할을 수임할 수 있음
iam-user-access-key-creates-long = 액세스 키 `{ $key }`이(가) 장기 자격 증명을 생성함{ $user }
iam-user-attached-policy-inline-policies = 사용자 `{ $user }`에게 인라인 정책이 있음
iam-user-attached-policy-managed-policies = 사용자 `{ $user }`에게 관리형 정책이 연결됨
iam-user-attached-policy-users = 정책 `{ $policy }`이(가) 사용자에게 연결됨
iam-write-on-any-resource-grants-action = { $label }: 모든 리소스에 { $services }개 서비스에 걸친 쓰기 작업 { $e }개를 부여함({ $levels }, 예: { $examples }{ $more }){ $plural ->
       *[other] { $plural2 ->
           *[other] {""}
        }
    }
iam-policy-invalid-statement-needs-2 = 문에는 `Action` 또는 `NotAction`이 필요함
iam-policy-invalid-identity-cannot = 자격 증명 기반 정책에는 `Principal` 또는 `NotPrincipal`을 지정할 수 없음: 정책이 연결된 자격 증명에 적용됨
iam-policy-invalid-statement-identity = 자격 증명 기반 정책의 문에는 `Resource` 또는 `NotResource`가 필요함
iam-policy-invalid-statement-cannot = 문에 `Action`과 `NotAction`을 함께 지정할 수 없음
iam-policy-invalid-statement-cannot-2 = 문에 `Resource`와 `NotResource`를 함께 지정할 수 없음
iam-resource-policy-public-grants-access-2 = 리소스 정책에서 제한 조건 없이 모든 사용자에게 액세스를 허용함
iam-policy-invalid-did-you = ; 유사한 이름: `{ $e }`
iam-policy-invalid-did-you-2 = ; 유사한 이름: { $quote }
iam-policy-invalid-did-you-3 = ; 유사한 이름: { $quote }
iam-policy-invalid-set-operator = 알 수 없는 집합 연산자 `{ $operator }:`(`ForAllValues:` 또는 `ForAnyValue:`이어야 함)
iam-policy-invalid-operator-case = {" "}(연산자는 대소문자를 구분함: `{ $operator }`)
iam-policy-invalid-operator-did-you-mean = ; 유사한 이름: `{ $operator }`
iam-policy-invalid-unknown-operator = 알 수 없는 조건 연산자 `{ $operator }`{ $hint }
iam-policy-invalid-null-operator = `{ $operator }`은(는) 유효하지 않음: `Null`에는 `IfExists`나 집합 연산자를 사용할 수 없음
iam-root-credentials-key = 루트 사용자에게 활성 액세스 키가 있음(키 { $slot })
iam-root-credentials-no-mfa = 루트 사용자에게 MFA가 없음
iam-root-credentials-no-mfa-summary = 루트 사용자에게 MFA가 없음(`AccountMFAEnabled`가 0)
iam-credential-stale-password-never = `{ $user }`의 콘솔 암호가 스냅샷 { $days }일 전에 설정된 후 한 번도 사용되지 않음
iam-credential-stale-password-unused = `{ $user }`의 콘솔 암호가 스냅샷 { $days }일 전에 마지막으로 사용됨
iam-credential-stale-key-never = `{ $user }`의 액세스 키 { $slot }이(가) 생성된 후 { $days }일 동안 한 번도 사용되지 않음
iam-credential-stale-key-unused = `{ $user }`의 액세스 키 { $slot }이(가) { $days }일 동안 사용되지 않음
iam-credential-stale-key-unrotated = `{ $user }`의 액세스 키 { $slot }이(가) { $days }일 동안 교체되지 않음
