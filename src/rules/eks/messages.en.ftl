# English finding messages of the `eks` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

eks-control-plane-logging-cluster-enables = EKS cluster `{ $cluster }` enables no control-plane logs
eks-control-plane-logging-cluster-enable = EKS cluster `{ $cluster }` does not enable the { $missing } control-plane logs
eks-nodegroup-ssh-open-node-group = node group `{ $group }` has an SSH key and no SourceSecurityGroups: port 22 is open to 0.0.0.0/0
eks-public-endpoint-cluster-api = EKS cluster `{ $cluster }` has a public API endpoint open to 0.0.0.0/0 (no PublicAccessCidrs)
eks-public-endpoint-cluster-api-2 = EKS cluster `{ $cluster }` public API endpoint allows every address
eks-secrets-encryption-cluster-encryptionconfig = EKS cluster `{ $cluster }` has no EncryptionConfig: secrets are not envelope-encrypted
eks-secrets-encryption-encryptionconfig-cluster = EncryptionConfig of EKS cluster `{ $cluster }` does not encrypt `secrets` with a KMS key
