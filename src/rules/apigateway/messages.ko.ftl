# Korean finding messages of the `apigateway` rules: the ids and variables of messages.en.ftl,
# in its order.

apigateway-method-without-auth-api-gateway = API Gateway 메서드 `{ $method }`({ $verb })의 권한 부여 설정이 { $how }이고 API 키도 요구하지 않음: 누구나 호출할 수 있음
apigateway-method-without-auth-type-absent = AuthorizationType 없음(NONE)
apigateway-method-without-auth-type-none = AuthorizationType NONE
