# Korean finding messages of the `guardduty` rules: the ids and variables of messages.en.ftl,
# in its order.

guardduty-detector-disabled-enable-false = GuardDuty 탐지기 `{ $detector }`의 설정이 Enable: false임
guardduty-protection-disabled-detector-turns = GuardDuty 탐지기 `{ $detector }`에서 { $name } 기능을 끔
