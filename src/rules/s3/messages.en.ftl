# English finding messages of the `s3` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

s3-access-logging-bucket-enable = bucket `{ $bucket }` does not enable server access logging
s3-default-encryption-bucket-declare = bucket `{ $bucket }` does not declare default encryption
s3-default-encryption-bucket-empty = bucket `{ $bucket }` has an empty encryption configuration
s3-deny-insecure-transport-bucket-bucket = bucket `{ $bucket }` has no bucket policy denying requests without TLS
s3-deny-insecure-transport-policy-bucket = the policy of bucket `{ $bucket }` does not deny requests without TLS
s3-deny-insecure-transport-bucket = bucket `{ $bucket }`
s3-encryption-sse-kms-bucket-uses = bucket `{ $bucket }` uses SSE-S3 (AES256) rather than SSE-KMS
s3-noncurrent-version-expiration-bucket-versioned = bucket `{ $bucket }` is versioned but has no lifecycle rule expiring noncurrent versions
s3-noncurrent-version-expiration-enabled-lifecycle = no enabled lifecycle rule of bucket `{ $bucket }` expires noncurrent versions
s3-public-access-block-bucket-publicaccessblockconfiguration = bucket `{ $bucket }` has no PublicAccessBlockConfiguration and { $why }, and nothing in the template keeps it private
s3-public-access-block-bucket-publicaccessblockconfiguration-2 = bucket `{ $bucket }` has no PublicAccessBlockConfiguration: new buckets block all public access and disable ACLs by default (since April 2023), so it stays private unless the block is removed later; declare it to keep it in the template
s3-public-access-block-bucket-sets = bucket `{ $bucket }` sets { $name } to false
s3-public-access-block-bucket-set = bucket `{ $bucket }` does not set { $name } (defaults to false)
s3-public-acl-bucket-grants = bucket `{ $bucket }` ACL `{ $source_text }` grants { $what } access to { $who }
s3-public-bucket-policy-allows-everyone = bucket policy `{ $policy }` allows { $what } to everyone without a restricting condition
s3-versioning-bucket-enable = bucket `{ $bucket }` does not enable versioning
s3-versioning-bucket = bucket `{ $bucket }` has versioning `{ $s }`
s3-public-bucket-policy-statement = the statement
s3-account-public-access-block-off = the account's S3 Block Public Access does not turn on { $settings }
s3-public-by-acl = its ACL `{ $acl }` makes it public
s3-public-by-policy = bucket policy `{ $policy }` allows everyone
s3-who-every-account = every AWS account
s3-who-everyone = everyone
s3-what-read-write = read and write
s3-what-read = read
