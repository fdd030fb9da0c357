# English finding messages of the `imds` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

imdsv2-not-required-set-metadataoptions = `{ $name }` does not set MetadataOptions.HttpTokens: IMDSv1 stays available
imdsv2-not-required-allows-imdsv1 = `{ $name }` allows IMDSv1 (HttpTokens: optional)
