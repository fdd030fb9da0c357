# 진단의 세부 내용: 입력이 설명하는 인프라가 아니라 입력 자체의 문제 (한국어). 진단의
# 종류(`오류: 구문 분석할 수 없음`)는 레이블(`labels.ko.ftl`)입니다.

## 파일 읽기.
diag-file-too-large = 파일이 너무 큼({ $size }바이트, 한도는 { $limit }바이트)
diag-file-over-limit = 파일이 너무 큼(한도 { $limit }바이트 초과)
diag-not-utf8 = 파일이 올바른 UTF-8이 아님({ $line }행 { $col }열에 처음 잘못된 바이트가 있음)
diag-not-utf16 = 파일이 올바른 UTF-16이 아님(바이트 순서 표시가 있으나 { $line }행 { $col }열에 처음 잘못된 코드 단위가 있음)
diag-is-directory = 디렉터리임
diag-not-regular-file = 일반 파일이 아님(FIFO, 소켓 또는 장치): 읽지 않음
diag-not-regular-file-opened = 일반 파일이 아님: 읽지 않음
diag-io-error = { $kind ->
    [not-found] 파일이나 디렉터리가 없음
    [permission-denied] 권한이 없어 읽을 수 없음
   *[other] 입출력 오류(시스템 메시지: "{ $detail }")
}
diag-stdin = 표준 입력: { $problem }
diag-stdin-too-large = 표준 입력: { $problem } (--max-file-size로 한도를 높일 수 있음)
diag-internal-error = 이 파일을 분석하는 중 내부 오류가 발생함: 이 파일과 함께 보고해 주십시오
diag-internal-rule-error = 이 파일을 검사하는 중 규칙 { $rule }에서 내부 오류가 발생함: 보고해 주십시오
diag-excluded-by-config = 구성의 `exclude`에 따라 분석 대상에서 빠짐
diag-invalid-exclude = 잘못된 --exclude 패턴(오류: "{ $detail }")

## 구문 분석.
diag-syntax-error = 구문 오류: { $detail }
diag-not-valid-syntax = 올바른 { $syntax }이(가) 아님(파서 메시지: "{ $detail }")
diag-helm-template = 렌더링하지 않은 Helm 템플릿으로 보임: 먼저 `helm template`으로 렌더링하십시오(파서 메시지: "{ $detail }")
diag-unknown-input = CloudFormation 템플릿, Terraform 계획, Kubernetes 매니페스트, IAM 정책 문서 중 어느 것도 아님
diag-unknown-input-resources = CloudFormation 템플릿, Terraform 계획, Kubernetes 매니페스트, IAM 정책 문서 중 어느 것도 아님(CloudFormation 템플릿에는 `AWSTemplateFormatVersion`이나, `Type`이 `AWS::`로 시작하는 문자열인 리소스가 있어야 함)

## 계정 스냅숏.
diag-snapshot-same-account = 이 스캔의 다른 스냅숏이 이미 계정 { $account }의 것임: 이 스냅숏은 분석하지 않음
diag-snapshot-version = 지원하지 않는 스냅숏 형식 버전(이 버전이 읽는 형식: { $version })
diag-snapshot-account-id = `account`는 12자리 계정 ID여야 함
diag-snapshot-not-list = `{ $key }`은(는) 목록이어야 함
diag-snapshot-not-list-but = `{ $key }`은(는) { $found }이(가) 아니라 목록이어야 함
diag-snapshot-not-object = `{ $key }`은(는) 객체여야 함
diag-snapshot-error-entry = `errors`의 항목에는 `service`와 `call`이 있어야 함
diag-snapshot-in-region = {" "}{ $region } 리전
diag-snapshot-for-resource = {" "}`{ $resource }` 대상
diag-snapshot-not-answered = `{ $call }`{ $place } 호출에 응답이 없음({ $error }): 이 호출이 보여 주는 내용은 알 수 없으며 이에 기대는 결과는 없음. 수집하려면 `{ $permission }` 권한이 필요함
diag-snapshot-function-policy = 함수의 정책이 JSON이 아님
diag-snapshot-no-arn = `{ $list }`의 항목에 `Arn`이 없음
diag-snapshot-credential-report = `GetCredentialReport`는 행의 목록이어야 함
diag-snapshot-collected-at = `collected_at`은 RFC 3339 시각이어야 함: 자격 증명의 사용 기간을 판정하지 않음
diag-snapshot-row-no-user = 자격 증명 보고서의 행에 `user`가 없음

## 값.
diag-value-type = { $kind ->
    [null] null
    [boolean] 불리언
    [number] 숫자
    [string] 문자열
    [list] 목록
   *[map] 맵
}
diag-walk-error = 디렉터리를 탐색할 수 없음(오류: "{ $detail }")

## 억제.
diag-suppress-metadata-not-map = `{ $id }`의 `Metadata.palisade`는 `ignore` 목록이 있는 맵이어야 함
diag-suppress-metadata-unknown-key = `{ $id }`의 `Metadata.palisade`에 알 수 없는 키 `{ $key }`이(가) 있음(`ignore`만 쓸 수 있음)
diag-suppress-unknown-key = 억제에 알 수 없는 키 `{ $key }`이(가) 있음(`id`와 `reason`만 쓸 수 있음)
diag-suppress-needs-id = 억제에는 `id`(규칙 ID 또는 슬러그)가 있어야 함
diag-suppress-not-map = 억제는 `id`와 `reason`이 있는 맵이어야 함
diag-suppress-needs-rule = `{ $marker }` 뒤에 규칙 ID가 있어야 함: `# { $marker } PAL-S3-001 reason`
diag-suppress-unknown-rule = 알 수 없는 규칙 `{ $rule }`의 억제
diag-suppress-no-reason = `{ $rule }`의 억제에 이유가 없음: 위험을 받아들이는 이유를 적으십시오
diag-suppress-unused = 사용하지 않는 억제: 여기에서 `{ $rule }`이(가) 보고하는 결과가 없음

## 기준선.
diag-baseline-resource = {" "}({ $resource })
diag-baseline-gone = 더 이상 나타나지 않는 항목이므로 제거하십시오: { $file }{ $resource }의 { $rule }: "{ $message }"

## 사용자 지정 규칙.
diag-custom-rule = 사용자 지정 규칙(엔진 메시지: "{ $detail }")
diag-custom-rule-failed = 사용자 지정 규칙 { $rule }이(가) { $file }을(를) 검사하다 실패함(엔진 메시지: "{ $detail }")

## CloudFormation.
diag-cfn-out-of-work = 템플릿 평가에 { $steps }단계보다 많이 걸림
diag-cfn-expression-too-deep = 식의 중첩이 { $depth }단계보다 깊음
diag-cfn-condition-too-deep = 조건의 중첩이 { $depth }단계보다 깊음
diag-cfn-parameter-cycle = 파라미터 `{ $name }`의 기본값이 자기 자신을 참조함
diag-cfn-text-too-long = { $function }이(가) { $bytes }바이트보다 긴 문자열을 만듦
diag-cfn-mapping-cycle = 매핑 `{ $map }`.`{ $k1 }`.`{ $k2 }`이(가) 자기 자신을 참조함
diag-cfn-condition-cycle = 조건 `{ $name }`이(가) 자기 자신을 참조함
diag-cfn-resources-not-map = `Resources`는 맵이어야 하나 { $found }임
diag-cfn-resource-twice = 리소스 `{ $id }`이(가) 두 번 정의됨
diag-cfn-type-not-string = 리소스 `{ $id }`: `Type`은 문자열이어야 함
diag-cfn-no-type = 리소스 `{ $id }`에 `Type`이 없음
diag-cfn-undefined-ref = `Ref`가 가리키는 `{ $name }`은(는) 템플릿의 파라미터나 리소스가 아님
diag-cfn-undefined-getatt = `Fn::GetAtt`가 가리키는 `{ $name }`은(는) 템플릿의 리소스가 아님
diag-cfn-undefined-sub = `Fn::Sub` 자리 표시자가 가리키는 `{ $name }`은(는) 템플릿의 파라미터나 리소스가 아님
diag-cfn-loop-work = 이 템플릿의 루프 확장에 { $steps }단계보다 많이 걸림
diag-cfn-loop-shape = [식별자, 컬렉션, 출력 맵] 목록이어야 함
diag-cfn-loop-identifier = 루프 식별자는 문자열이어야 함
diag-cfn-loop-collection-unknown = 컬렉션이 알려진 문자열의 목록이 아님(값이 없는 파라미터이거나 확인되지 않은 함수)
diag-cfn-loop-collection-large = 컬렉션의 값이 { $count }개로 { $max }개보다 많음
diag-cfn-loop-output = 출력은 리소스 템플릿의 맵이어야 함
diag-cfn-loop-resources = 루프가 만드는 리소스가 { $max }개보다 많음
diag-cfn-unexpanded = `{ $name }`의 리소스를 분석하지 않음: { $reason }
diag-cfn-conditions-unexplored = 리소스 `{ $id }`에 대해 조건 { $names }을(를) 탐색하지 않음(관련 리소스의 판정 불가 조건은 최대 { $max }개까지 함께 탐색함): 이 조건에 따라 달라지는 결과는 보고하지 않음
diag-cfn-conditions-unexplored-large = 리소스 `{ $id }`에 대해 조건 { $names }을(를) 탐색하지 않음: 템플릿({ $size }바이트)이 커서 판정 불가 조건의 조합은 최대 { $variants }가지만 평가함: 이 조건에 따라 달라지는 결과는 보고하지 않음
diag-cfn-not-evaluated = 값을 평가하지 않음: { $reason }
diag-cfn-not-analysed = 값을 분석하지 않음: { $reason }
diag-sam-unknown-template = 정책 템플릿 `{ $name }`은(는) Palisade가 알지 못함
diag-sam-template-parameter = 정책 템플릿 `{ $name }`에는 파라미터 `{ $parameter }`이(가) 필요함
diag-sam-policy-not-analysed = { $why }: 역할 `{ $role }`의 권한을 분석하지 않음
diag-sam-policies-item = `Policies` 항목이 정책이 아님: 역할 `{ $role }`의 권한을 분석하지 않음

## Kubernetes.
diag-k8s-list-depth = 이 객체는 { $depth }단계보다 깊게 중첩된 `List` 안에 있음: 이 객체와 그 항목을 분석하지 않음

## Terraform.
diag-tf-function-failed = 함수의 결과를 알 수 없어 값을 알 수 없음(이유: "{ $detail }")
diag-tf-variable-cycle = 변수 `{ $name }`이(가) 자기 자신에 의존함: 값을 알 수 없음
diag-tf-local-cycle = 로컬 값 `{ $name }`이(가) 자기 자신에 의존함: 값을 알 수 없음
diag-tf-output-cycle = 출력 `{ $name }`이(가) 자기 자신에 의존함: 값을 알 수 없음
diag-tf-too-deep = 식이 너무 깊게 중첩됨: 값을 알 수 없음
diag-tf-function-unsupported = 함수 `{ $name }`은(는) 지원하지 않음: 결과를 알 수 없음
diag-tf-template-invalid = 올바른 템플릿이 아님(파서 메시지: "{ $detail }")
diag-tf-module-not-evaluated = 모듈을 평가할 수 없음
diag-tf-count-cycle = `count` 또는 `for_each`가 자기 자신에 의존함
diag-tf-too-many-instances = 인스턴스 { $count }개를 요청함: 처음 { $max }개만 분석함
diag-tf-too-many-instances-total = 인스턴스 { $count }개를 요청함: 구성이 `count`와 `for_each`로 만든 인스턴스가 { $max }개에 이르러 { $kept }개만 분석함
diag-tf-resource-cycle = 리소스의 인수가 자기 자신에 의존함
diag-tf-too-many-modules = 모듈 인스턴스가 너무 많음: 나머지는 분석하지 않음
diag-tf-module-not-downloaded = 모듈 `{ $name }`(소스 `{ $source }`)을(를) 로컬에서 찾을 수 없음: `terraform init`으로 내려받으십시오. 이 모듈의 리소스는 분석하지 않음
diag-tf-module-cycle = 모듈 `{ $name }`이(가) 자기 자신을 호출하거나 너무 깊게 중첩됨: 분석하지 않음
diag-tf-module-empty = 모듈 `{ $name }`: `{ $source }`에 Terraform 파일이 없음: 분석하지 않음
diag-internal-module-error = 이 모듈을 분석하는 중 내부 오류가 발생함: 이 모듈과 함께 보고해 주십시오
diag-tf-plan-modules-depth = { $depth }단계보다 깊게 중첩된 모듈은 분석하지 않음

## YAML 읽기.
diag-duplicate-key = 중복된 키 `{ $key }`({ $line }행에서 처음 정의됨)
diag-yaml11-yn = `{ $text }`을(를) 불리언이 아닌 문자열로 읽음(YAML 1.1 리더마다 `y`/`n`을 다르게 읽음): `{ $write }`로 쓰십시오
diag-yaml11-bool-string = `{ $text }`을(를) 불리언이 아닌 문자열로 읽음(따옴표로 묶였거나 YAML 1.1 표기가 아님): `{ $write }`로 쓰십시오
diag-yaml11-octal-0o = `{ $text }`은(는) YAML 1.2에서는 정수이지만 CloudFormation이 따르는 YAML 1.1에서는 문자열임: `{ $value }`로 쓰십시오
diag-yaml11-octal-0o-decimal = `{ $text }`은(는) YAML 1.2에서는 정수이지만 CloudFormation이 따르는 YAML 1.1에서는 문자열임: 10진수로 쓰십시오
diag-yaml11-leading-zero-value = `{ $text }`은(는) YAML 1.2에서는 10진수이지만 YAML 1.1에서는 8진수({ $value })임: 앞의 0 없이 뜻하는 수를 쓰십시오
diag-yaml11-leading-zero = `{ $text }`은(는) YAML 1.2에서는 10진수이지만 YAML 1.1에서는 8진수임: 앞의 0 없이 뜻하는 수를 쓰십시오

## 규칙.
diag-rule-id-taken = ID가 `{ $id }`인 규칙이 이미 있음
diag-rule-slug-taken = 슬러그가 `{ $slug }`인 규칙이 이미 있음

## Parser messages (the detail of a syntax error)
parse-too-large = 파일이 너무 커서 구문 분석할 수 없음
parse-end-of-input = 입력의 끝
parse-invalid-byte = 잘못된 바이트
parse-expected = { $what }이(가) 와야 하는데 { $found }이(가) 있음
parse-too-deep = 중첩이 { $max }단계보다 깊음
parse-json-trailing = JSON 값 뒤에 예상하지 못한 { $found }
parse-json-literal = 잘못된 리터럴(`{ $word }`이어야 함)
parse-json-leading-zero = JSON 숫자는 0으로 시작할 수 없음
parse-json-unterminated = 문자열이 닫히지 않음
parse-json-escape = 문자열에 잘못된 이스케이프 시퀀스
parse-json-control = JSON 문자열의 제어 문자는 이스케이프해야 함
parse-json-hex4 = `\u` 뒤에는 16진수 네 자리가 와야 함
parse-json-lone-surrogate = `\u` 이스케이프에 짝이 없는 UTF-16 서로게이트
parse-what-json-value = JSON 값
parse-what-array-next = 배열 요소 뒤의 `,` 또는 `]`
parse-what-object-next = 객체 멤버 뒤의 `,` 또는 `{"}"}`
parse-what-colon = 객체 키 뒤의 `:`
parse-what-digit = 숫자
parse-what-fraction-digit = 소수점 뒤의 숫자
parse-what-exponent-digit = 지수의 숫자
parse-what-key-or-end = 문자열 키 또는 `{"}"}`
parse-what-key = 문자열 키
parse-yaml-scanner = YAML 파서 메시지 "{ $detail }"
parse-yaml-alias-nodes = 별칭 확장이 노드 { $max }개를 넘음(billion laughs 공격 가능성)
parse-yaml-copy-budget = { $what }이(가) { $max }바이트보다 많이 복사하게 됨(billion laughs 공격 가능성)
parse-yaml-what-nested-anchors = 다른 앵커 노드 안에 중첩된 앵커 노드
parse-yaml-what-alias = 별칭 확장
parse-yaml-unbalanced = 컬렉션의 끝이 짝이 맞지 않음
parse-yaml-key-without-value = 키 `{ $key }`에 값이 없음
parse-yaml-key-not-scalar = 맵 키는 스칼라여야 하는데 { $found }임
parse-yaml-merge = 병합 키 `<<`에는 맵 또는 맵의 목록이 와야 함
parse-yaml-unknown-anchor = 알 수 없는 앵커를 가리키는 별칭
