# English finding messages of the `guardduty` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

guardduty-detector-disabled-enable-false = GuardDuty detector `{ $detector }` has Enable: false
guardduty-protection-disabled-detector-turns = GuardDuty detector `{ $detector }` turns off { $name }
