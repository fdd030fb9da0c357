# Korean finding messages of the `secrets` rules: the ids and variables of messages.en.ftl,
# in its order.

hardcoded-password-message = { $where_ }: { $what }
hardcoded-password-comes-whose = { $place }: { $noun } `{ $name }`에서 온 값이며, 그 { $default }이(가) 리터럴 값임
hardcoded-password-default = { $noun } `{ $name }`의 기본값
hardcoded-password-looks-like = { $noun } `{ $p_name }`이(가) 시크릿으로 보이며 리터럴 { $default }이(가) 있음
hardcoded-password-2 = { $noun } `{ $p_name }`
private-key-contains = { $place }에 프라이빗 키(`{ $label }`)가 포함됨
secret-parameter-without-noecho-used-but = { $noun } `{ $p_name }`이(가) { $place }에 사용되지만 { $hidden } 설정이 아님
secret-parameter-without-noecho-used-here = 여기에서 `{ $p_name }` 사용
secret-parameter-without-noecho-looks-like = { $noun } `{ $p_name }`이(가) 시크릿으로 보이지만 { $hidden } 설정이 아님
aws-access-key-contains = { $place }에 AWS 액세스 키 ID(`{ $key }`)가 포함됨
aws-access-key-contains-secret = { $place }에 AWS 보안 액세스 키가 포함됨
hardcoded-password-url = 리터럴 암호가 포함된 URL이 있음
hardcoded-password-literal = 리터럴 값으로 설정됨
