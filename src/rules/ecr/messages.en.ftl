# English finding messages of the `ecr` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

ecr-encryption-kms-repository-uses = ECR repository `{ $repository }` uses the default AES256 encryption, not KMS
ecr-encryption-kms-repository-uses-2 = ECR repository `{ $repository }` uses AES256 encryption, not KMS
ecr-immutable-tags-repository-mutable = ECR repository `{ $repository }` has mutable tags (the default)
ecr-immutable-tags-repository = ECR repository `{ $repository }` has tag mutability `{ $t }`
ecr-scan-on-push-repository-images = ECR repository `{ $repository }` does not scan images on push
ecr-scan-on-push-repository-sets = ECR repository `{ $repository }` sets ScanOnPush to false
