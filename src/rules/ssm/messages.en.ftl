# English finding messages of the `ssm` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

ssm-secret-in-plain-parameter-looks-like = SSM parameter `{ $parameter }` looks like a secret but is a plain { $kind }
