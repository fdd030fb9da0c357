# English finding messages of the `secretsmanager` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

secret-without-rotation-schedule-template = secret `{ $secret }` has no rotation schedule
