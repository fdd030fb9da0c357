# Korean finding messages of the `imds` rules: the ids and variables of messages.en.ftl,
# in its order.

imdsv2-not-required-set-metadataoptions = `{ $name }`에 MetadataOptions.HttpTokens 설정이 없음: IMDSv1을 계속 사용할 수 있음
imdsv2-not-required-allows-imdsv1 = `{ $name }`에서 IMDSv1을 허용함(HttpTokens: optional)
