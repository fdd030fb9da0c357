# English finding messages of the `logs` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

log-group-kms-kmskeyid = log group `{ $group }` has no KmsKeyId
log-group-retention-short-keeps-events = log group `{ $group }` keeps events for { $d } days (less than { $min_retention_days })
metric-filter-without-alarm-template-watches = metric filter `{ $filter }` feeds metric `{ $name }`, which no alarm of the template watches
