# English finding messages of the `apigateway` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

apigateway-method-without-auth-api-gateway = API Gateway method `{ $method }` ({ $verb }) has { $how } and requires no API key: anyone can call it
apigateway-method-without-auth-type-absent = no AuthorizationType (NONE)
apigateway-method-without-auth-type-none = AuthorizationType NONE
