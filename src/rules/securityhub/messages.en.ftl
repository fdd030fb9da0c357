# English finding messages of the `securityhub` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

securityhub-superseded-standard-subscribes-use = `{ $name }` subscribes { $name2 }; use `{ $current }` instead
