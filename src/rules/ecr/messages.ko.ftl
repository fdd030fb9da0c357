# Korean finding messages of the `ecr` rules: the ids and variables of messages.en.ftl,
# in its order.

ecr-encryption-kms-repository-uses = ECR 리포지토리 `{ $repository }`에서 KMS가 아닌 기본 AES256 암호화를 사용함
ecr-encryption-kms-repository-uses-2 = ECR 리포지토리 `{ $repository }`에서 KMS가 아닌 AES256 암호화를 사용함
ecr-immutable-tags-repository-mutable = ECR 리포지토리 `{ $repository }`의 태그가 변경 가능함(기본값)
ecr-immutable-tags-repository = ECR 리포지토리 `{ $repository }`의 태그 변경 가능성 설정이 `{ $t }`임
ecr-scan-on-push-repository-images = ECR 리포지토리 `{ $repository }`에서 푸시 시 이미지를 스캔하지 않음
ecr-scan-on-push-repository-sets = ECR 리포지토리 `{ $repository }`에서 ScanOnPush를 false로 설정함
