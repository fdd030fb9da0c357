# Korean finding messages of the `securityhub` rules: the ids and variables of messages.en.ftl,
# in its order.

securityhub-superseded-standard-subscribes-use = `{ $name }`에서 { $name2 }을(를) 구독함. 대신 `{ $current }`을(를) 사용하십시오
